package org.peersupport.portal.course.control;

import java.util.Arrays;
import java.util.Optional;

/** The kind of an assessment task. */
public enum AssessmentKind {

    /** A written assignment in essay format. */
    ESSAY("essay"),
    /** A portfolio of evidence drawn from real work practice. */
    PORTFOLIO("portfolio");

    private final String packageValue;

    AssessmentKind(String packageValue) {
        this.packageValue = packageValue;
    }

    /** The value used in a package manifest, e.g. {@code essay}. */
    public String packageValue() {
        return packageValue;
    }

    static Optional<AssessmentKind> fromPackageValue(String value) {
        return Arrays.stream(values()).filter(k -> k.packageValue.equals(value)).findFirst();
    }
}
