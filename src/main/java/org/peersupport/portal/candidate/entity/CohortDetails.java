package org.peersupport.portal.candidate.entity;

import java.time.LocalDate;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * What a coordinator says about a cohort. {@code attendanceThreshold} is a percentage; null means the course
 * version's ({@code Course.getAttendanceThreshold()}).
 */
public record CohortDetails(String name, LocalDate startDate, LocalDate endDate, String venue, String onlineLink,
        String facilitators, int capacity, Integer attendanceThreshold) {

    void check() {
        if (name == null || name.isBlank()) {
            throw new BusinessException("cohort.name.required", "Give the cohort a name.");
        }
        if (startDate == null || endDate == null) {
            throw new BusinessException("cohort.dates.required", "Give the cohort a start date and an end date.");
        }
        if (endDate.isBefore(startDate)) {
            throw new BusinessException("cohort.dates.order", "The cohort cannot end before it starts.");
        }
        if ((venue == null || venue.isBlank()) && (onlineLink == null || onlineLink.isBlank())) {
            throw new BusinessException("cohort.where.required", "Give a venue or an online link for the cohort.");
        }
        if (onlineLink != null && !onlineLink.isBlank() && !onlineLink.strip().startsWith("https://")) {
            throw new BusinessException("cohort.link.https", "The online link must start with https://.");
        }
        if (capacity < 1) {
            throw new BusinessException("cohort.capacity", "A cohort needs at least one place.");
        }
        if (attendanceThreshold != null && (attendanceThreshold < 0 || attendanceThreshold > 100)) {
            throw new BusinessException("cohort.threshold", "The attendance threshold is a percentage from 0 to 100.");
        }
    }
}
