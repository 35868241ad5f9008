package org.peersupport.portal.portfolio.boundary;

/** What the evidence page shows of an item: the item itself and the matrix of its enrolment, read in one call. */
public record ItemPage(ItemView item, MatrixView matrix) {
}
