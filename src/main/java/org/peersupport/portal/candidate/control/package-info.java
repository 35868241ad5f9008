/**
 * Plain logic of the candidate feature: reading enrolment CSV files, turning directory accounts into person records,
 * and deciding when a candidate may read a lesson (used by the course catalogue).
 */
package org.peersupport.portal.candidate.control;
