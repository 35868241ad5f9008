/**
 * The candidate feature's boundaries, each deny-by-default with record-level checks inside:
 * {@link org.peersupport.portal.candidate.boundary.Cohorts}, {@link org.peersupport.portal.candidate.boundary.Enrolments},
 * {@link org.peersupport.portal.candidate.boundary.Attendance}, {@link org.peersupport.portal.candidate.boundary.Allocations}
 * and {@link org.peersupport.portal.candidate.boundary.CandidateRecords}, the view records they return, the demo
 * run's cohort loader, the coordinator's cohort pages ({@code CohortsPage}, {@code CohortPage}, {@code RegisterPage}),
 * and the page beans of the record page, the candidate's home, place requests, HR's list and the supervisor's caseload.
 */
package org.peersupport.portal.candidate.boundary;
