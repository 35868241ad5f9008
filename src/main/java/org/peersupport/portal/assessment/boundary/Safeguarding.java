package org.peersupport.portal.assessment.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.peersupport.portal.assessment.control.AssessmentAccess;
import org.peersupport.portal.assessment.control.AssessmentEvent;
import org.peersupport.portal.assessment.entity.SafeguardingConcern;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.portfolio.entity.Submission;

/**
 * Safeguarding concerns. A supervisor raises one about a candidate allocated to them, while reviewing their work; it
 * is recorded apart from feedback and is invisible to everyone but the designated safeguarding leads (the
 * {@code safeguarding} role, mapped from a directory group), who see open concerns and close each with an outcome. A
 * lead never sees a concern about themselves. The audit trail records that a concern was raised, read or closed, and
 * by whom, never its words.
 */
@Stateless
@DenyAll
public class Safeguarding {

    /** Closed concerns shown to a lead, newest first. */
    public static final int CLOSED_SHOWN = 50;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Clock clock;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    Event<AssessmentEvent> events;

    @Inject
    AssessmentAccess access;

    /** Raises a concern about the candidate whose submission the caller is reviewing. Returns the concern's id. */
    @RolesAllowed(Role.Names.SUPERVISOR)
    public long raise(long submissionId, String concern) {
        Person me = access.me(session);
        Submission s = access.submission(submissionId);
        Enrolment e = s.getEnrolment();
        if (!access.isAllocated(me, e)) {
            throw AssessmentAccess.notFound();
        }
        String words = concern == null || concern.isBlank() ? null : concern.strip();
        if (words == null) {
            throw new BusinessException("safeguarding.concern.required", "Describe the concern.");
        }
        if (words.length() > SafeguardingConcern.MAX_TEXT) {
            throw new BusinessException("safeguarding.concern.tooLong", "Describe the concern in at most "
                    + SafeguardingConcern.MAX_TEXT + " characters.", SafeguardingConcern.MAX_TEXT);
        }
        SafeguardingConcern raised = new SafeguardingConcern(e, s, me, words, Instant.now(clock));
        em.persist(raised);
        em.flush();
        audit.fire(AuditEvent.by(me.getUsername(), "SAFEGUARDING_CONCERN_RAISED", "SafeguardingConcern", raised.getId(),
                "about enrolment " + e.getId() + ", while reviewing submission " + s.getId()));
        events.fire(new AssessmentEvent(AssessmentEvent.Kind.CONCERN_RAISED, s.getId(), e.getId(), null,
                e.getPerson().getId(), me.getId(), null, me.getId()));
        return raised.getId();
    }

    /** Open concerns, oldest first (the read is audited). */
    @RolesAllowed(Role.Names.SAFEGUARDING)
    public List<ConcernView> openConcerns() {
        Person me = access.me(session);
        List<ConcernView> open = em.createNamedQuery(SafeguardingConcern.OPEN, SafeguardingConcern.class).getResultList()
                .stream().filter(c -> notAbout(me, c)).map(Safeguarding::view).toList();
        audit.fire(AuditEvent.by(me.getUsername(), "SAFEGUARDING_CONCERNS_READ", "SafeguardingConcern", null, open.size() + " open concerns "
                + open.stream().map(c -> String.valueOf(c.id())).toList()));
        return open;
    }

    /** The most recently closed concerns, newest first (the read is audited, as for open ones). */
    @RolesAllowed(Role.Names.SAFEGUARDING)
    public List<ConcernView> closedConcerns() {
        Person me = access.me(session);
        List<ConcernView> closed = em.createNamedQuery(SafeguardingConcern.CLOSED, SafeguardingConcern.class)
                .setMaxResults(CLOSED_SHOWN).getResultList().stream().filter(c -> notAbout(me, c)).map(Safeguarding::view)
                .toList();
        audit.fire(AuditEvent.by(me.getUsername(), "SAFEGUARDING_CLOSED_CONCERNS_READ", "SafeguardingConcern", null,
                closed.size() + " closed concerns " + closed.stream().map(c -> String.valueOf(c.id())).toList()));
        return closed;
    }

    /** Closes a concern with its outcome (required). */
    @RolesAllowed(Role.Names.SAFEGUARDING)
    public void close(long concernId, String outcome, long expectedVersion) {
        Person me = access.me(session);
        SafeguardingConcern concern = em.find(SafeguardingConcern.class, concernId);
        if (concern == null || !notAbout(me, concern)) {
            throw new BusinessException("safeguarding.notFound", "There is no such concern.");
        }
        String words = outcome == null || outcome.isBlank() ? null : outcome.strip();
        if (words == null) {
            throw new BusinessException("safeguarding.outcome.required", "Record the outcome: what was done, and by whom.");
        }
        if (words.length() > SafeguardingConcern.MAX_TEXT) {
            throw new BusinessException("safeguarding.outcome.tooLong", "Record the outcome in at most "
                    + SafeguardingConcern.MAX_TEXT + " characters.", SafeguardingConcern.MAX_TEXT);
        }
        if (concern.getVersion() != expectedVersion) {
            throw stale();
        }
        concern.close(words, me, Instant.now(clock));
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw stale();
        }
        audit.fire(AuditEvent.by(me.getUsername(), "SAFEGUARDING_CONCERN_CLOSED", "SafeguardingConcern", concernId, "closed with an outcome"));
    }

    private static boolean notAbout(Person me, SafeguardingConcern c) {
        return !c.getEnrolment().getPerson().getId().equals(me.getId());
    }

    private static BusinessException stale() {
        return new BusinessException("safeguarding.stale", "Another safeguarding lead closed this concern after you opened "
                + "the page. Reload the page to see their outcome.");
    }

    private static ConcernView view(SafeguardingConcern c) {
        Enrolment e = c.getEnrolment();
        return new ConcernView(c.getId(), e.getId(), e.getPerson().getDisplayName(), e.getPerson().getUsername(),
                e.getCohort().getName(), e.getCohort().getCourse().getCode(),
                c.getSubmissionId(), c.getRaisedBy().getDisplayName(),
                c.getRaisedAt(), c.getConcern(), c.getClosedBy() == null ? null : c.getClosedBy().getDisplayName(),
                c.getClosedAt(), c.getOutcome(), c.getVersion());
    }
}
