package org.peersupport.portal.candidate.boundary;

import java.time.LocalDate;

/** What one call of the daily reminder did: whether it ran the day (or another call had) and how many notices. */
public record ReminderRun(LocalDate day, boolean ran, int notices) {
}
