/**
 * Assessment: the allocated supervisor's review of submitted work (a judgement and feedback per evidence requirement,
 * then refer back or sign off with a re-entered directory password and a declaration), internal verification
 * (sampling plans, picked candidates, confirm or return), corrections as new decisions, safeguarding concerns for
 * the designated safeguarding lead, and the rules that complete an enrolment. Every decision is a new row, written to
 * the audit trail in its own transaction, and announced as an {@link
 * org.peersupport.portal.assessment.control.AssessmentEvent} for notifications.
 * It also issues the certificate once when an enrolment completes, writes its PDF, and serves the public page that
 * confirms a certificate's name, course and date from its verification code.
 */
package org.peersupport.portal.assessment;
