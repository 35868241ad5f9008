package org.peersupport.portal.portfolio.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.peersupport.portal.platform.control.UkTime;

/** Dates, times and sizes as the portfolio pages show them, in UK time: "23 Nov 2026", "14:05", "1.2 MB". */
@Named
@ApplicationScoped
public class PortfolioFormat {

    private static final DateTimeFormatter DATE = UkTime.DATE_SHORT;
    private static final DateTimeFormatter TIME = UkTime.TIME;
    private static final DateTimeFormatter DATE_TIME = UkTime.DATE_TIME_SHORT;

    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(UkTime.ZONE));
    }

    public String day(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(UkTime.ZONE));
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(UkTime.ZONE));
    }

    /** A size as people read it: "850 bytes", "12 KB", "1.2 MB". */
    public String size(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        double kb = bytes / 1024.0;
        if (kb < 1024) {
            return Math.round(kb) + " KB";
        }
        return String.format(Locale.UK, "%.1f MB", kb / 1024.0);
    }
}
