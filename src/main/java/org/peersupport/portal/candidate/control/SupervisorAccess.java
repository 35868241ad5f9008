package org.peersupport.portal.candidate.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.peersupport.portal.candidate.entity.ConflictOfInterest;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.platform.control.PortalConfig;
import org.peersupport.portal.platform.control.PortalSetting;

/**
 * The one rule for what a supervisor may read of a candidate: reads follow the relationship.
 *
 * <ul>
 * <li>{@link Reach#CURRENT}: the supervisor is the enrolment's allocated supervisor (the allocation without an end),
 * the enrolment is still current (enrolled, active or paused), and the supervisor has declared no conflict of
 * interest with the candidate.</li>
 * <li>{@link Reach#FORMER}: the same allocation and no conflict, but the enrolment has ended (completed, withdrawn,
 * deferred) less than {@code portal.access.former-supervisor-days} (90 by default) ago: read-only, for verification
 * and appeals.</li>
 * <li>{@link Reach#NONE}: anything else. A declared conflict ends reads at once, whatever the allocation.</li>
 * </ul>
 * Every feature that checks a supervisor's access asks here (evidence, submissions, candidate records and their
 * confidential notes, assessment), by the supervisor's person id.
 */
@ApplicationScoped
public class SupervisorAccess {

    /** How long the last allocated supervisor keeps read-only access after an enrolment ends, when not configured. */
    public static final int DEFAULT_FORMER_SUPERVISOR_DAYS = 90;

    /** What a supervisor may do with a candidate's records. */
    public enum Reach {
        /** Nothing: not allocated, conflicted, or the read-only period after the enrolment ended is over. */
        NONE,
        /** Allocated to a current enrolment: read, and what the role allows besides (assess, write notes). */
        CURRENT,
        /** The last allocated supervisor of an ended enrolment, within the period: read only. */
        FORMER;

        public boolean reads() {
            return this != NONE;
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    PortalConfig config;

    @Inject
    Clock clock;

    /** Whether a supervisor is the enrolment's allocated supervisor now, and whether they declared a conflict with its candidate. */
    public record Relation(boolean allocated, boolean conflicted) {
    }

    /** What the supervisor with this person id may do with the enrolment's records. */
    public Reach reach(Long supervisorId, Enrolment enrolment) {
        return supervisorId == null || enrolment == null ? Reach.NONE : reach(relation(supervisorId, enrolment), enrolment);
    }

    /**
     * The supervisor's allocation to the enrolment and any conflict declared with its candidate, in one statement (a
     * review page needs both, and the reach that follows from them).
     */
    public Relation relation(long supervisorId, Enrolment enrolment) {
        Object[] row = (Object[]) em.createNativeQuery("select exists (select 1 from supervisor_allocation a "
                + "where a.enrolment_id = ?1 and a.supervisor_id = ?2 and a.ended_at is null), exists "
                + "(select 1 from conflict_of_interest c where c.supervisor_id = ?2 and c.other_id = ?3)")
                .setParameter(1, enrolment.getId()).setParameter(2, supervisorId)
                .setParameter(3, enrolment.getPerson().getId()).getSingleResult();
        return new Relation(Boolean.TRUE.equals(row[0]), Boolean.TRUE.equals(row[1]));
    }

    /** What a supervisor so related to the enrolment may do with its records (no statement). */
    public Reach reach(Relation relation, Enrolment enrolment) {
        if (!relation.allocated() || relation.conflicted()) {
            return Reach.NONE;
        }
        if (enrolment.getStatus().isCurrent()) {
            return Reach.CURRENT;
        }
        Instant ended = enrolment.getStatusChangedAt();
        return ended != null && Instant.now(clock).isBefore(ended.plus(formerPeriod())) ? Reach.FORMER : Reach.NONE;
    }

    /** Whether the supervisor has declared a conflict of interest with the person. */
    public boolean conflicted(long supervisorId, long otherId) {
        return em.createNamedQuery(ConflictOfInterest.BETWEEN, Long.class).setParameter("supervisorId", supervisorId)
                .setParameter("otherId", otherId).getSingleResult() > 0;
    }

    /** How long a former supervisor keeps read-only access after the enrolment ended. */
    public Duration formerPeriod() {
        int days = config.value(PortalSetting.FORMER_SUPERVISOR_DAYS).map(String::strip).filter(v -> !v.isEmpty())
                .map(Integer::parseInt).orElse(DEFAULT_FORMER_SUPERVISOR_DAYS); // checked at start-up (ConfigurationProblems)
        return Duration.ofDays(Math.max(0, days));
    }
}
