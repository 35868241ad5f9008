/**
 * Cohorts and their dated sessions, enrolments with their lifecycle ({@link
 * org.peersupport.portal.candidate.entity.EnrolmentStatus}) and append-only history, place requests, agreement
 * acceptances, attendance marks, supervisor allocations, conflicts of interest, caseload caps and confidential notes.
 */
package org.peersupport.portal.candidate.entity;
