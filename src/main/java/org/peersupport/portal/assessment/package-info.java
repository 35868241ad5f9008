/**
 * Assessment: the allocated supervisor's review of submitted work (a judgement and feedback per evidence requirement,
 * then refer back or sign off with a re-entered directory password and a declaration), internal verification
 * (sampling plans, picked candidates, confirm or return), corrections as new decisions, safeguarding concerns for
 * the designated safeguarding lead, and the rules that complete an enrolment. Every decision is a new row, written to
 * the audit trail in its own transaction, and announced as an {@link
 * org.peersupport.portal.assessment.control.AssessmentEvent} for notifications.
 */
package org.peersupport.portal.assessment;
