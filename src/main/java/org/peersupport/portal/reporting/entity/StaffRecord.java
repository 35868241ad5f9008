package org.peersupport.portal.reporting.entity;

import java.util.List;

/** A member of staff's training record for HR: who they are and every course place they have held. */
public record StaffRecord(long personId, String displayName, String username, String jobTitle, String department,
        String organisation, List<TrainingLine> training) {
}
