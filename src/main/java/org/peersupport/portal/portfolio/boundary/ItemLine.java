package org.peersupport.portal.portfolio.boundary;

import java.time.Instant;
import java.util.List;
import org.peersupport.portal.portfolio.entity.EvidenceKind;
import org.peersupport.portal.portfolio.entity.WitnessStatus;

/**
 * An evidence item as the candidate's portfolio lists it: kind, title, the codes of the requirements it is mapped
 * to, when it last changed, and for a testimony where it stands. {@code submittable} is false for a testimony the
 * witness has not confirmed.
 */
public record ItemLine(long id, EvidenceKind kind, String title, List<String> requirementCodes, Instant updatedAt,
        boolean assessorOnly, WitnessStatus witnessStatus, int wordCount, boolean submittable) {
}
