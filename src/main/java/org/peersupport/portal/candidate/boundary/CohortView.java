package org.peersupport.portal.candidate.boundary;

import java.time.LocalDate;
import java.util.List;

/** A cohort with its schedule, for the coordinator. */
public record CohortView(long id, long courseId, String courseCode, String courseTitle, String name, LocalDate startDate,
        LocalDate endDate, String venue, String onlineLink, String facilitators, int capacity, int attendanceThreshold,
        long version, List<CohortSessionView> sessions) {
}
