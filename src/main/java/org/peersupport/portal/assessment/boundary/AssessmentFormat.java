package org.peersupport.portal.assessment.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.peersupport.portal.platform.control.UkTime;

/** Dates and times on the assessment pages, in UK local time. */
@Named
@ApplicationScoped
public class AssessmentFormat {

    private static final DateTimeFormatter DATE = UkTime.DATE_SHORT;
    private static final DateTimeFormatter DATE_TIME = UkTime.DATE_TIME_SHORT;

    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(UkTime.ZONE));
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(UkTime.ZONE));
    }

    /** For a {@code datetime} attribute of a {@code time} element. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
