package org.peersupport.portal.course.boundary;

/** A useful resource as a coordinator edits it; send {@code version} back with the edit. */
public record ResourceEditView(long resourceId, String title, String url, String description, long version) {
}
