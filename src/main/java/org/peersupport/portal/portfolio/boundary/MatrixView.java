package org.peersupport.portal.portfolio.boundary;

import java.util.List;

/** The portfolio matrix: units x outcomes x evidence requirements, each with its state. Statuses only, no content. */
public record MatrixView(PortfolioHeading heading, List<MatrixUnit> units) {

    /** Every requirement of the matrix, in order. */
    public List<MatrixCell> cells() {
        return units.stream().flatMap(u -> u.outcomes().stream()).flatMap(o -> o.requirements().stream()).toList();
    }
}
