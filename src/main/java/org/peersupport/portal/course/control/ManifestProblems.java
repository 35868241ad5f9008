package org.peersupport.portal.course.control;

import java.util.List;

/** Collects the problems found while reading a package's manifest, in the order they are found. */
final class ManifestProblems {

    private final List<PackageProblem> problems;

    /** @param problems the list the problems are added to, e.g. the caller's list of all the package's problems */
    ManifestProblems(List<PackageProblem> problems) {
        this.problems = problems;
    }

    /** A problem in the manifest, at the given line ({@code null} when no line applies). */
    void add(Integer line, String message) {
        problems.add(new PackageProblem(ManifestParser.MANIFEST, line, message));
    }

    /** A problem with the package as a whole, in no one file. */
    void addForPackage(String message) {
        problems.add(new PackageProblem(null, null, message));
    }

    /** How many problems have been found so far; compare before and after a step to see whether it found any. */
    int count() {
        return problems.size();
    }
}
