/** The certificate record: issued once per completed enrolment, never edited. */
package org.peersupport.portal.assessment.entity;
