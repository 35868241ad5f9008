package org.peersupport.portal.portfolio.boundary;

import java.time.Instant;

/** The result of saving an item: its new version (for the next save), its word count as the server counts it, and when. */
public record Saved(long version, int wordCount, Instant savedAt) {
}
