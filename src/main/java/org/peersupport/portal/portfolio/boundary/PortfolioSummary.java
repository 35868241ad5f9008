package org.peersupport.portal.portfolio.boundary;

import java.time.Instant;

/** One of the candidate's portfolios, as their home page lists it: how many items and submissions, and when it last changed. */
public record PortfolioSummary(PortfolioHeading heading, long items, long submissions, Instant lastChange) {
}
