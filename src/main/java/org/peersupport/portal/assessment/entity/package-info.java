/**
 * Decisions on a submission and their requirement judgements (append-only), sampling plans and picked candidates,
 * safeguarding concerns, and the certificate record (issued once per completed enrolment, never edited).
 */
package org.peersupport.portal.assessment.entity;
