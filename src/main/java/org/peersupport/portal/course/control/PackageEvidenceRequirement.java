package org.peersupport.portal.course.control;

import java.util.Objects;

/**
 * A piece of evidence a candidate must show to meet an outcome.
 *
 * @param code  the requirement's code, unique across the whole package
 * @param text  the requirement in plain English
 * @param draft {@code true} while the centre has still to confirm the wording
 */
public record PackageEvidenceRequirement(String code, String text, boolean draft) {

    public PackageEvidenceRequirement {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
    }
}
