/**
 * Assessment owns what follows from a candidate's work being assessed. For now: the certificate issued once when
 * an enrolment completes, its PDF, and the public page that confirms a certificate's name, course and date from
 * its verification code. The portfolio workflow's sign-offs and verification arrive with their issue.
 */
package org.peersupport.portal.assessment;
