package org.peersupport.portal.candidate.boundary;

import java.time.LocalDateTime;

/** One session of a candidate's cohort: when it meets, whether its lesson is open yet, and whether it is done. */
public record ScheduleLine(int number, String title, LocalDateTime startsAt, boolean open, boolean completed) {
}
