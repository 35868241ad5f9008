package org.peersupport.portal.course.boundary;

import java.util.List;
import org.peersupport.portal.course.control.CompletionMode;
import org.peersupport.portal.course.control.ContentWarning;

/**
 * One session as a lesson page shows it. {@code aboutHtml} is sanitised, with glossary terms linked to the
 * glossary page ({@link CourseCatalog#GLOSSARY_PAGE}).
 *
 * @param contentWarning the structured warning with signposting, or {@code null} when the session has none
 * @param previousNumber the session before, or {@code null} for the first
 * @param nextNumber     the session after, or {@code null} for the last
 * @param preview        {@code true} for a coordinator's preview of a version candidates do not see
 */
public record Lesson(long courseId, String courseCode, String courseTitle, int versionNumber, long sessionId, int number,
        String slug, String title, String aims, String aboutHtml, List<ExerciseFileView> exerciseFiles, ContentWarning contentWarning,
        Integer previousNumber, Integer nextNumber, int sessionCount, boolean completed, CompletionMode completionMode,
        boolean preview) {

    public Lesson {
        exerciseFiles = List.copyOf(exerciseFiles);
    }

    /** The same lesson as someone who has, or has not, completed it sees it. */
    public Lesson asSeenBy(boolean hasCompleted) {
        return hasCompleted == completed ? this : new Lesson(courseId, courseCode, courseTitle, versionNumber, sessionId,
                number, slug, title, aims, aboutHtml, exerciseFiles, contentWarning, previousNumber, nextNumber,
                sessionCount, hasCompleted, completionMode, preview);
    }
}
