/**
 * Plain logic of the portfolio: who may read evidence content ({@link
 * org.peersupport.portal.portfolio.control.EvidenceAccess}, which audits every read by anyone but the candidate),
 * word counts, checking and storing evidence files, and which requirements are met ({@link
 * org.peersupport.portal.portfolio.control.Judgements}); and {@link
 * org.peersupport.portal.portfolio.control.WorkSubmitted}, the event the assessment feature observes.
 */
package org.peersupport.portal.portfolio.control;
