package org.peersupport.portal.candidate.boundary;

import java.time.LocalDateTime;
import org.peersupport.portal.candidate.entity.AttendanceKind;

/** A candidate's mark for one session of their cohort (null when not marked). */
public record AttendanceLine(int sessionNumber, LocalDateTime startsAt, AttendanceKind mark) {
}
