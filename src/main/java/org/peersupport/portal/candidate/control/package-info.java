/**
 * Plain logic of the candidate feature: reading enrolment CSV files, turning directory accounts into person records,
 * deciding when a candidate may read a lesson (used by the course catalogue), and fitting a course's agreement into
 * a page.
 */
package org.peersupport.portal.candidate.control;
