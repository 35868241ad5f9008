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

    /**
     * What a lesson request needs to know about its reader, in one statement: the course version they are pinned to,
     * the slug of its session {@code number}, whether they may read it now, whether they completed it, and how many of
     * their notices are unread (the page header's count, so that the lesson page sends no second statement). Empty when
     * they are pinned to no version of the course yet (their first visit).
     *
     * @param candidateOnly whether the reader holds no staff role, so that the enrolment and the cohort's schedule
     *                      decide whether the session is open (staff read every session of a published course)
     */
    java.util.Optional<LessonReading> reading(long personId, String courseCode, int number, boolean candidateOnly);

    /**
     * One reader's view of one session of their version of a course.
     *
     * @param slug          {@code null} when their version has no session of that number
     * @param unreadNotices the reader's unread notices when the statement ran
     */
    record LessonReading(long courseId, String slug, boolean open, boolean completed, long unreadNotices) {
    }
}
