package org.peersupport.portal.candidate.boundary;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.platform.control.UkTime;

/**
 * What the coordinator's cohort pages share: dates as people in the UK read them, and the form field each of the
 * cohort rules' refusals belongs next to.
 */
final class CohortPages {

    private static final DateTimeFormatter DATE = UkTime.DATE_SHORT;
    private static final DateTimeFormatter DATE_TIME = UkTime.DAY_DATE_TIME_SHORT;

    /** A refusal of the cohort's details, by key, and the field (by id) it is about. */
    private static final Map<String, String> DETAIL_FIELDS = Map.of(
            "cohort.course.notPublished", "course",
            "cohort.name.required", "name",
            "cohort.dates.required", "endDate",
            "cohort.dates.order", "endDate",
            "cohort.where.required", "venue",
            "cohort.link.https", "onlineLink",
            "cohort.capacity", "capacity",
            "cohort.capacity.belowTaken", "capacity",
            "cohort.threshold", "threshold");

    private CohortPages() {
    }

    static String date(LocalDate date) {
        return date == null ? "—" : DATE.format(date);
    }

    static String dateTime(LocalDateTime dateTime) {
        return dateTime == null ? "—" : DATE_TIME.format(dateTime);
    }

    /** The client id of the field a refusal of the cohort's details is about, in the given form; null if none. */
    static String fieldFor(String form, BusinessException refusal) {
        String field = DETAIL_FIELDS.get(refusal.key());
        return field == null ? null : form + ":" + field;
    }
}
