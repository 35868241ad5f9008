package org.peersupport.portal.platform.control;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The portal's one time zone and the ways its pages, notices, certificates and exports write dates and times, as
 * people in the UK write them. Every feature formats with these; none declares its own zone or pattern.
 */
public final class UkTime {

    /** Cohort sessions, "today" and every date a person reads are in UK local time. */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    /** "4 November 2026": records, certificates, verification. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    /** "4 Nov 2026": tables. */
    public static final DateTimeFormatter DATE_SHORT = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    /** "4 November 2026, 10:00": notices. */
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);
    /** "4 Nov 2026, 10:00": tables. */
    public static final DateTimeFormatter DATE_TIME_SHORT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);
    /** "Tue 4 November 2026, 10:00": a session's date and time. */
    public static final DateTimeFormatter DAY_DATE_TIME = DateTimeFormatter.ofPattern("EEE d MMMM yyyy, HH:mm", Locale.UK);
    /** "Tue 4 Nov 2026, 10:00": a session in a table. */
    public static final DateTimeFormatter DAY_DATE_TIME_SHORT = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm",
            Locale.UK);
    /** "10:00". */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    /** "November 2026". */
    public static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    /** "Nov 2026": a chart's axis. */
    public static final DateTimeFormatter MONTH_SHORT = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);
    /** "2026-11-04 10:00:00": the "exported at" line of a CSV or Excel file. */
    public static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.UK);

    private UkTime() {
    }
}
