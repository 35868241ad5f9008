package org.peersupport.portal.portfolio.boundary;

import java.util.List;

/** A learning outcome with its evidence requirements, in the course's order. */
public record MatrixOutcome(long outcomeId, String code, String text, List<MatrixCell> requirements) {
}
