package org.peersupport.portal.portfolio.boundary;

import java.util.List;

/** An allocated candidate's portfolio as their supervisor reads it: every item with its content, and the tasks with submissions. */
public record SupervisorPortfolio(PortfolioHeading heading, List<ItemView> items, List<TaskLine> tasks) {
}
