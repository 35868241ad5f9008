/**
 * The candidate feature's boundaries, each deny-by-default with record-level checks inside:
 * {@link org.peersupport.portal.candidate.boundary.Cohorts}, {@link org.peersupport.portal.candidate.boundary.Enrolments},
 * {@link org.peersupport.portal.candidate.boundary.Attendance}, {@link org.peersupport.portal.candidate.boundary.Allocations}
 * and {@link org.peersupport.portal.candidate.boundary.CandidateRecords}, the view records they return, the demo
 * run's cohort loader, and the coordinator's cohort pages ({@code CohortsPage}, {@code CohortPage},
 * {@code RegisterPage}).
 */
package org.peersupport.portal.candidate.boundary;
