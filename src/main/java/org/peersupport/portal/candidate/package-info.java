/**
 * Candidate records: cohorts of a published course version with their dated schedule, enrolments and their
 * status history, place requests, the participation agreement, attendance, supervisor allocations, conflicts of
 * interest, caseloads and confidential notes; and who may read a cohort's lessons when.
 */
package org.peersupport.portal.candidate;
