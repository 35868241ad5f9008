package org.peersupport.portal.course.control;

import java.util.Arrays;
import java.util.Optional;

/** How a candidate completes a lesson of a course. */
public enum CompletionMode {

    /** The candidate marks each lesson done. */
    MANUAL("manual"),
    /** A lesson counts as done once the candidate has opened it. */
    ON_VIEW("on-view");

    private final String packageValue;

    CompletionMode(String packageValue) {
        this.packageValue = packageValue;
    }

    /** The value used in a package manifest, e.g. {@code on-view}. */
    public String packageValue() {
        return packageValue;
    }

    static Optional<CompletionMode> fromPackageValue(String value) {
        return Arrays.stream(values()).filter(m -> m.packageValue.equals(value)).findFirst();
    }
}
