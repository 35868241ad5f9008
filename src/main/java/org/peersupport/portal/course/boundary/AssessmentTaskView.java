package org.peersupport.portal.course.boundary;

import java.util.List;
import org.peersupport.portal.course.control.AssessmentKind;

/** An assessment task as a coordinator edits it: session numbers may be null; send {@code version} back with an edit. */
public record AssessmentTaskView(long taskId, String code, String title, AssessmentKind kind, String description,
        Integer setAtSession, Integer dueAtSession, List<String> outcomeCodes, long version) {

    public AssessmentTaskView {
        outcomeCodes = List.copyOf(outcomeCodes);
    }
}
