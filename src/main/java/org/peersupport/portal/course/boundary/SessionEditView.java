package org.peersupport.portal.course.boundary;

import java.util.List;

/** A session as a coordinator edits it; send {@code version} back with the edit. */
public record SessionEditView(long sessionId, int number, String slug, String title, String aims, String aboutHtml,
        boolean contentWarning, List<ExerciseFileView> exerciseFiles, long version) {

    public SessionEditView {
        exerciseFiles = List.copyOf(exerciseFiles);
    }
}
