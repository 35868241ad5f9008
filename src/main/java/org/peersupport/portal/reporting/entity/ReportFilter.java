package org.peersupport.portal.reporting.entity;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * What a report is narrowed to: an organisation, a department, a course (by code, all its versions), one cohort,
 * and a range of cohort start dates. Every part is optional; blank text means "any". A department of
 * {@link #NOT_RECORDED} stands for people whose department the directory does not record.
 */
public record ReportFilter(String organisation, String department, String courseCode, Long cohortId, LocalDate from,
        LocalDate to) {

    /** The department value that selects people with no department recorded. */
    public static final String NOT_RECORDED = "-";

    public static final ReportFilter ALL = new ReportFilter(null, null, null, null, null, null);

    public ReportFilter {
        organisation = blankToNull(organisation);
        department = blankToNull(department);
        courseCode = blankToNull(courseCode);
    }

    /** Refuses a range that ends before it starts; the key names the field the message belongs to. */
    public ReportFilter checked() {
        if (from != null && to != null && to.isBefore(from)) {
            throw new BusinessException("report.filter.range", "The end of the date range must not be before its start.");
        }
        return this;
    }

    public ReportFilter withDepartment(String value) {
        return new ReportFilter(organisation, value, courseCode, cohortId, from, to);
    }

    public ReportFilter withCourse(String code) {
        return new ReportFilter(organisation, department, code, code == null ? null : cohortId, from, to);
    }

    /** The filters that are set, by their URL parameter names, in a stable order (for links and exports). */
    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        put(parameters, "organisation", organisation);
        put(parameters, "department", department);
        put(parameters, "course", courseCode);
        put(parameters, "cohort", cohortId);
        put(parameters, "from", from);
        put(parameters, "to", to);
        return parameters;
    }

    public boolean isEmpty() {
        return parameters().isEmpty();
    }

    private static void put(Map<String, String> parameters, String name, Object value) {
        if (value != null) {
            parameters.put(name, value.toString());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
