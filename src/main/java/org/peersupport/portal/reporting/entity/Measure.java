package org.peersupport.portal.reporting.entity;

import java.util.Locale;
import java.util.Optional;

/**
 * A figure on the dashboard, and so the people behind it when HR drills down. Every place (enrolment) is in exactly
 * one of not started, active, paused, withdrawn, deferred or completed; overdue is the current places (not started,
 * active or paused) past their expected end, which pausing moves on; completed this year counts completions since
 * 1 January (UK time).
 */
public enum Measure {

    ENROLLED,
    NOT_STARTED,
    ACTIVE,
    PAUSED,
    OVERDUE,
    WITHDRAWN,
    DEFERRED,
    COMPLETED,
    COMPLETED_THIS_YEAR;

    /** The URL parameter value, e.g. {@code completedThisYear}. */
    public String parameter() {
        String[] words = name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder value = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            value.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return value.toString();
    }

    public static Optional<Measure> fromParameter(String value) {
        for (Measure measure : values()) {
            if (measure.parameter().equals(value)) {
                return Optional.of(measure);
            }
        }
        return Optional.empty();
    }
}
