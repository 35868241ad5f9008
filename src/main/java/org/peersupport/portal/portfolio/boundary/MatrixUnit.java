package org.peersupport.portal.portfolio.boundary;

import java.util.List;

/** A unit of the award with its learning outcomes, in the course's order. */
public record MatrixUnit(long unitId, String code, String title, List<MatrixOutcome> outcomes) {
}
