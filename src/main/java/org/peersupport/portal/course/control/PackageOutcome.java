package org.peersupport.portal.course.control;

import java.util.List;
import java.util.Objects;

/**
 * A learning outcome of a unit: what a candidate will be able to do.
 *
 * @param code                 the outcome's code, unique across the whole package
 * @param text                 the outcome in plain English
 * @param draft                {@code true} while the centre has still to confirm the wording
 * @param evidenceRequirements the evidence a candidate must show to meet the outcome
 */
public record PackageOutcome(String code, String text, boolean draft,
        List<PackageEvidenceRequirement> evidenceRequirements) {

    public PackageOutcome {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
        evidenceRequirements = evidenceRequirements == null ? List.of() : List.copyOf(evidenceRequirements);
    }
}
