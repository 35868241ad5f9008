package org.peersupport.portal.candidate.boundary;

import java.time.Instant;

/** A confidential note. */
public record NoteView(long id, String author, Instant writtenAt, String text) {
}
