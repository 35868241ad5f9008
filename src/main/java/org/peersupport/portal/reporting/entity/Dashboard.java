package org.peersupport.portal.reporting.entity;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Everything the dashboard shows for one filter: the figures per course and across all, completions per month for
 * the last twelve months, and the status of places by department. {@code today} is the date overdue and "this year"
 * were measured against.
 */
public record Dashboard(ReportFilter filter, LocalDate today, List<StatusCounts> courses, StatusCounts total,
        List<MonthCount> completionsByMonth, List<StatusCounts> departments) {

    public int year() {
        return today.getYear();
    }

    public YearMonth firstMonth() {
        return completionsByMonth.isEmpty() ? YearMonth.from(today) : completionsByMonth.get(0).month();
    }
}
