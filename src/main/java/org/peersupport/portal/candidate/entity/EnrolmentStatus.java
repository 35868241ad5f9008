package org.peersupport.portal.candidate.entity;

import java.util.EnumSet;
import java.util.Set;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Where an enrolment stands, and where it may go next: enrolled, then active; an active candidate may pause
 * ("stop the clock") and resume; anyone not finished may withdraw or defer to a later cohort; only an active
 * candidate completes. Withdrawn, deferred and completed are final.
 */
public enum EnrolmentStatus {

    ENROLLED("enrolled"),
    ACTIVE("active"),
    PAUSED("paused"),
    WITHDRAWN("withdrawn"),
    DEFERRED("deferred"),
    COMPLETED("completed");

    private final String label;

    EnrolmentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The statuses this one may move to. */
    public Set<EnrolmentStatus> next() {
        return switch (this) {
            case ENROLLED -> EnumSet.of(ACTIVE, WITHDRAWN, DEFERRED);
            case ACTIVE -> EnumSet.of(PAUSED, WITHDRAWN, DEFERRED, COMPLETED);
            case PAUSED -> EnumSet.of(ACTIVE, WITHDRAWN, DEFERRED);
            case WITHDRAWN, DEFERRED, COMPLETED -> EnumSet.noneOf(EnrolmentStatus.class);
        };
    }

    public boolean canMoveTo(EnrolmentStatus target) {
        return next().contains(target);
    }

    /** Still on the course: reads lessons, is counted against capacity and caseloads. */
    public boolean isCurrent() {
        return this == ENROLLED || this == ACTIVE || this == PAUSED;
    }

    /** A move to this status must say why. */
    public boolean needsReason() {
        return this == PAUSED || this == WITHDRAWN || this == DEFERRED;
    }

    /** Refuses an illegal move in plain English. */
    public void requireMoveTo(EnrolmentStatus target, String reason) {
        if (!canMoveTo(target)) {
            String allowed = next().isEmpty() ? "it cannot change any more"
                    : "it can only become " + String.join(" or ", next().stream().map(EnrolmentStatus::label).toList());
            throw new BusinessException("enrolment.transition.illegal", "An enrolment that is " + label
                    + " cannot become " + target.label + ": " + allowed + ".", label, target.label, allowed);
        }
        if (target.needsReason() && (reason == null || reason.isBlank())) {
            throw new BusinessException("enrolment.transition.reason", "Give a reason for making this enrolment "
                    + target.label + ".", target.label);
        }
    }
}
