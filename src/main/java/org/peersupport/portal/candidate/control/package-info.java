/**
 * Plain logic of the candidate feature: reading enrolment CSV files, turning directory accounts into person records,
 * deciding when a candidate may read a lesson (used by the course catalogue), fitting a course's agreement into
 * a page, and completing an enrolment along its one path ({@link
 * org.peersupport.portal.candidate.control.EnrolmentCompletion}). The events other features observe ({@link
 * org.peersupport.portal.candidate.control.AttendanceMarked}, {@link
 * org.peersupport.portal.candidate.control.EnrolmentCompleted}) are declared here.
 */
package org.peersupport.portal.candidate.control;
