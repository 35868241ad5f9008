package org.peersupport.portal.course.control;

/**
 * Whether a candidate may read a course and its lessons. The course feature asks; the candidate feature, which
 * knows enrolments and cohort schedules, decides ({@code candidate.control.LessonAccess} implements this), so the
 * course feature does not depend on the feature after it.
 */
public interface ReadingAccess {

    /** Refuses, with a {@code BusinessException}, a person without a current enrolment on a cohort of the course. */
    void requireEnrolled(long personId, String courseCode);

    /** Refuses a person not enrolled on the course, or whose cohort's session of this slug has not opened yet. */
    void requireOpen(long personId, String courseCode, String slug);
}
