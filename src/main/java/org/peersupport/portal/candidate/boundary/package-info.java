/**
 * The candidate feature's boundaries, each of one job and deny-by-default with record-level checks inside:
 * {@link org.peersupport.portal.candidate.boundary.Cohorts}, {@link org.peersupport.portal.candidate.boundary.Enrolling},
 * {@link org.peersupport.portal.candidate.boundary.Enrolments}, {@link org.peersupport.portal.candidate.boundary.PlaceRequests},
 * {@link org.peersupport.portal.candidate.boundary.Agreements}, {@link org.peersupport.portal.candidate.boundary.Attendance},
 * {@link org.peersupport.portal.candidate.boundary.Allocations}, {@link org.peersupport.portal.candidate.boundary.CandidateRecords},
 * {@link org.peersupport.portal.candidate.boundary.OwnEnrolments}, {@link org.peersupport.portal.candidate.boundary.ConfidentialNotes}
 * and {@link org.peersupport.portal.candidate.boundary.HrRecords}, the view records they return, the demo run's cohort
 * loader, the coordinator's cohort pages ({@code CohortsPage}, {@code CohortPage} and a bean per form of it,
 * {@code RegisterPage}), and the page beans of the record page, the candidate's home, place requests, HR's list and
 * the supervisor's caseload.
 */
package org.peersupport.portal.candidate.boundary;
