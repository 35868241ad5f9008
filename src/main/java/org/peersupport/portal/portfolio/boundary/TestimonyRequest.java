package org.peersupport.portal.portfolio.boundary;

import java.time.Instant;

/** A testimony a candidate asked the caller to confirm: whose, about which course, and what it says. */
public record TestimonyRequest(long itemId, String candidateName, String courseTitle, String title,
        TestimonyView testimony, Instant requestedAt, long version) {
}
