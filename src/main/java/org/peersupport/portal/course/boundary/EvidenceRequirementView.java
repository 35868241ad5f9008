package org.peersupport.portal.course.boundary;

/** An evidence requirement as a coordinator edits it; send {@code version} back with an edit. */
public record EvidenceRequirementView(long requirementId, int position, String code, String text, boolean draft, long version) {
}
