package org.peersupport.portal.portfolio.boundary;

import java.util.List;

/** The candidate's own portfolio: their items (newest change first) and the course's assessment tasks with their submissions. */
public record PortfolioView(PortfolioHeading heading, List<ItemLine> items, List<TaskLine> tasks) {
}
