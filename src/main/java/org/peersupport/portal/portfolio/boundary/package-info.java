/**
 * The portfolio's boundaries, each deny-by-default with record-level checks inside: {@link
 * org.peersupport.portal.portfolio.boundary.Portfolios} (reading portfolios and items, the matrix, statuses for
 * coordinators and HR), {@link org.peersupport.portal.portfolio.boundary.EvidenceItems} (the candidate's changes to
 * their items), {@link org.peersupport.portal.portfolio.boundary.Submissions} (submitting a task, reading a
 * submission) and {@link org.peersupport.portal.portfolio.boundary.Testimonies} (witnesses confirming testimonies);
 * the evidence file servlet, the view records they return and the page beans.
 */
package org.peersupport.portal.portfolio.boundary;
