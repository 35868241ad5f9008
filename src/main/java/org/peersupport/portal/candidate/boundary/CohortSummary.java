package org.peersupport.portal.candidate.boundary;

import java.time.LocalDate;

/** A cohort in a list: its course, dates, places and how many are taken. */
public record CohortSummary(long id, String courseCode, String courseTitle, int courseVersion, String name,
        LocalDate startDate, LocalDate endDate, int capacity, long placesTaken) {
}
