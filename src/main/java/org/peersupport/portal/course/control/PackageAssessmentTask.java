package org.peersupport.portal.course.control;

import java.util.List;
import java.util.Objects;

/**
 * An assessment task of the course.
 *
 * @param code         the task's code, unique in the package
 * @param title        the task's title
 * @param kind         essay or portfolio
 * @param setAtSession the session at which the task is set, or {@code null} when the package does not say
 * @param dueAtSession the session by which it is due, or {@code null} when the package does not say
 * @param description  what the candidate does, as plain text
 * @param assesses     the codes of the unit outcomes the task assesses, at least one
 */
public record PackageAssessmentTask(String code, String title, AssessmentKind kind, Integer setAtSession,
        Integer dueAtSession, String description, List<String> assesses) {

    public PackageAssessmentTask {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        assesses = List.copyOf(assesses);
    }
}
