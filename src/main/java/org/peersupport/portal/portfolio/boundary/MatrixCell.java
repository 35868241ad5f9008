package org.peersupport.portal.portfolio.boundary;

import org.peersupport.portal.portfolio.control.RequirementState;

/** One evidence requirement in the matrix: where it stands and how many items are mapped to it. */
public record MatrixCell(long requirementId, String code, String text, RequirementState state, long mappedItems) {
}
