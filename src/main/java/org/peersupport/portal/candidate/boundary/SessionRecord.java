package org.peersupport.portal.candidate.boundary;

import java.time.LocalDateTime;
import org.peersupport.portal.candidate.entity.AttendanceKind;

/** One dated session on a candidate's record: its attendance mark (null when not marked) and whether its lesson is done. */
public record SessionRecord(int number, String title, LocalDateTime startsAt, AttendanceKind mark, boolean lessonCompleted) {
}
