package org.peersupport.portal.course.control;

import java.util.List;
import java.util.stream.Collectors;

/** A course package cannot be used; carries every problem found, so all can be fixed at once. */
public class CoursePackageException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<PackageProblem> problems;

    public CoursePackageException(List<PackageProblem> problems) {
        super(summary(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a package exception needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in the order the reader found them. */
    public List<PackageProblem> problems() {
        return problems;
    }

    private static String summary(List<PackageProblem> problems) {
        String heading = problems.size() == 1
                ? "The course package has 1 problem:"
                : "The course package has " + problems.size() + " problems:";
        return problems.stream().map(p -> "- " + p).collect(Collectors.joining("\n", heading + "\n", ""));
    }
}
