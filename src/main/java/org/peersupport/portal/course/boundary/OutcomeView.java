package org.peersupport.portal.course.boundary;

import java.util.List;

/**
 * A learning outcome as a coordinator edits it. {@code draft}: the wording is a draft for the centre to confirm;
 * {@code assessedBy}: the titles of the assessment tasks that assess it (it cannot be removed while there are any).
 */
public record OutcomeView(long outcomeId, int position, String code, String text, boolean draft,
        List<EvidenceRequirementView> evidenceRequirements, List<String> assessedBy, long version) {

    public OutcomeView {
        evidenceRequirements = List.copyOf(evidenceRequirements);
        assessedBy = List.copyOf(assessedBy);
    }
}
