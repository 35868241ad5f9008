package org.peersupport.portal.course.boundary;

import java.util.List;
import org.peersupport.portal.course.control.SignpostContact;

/**
 * A session's content warning as a coordinator edits it (no topics: no warning), with the version it belongs
 * to; {@code editable} is false unless that version is a draft. Send {@code version} back with the change.
 */
public record ContentWarningEditView(long sessionId, int sessionNumber, String sessionTitle, long courseId,
        String courseCode, int versionNumber, boolean editable, List<String> topics, String note,
        List<SignpostContact> contacts, long version) {

    public ContentWarningEditView {
        topics = List.copyOf(topics);
        contacts = List.copyOf(contacts);
    }

    public boolean hasWarning() {
        return !topics.isEmpty();
    }
}
