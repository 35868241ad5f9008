package org.peersupport.portal.course.control;

import org.peersupport.portal.course.entity.Course;

/** Reads and checks the manifest's {@code course} section: code, title, completion, award and agreement. */
final class CourseHeadRules {

    /** What the {@code course} section says about the course as a whole. */
    record CourseHead(String code, String title, String summary, String version, Award award,
            CompletionMode completion, int attendanceThreshold, ParticipationAgreement agreement) {
    }

    private final ManifestProblems problems;

    CourseHeadRules(ManifestProblems problems) {
        this.problems = problems;
    }

    /** The course's head, or {@code null} when the section is missing or has problems (reported). */
    CourseHead read(ManifestFields top) {
        ManifestFields course = top.section("course", true);
        if (course == null) {
            return null;
        }
        int before = problems.count();
        course.allowOnly("code", "title", "summary", "version", "completion", "attendanceThreshold", "award", "agreement");
        String code = course.code("code", "Course code");
        String title = course.shortText("title", true);
        String summary = course.text("summary", true);
        String version = course.shortText("version", true);
        CompletionMode completion = null;
        String completionText = course.text("completion", true);
        if (completionText != null) {
            completion = CompletionMode.fromPackageValue(completionText).orElse(null);
            if (completion == null) {
                problems.add(course.line("completion"), "Course: completion must be 'manual' (candidates mark "
                        + "each lesson done) or 'on-view' (a lesson is done once opened), not '" + completionText + "'.");
            }
        }
        Integer threshold = course.whole("attendanceThreshold", false);
        if (threshold != null && (threshold < 0 || threshold > 100)) {
            problems.add(course.line("attendanceThreshold"), "Course: attendanceThreshold is the percentage of "
                    + "sessions a candidate must attend to complete, a whole number from 0 to 100, not " + threshold + ".");
        }
        Award award = award(course);
        ParticipationAgreement agreement = agreement(course);
        if (problems.count() != before) {
            return null;
        }
        return new CourseHead(code, title, summary, version, award, completion,
                threshold == null ? Course.DEFAULT_ATTENDANCE_THRESHOLD : threshold, agreement);
    }

    private Award award(ManifestFields course) {
        ManifestFields fields = course.section("award", false);
        if (fields == null) {
            return null;
        }
        fields.allowOnly("name", "scqfLevel", "credits");
        String name = fields.shortText("name", true);
        Integer level = fields.whole("scqfLevel", true);
        if (level != null && (level < 1 || level > 12)) {
            problems.add(fields.line("scqfLevel"), "Award: scqfLevel must be an SCQF level from 1 to 12, not " + level + ".");
        }
        Integer credits = fields.whole("credits", false);
        if (credits != null && credits < 1) {
            problems.add(fields.line("credits"), "Award: credits must be a positive number of SCQF credit points.");
        }
        return name != null && level != null ? new Award(name, level, credits) : null;
    }

    private ParticipationAgreement agreement(ManifestFields course) {
        ManifestFields fields = course.section("agreement", false);
        if (fields == null) {
            return null;
        }
        fields.allowOnly("file", "draft");
        String markdown = fields.markdownFile("file", true);
        boolean draft = fields.flag("draft");
        return markdown != null ? new ParticipationAgreement(markdown, draft) : null;
    }
}
