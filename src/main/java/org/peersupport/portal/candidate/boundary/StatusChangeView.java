package org.peersupport.portal.candidate.boundary;

import java.time.Instant;
import org.peersupport.portal.candidate.entity.EnrolmentStatus;

/** One line of an enrolment's status history. */
public record StatusChangeView(EnrolmentStatus from, EnrolmentStatus to, String reason, String actor, Instant at) {
}
