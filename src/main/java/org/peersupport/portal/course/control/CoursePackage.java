package org.peersupport.portal.course.control;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A course as delivered in a course package (format version 1, see docs/course-packages.md).
 * Immutable. Bodies are Markdown strings; exercise files are described here and their bytes are
 * opened through an {@link ExerciseSource}. The course's status (draft, published, retired) is
 * portal state and is deliberately not part of a package.
 *
 * @param code            short identifier of the course, unique in the portal, e.g. {@code PEER2PEER}
 * @param title           the course's title
 * @param summary         a short plain-text description
 * @param version         the course version label set by its author, e.g. {@code 1.0}
 * @param award           the award the course leads to, or {@code null} when it leads to none
 * @param completion      how a candidate completes a lesson
 * @param attendanceThreshold the attendance a candidate needs to complete, in percent (0 to 100); a new cohort
 *                        starts from it
 * @param agreement       the confidentiality and participation agreement, or {@code null}
 * @param units           the award's units with their outcomes and evidence requirements
 * @param sessions        the sessions in order, numbered from 1
 * @param glossary        glossary terms in the order the package gives them
 * @param resources       useful resources
 * @param assessmentTasks assessment tasks
 */
public record CoursePackage(
        String code,
        String title,
        String summary,
        String version,
        Award award,
        CompletionMode completion,
        int attendanceThreshold,
        ParticipationAgreement agreement,
        List<PackageUnit> units,
        List<PackageSession> sessions,
        List<GlossaryEntry> glossary,
        List<UsefulResource> resources,
        List<PackageAssessmentTask> assessmentTasks) {

    public CoursePackage {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(completion, "completion");
        if (attendanceThreshold < 0 || attendanceThreshold > 100) {
            throw new IllegalArgumentException("attendanceThreshold is a percentage from 0 to 100, not " + attendanceThreshold);
        }
        units = units == null ? List.of() : List.copyOf(units);
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
        glossary = glossary == null ? List.of() : List.copyOf(glossary);
        resources = resources == null ? List.of() : List.copyOf(resources);
        assessmentTasks = assessmentTasks == null ? List.of() : List.copyOf(assessmentTasks);
    }

    /** The session with this number, if the course has one. */
    public Optional<PackageSession> session(int number) {
        return sessions.stream().filter(s -> s.number() == number).findFirst();
    }

    /** The outcome with this code in any unit, if there is one. */
    public Optional<PackageOutcome> outcome(String outcomeCode) {
        return units.stream().flatMap(u -> u.outcomes().stream())
                .filter(o -> o.code().equals(outcomeCode)).findFirst();
    }

    /** Every exercise file of every session, in session order. */
    public List<ExerciseFile> exerciseFiles() {
        return sessions.stream().flatMap(s -> s.exerciseFiles().stream()).toList();
    }
}
