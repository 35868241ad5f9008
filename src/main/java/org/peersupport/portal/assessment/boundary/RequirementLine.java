package org.peersupport.portal.assessment.boundary;

import java.util.List;

/**
 * An evidence requirement the assessor judges for a submission: the requirements of the outcomes the task assesses,
 * and any others the submitted items are mapped to, in the course's order. {@code evidence} names the submitted items
 * mapped to it; {@code metBefore} is true when it is met on the candidate's portfolio already (a judgement of an
 * earlier attempt).
 */
public record RequirementLine(long requirementId, String outcomeCode, String code, String text, List<String> evidence,
        boolean metBefore) {
}
