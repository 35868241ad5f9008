package org.peersupport.portal.course.control;

/**
 * Who may read a course's lessons, as the course feature asks it: the candidate feature, which knows enrolments and
 * cohort schedules, answers ({@code candidate/control/LessonAccess}), so the course feature needs nothing of it.
 * Each method returns when the person may read and refuses with a {@code BusinessException} when not.
 */
public interface LessonGate {

    /** The person has a current enrolment on a cohort of the course. */
    void requireEnrolled(long personId, String courseCode);

    /** The person is enrolled and the session (by slug) is open in their cohort. */
    void requireOpen(long personId, String courseCode, String slug);
}
