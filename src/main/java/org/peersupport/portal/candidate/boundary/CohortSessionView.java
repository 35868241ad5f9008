package org.peersupport.portal.candidate.boundary;

import java.time.LocalDateTime;

/** One dated session of a cohort: whether its lesson is open to the cohort (by date or opened early). */
public record CohortSessionView(long id, int number, String title, LocalDateTime startsAt, boolean openedEarly,
        boolean open) {
}
