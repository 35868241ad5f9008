package org.peersupport.portal.candidate.control;

import java.util.Set;

/**
 * Fired synchronously, inside the transaction, after a cohort session's register was marked (its marks flushed by
 * the completion rules that observe it): a better attendance rate may complete these enrolments. The assessment
 * feature observes it; the candidate feature knows nothing of the rules.
 *
 * @param enrolmentIds the enrolments whose marks were taken, changed or not
 */
public record AttendanceMarked(Set<Long> enrolmentIds) {

    public AttendanceMarked {
        enrolmentIds = Set.copyOf(enrolmentIds);
    }
}
