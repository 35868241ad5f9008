package org.peersupport.portal.candidate.boundary;

import org.peersupport.portal.candidate.entity.AttendanceKind;

/** A candidate in a session's register and their mark (null when not yet marked). */
public record RegisterLine(long enrolmentId, String displayName, AttendanceKind mark) {
}
