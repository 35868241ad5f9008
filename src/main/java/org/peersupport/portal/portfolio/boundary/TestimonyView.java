package org.peersupport.portal.portfolio.boundary;

import java.time.Instant;
import org.peersupport.portal.portfolio.entity.WitnessStatus;

/**
 * A witness testimony: who the witness is and what they say, where it stands, the directory account of a witness
 * the candidate named (null when the supervisor recorded it) and who recorded it (the supervisor's username).
 */
public record TestimonyView(String name, String role, String relationship, String statement, WitnessStatus status,
        String witnessUsername, String witnessDisplayName, String recordedBy, Instant decidedAt, String declineReason) {
}
