package org.peersupport.portal.course.boundary;

import java.util.List;
import org.peersupport.portal.course.control.CompletionMode;
import org.peersupport.portal.course.entity.CourseStatus;

/**
 * A course as the caller reads it: the version they are pinned to, its sessions with their completion, their
 * overall progress, and whether a newer version has been published since they started.
 *
 * @param latestVersionNumber the newest published version, or {@code null} when none is published any more
 */
public record CourseOverview(long courseId, String code, String title, String summary, int versionNumber,
        String versionLabel, CourseStatus status, String awardName, Integer scqfLevel, Integer credits,
        CompletionMode completionMode, String agreementHtml, boolean agreementDraft, List<SessionSummary> sessions,
        int completedCount, int percentComplete, boolean newerVersionAvailable, Integer latestVersionNumber) {

    public CourseOverview {
        sessions = List.copyOf(sessions);
    }
}
