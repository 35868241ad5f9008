package org.peersupport.portal.candidate.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.peersupport.portal.platform.control.UkTime;

/**
 * Dates on the candidate record pages as people in the UK write them ("4 November 2026", "Tue 4 November 2026,
 * 10:00"), in UK local time, the zone cohort sessions are dated in. Empty for nothing.
 */
@Named("recordDates")
@ApplicationScoped
public class RecordDates {

    private static final DateTimeFormatter DATE = UkTime.DATE;
    private static final DateTimeFormatter DATE_TIME = UkTime.DAY_DATE_TIME;

    /** A date (a LocalDate, LocalDateTime or Instant). */
    public String date(Object value) {
        return format(value, DATE);
    }

    /** A date and time (a LocalDateTime or Instant). */
    public String dateTime(Object value) {
        return format(value, DATE_TIME);
    }

    private static String format(Object value, DateTimeFormatter format) {
        if (value instanceof Instant instant) {
            return format.format(instant.atZone(UkTime.ZONE));
        }
        if (value instanceof LocalDateTime dateTime) {
            return format.format(dateTime);
        }
        if (value instanceof LocalDate date) {
            return DATE.format(date);
        }
        if (value instanceof ZonedDateTime zoned) {
            return format.format(zoned.withZoneSameInstant(UkTime.ZONE));
        }
        return "";
    }
}
