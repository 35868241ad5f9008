package org.peersupport.portal.course.control;

/**
 * Fired synchronously, inside the transaction, when a person completed a lesson of a course for the first time: it
 * may complete their enrolment on that course, which the assessment feature's completion rules decide (they observe
 * it). The course feature knows nothing of enrolments or rules.
 *
 * @param personId   who completed the lesson
 * @param courseCode the course the lesson belongs to
 */
public record LessonCompleted(long personId, String courseCode) {
}
