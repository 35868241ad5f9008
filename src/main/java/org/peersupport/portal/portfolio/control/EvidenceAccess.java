package org.peersupport.portal.portfolio.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.portfolio.entity.EvidenceItem;
import org.peersupport.portal.portfolio.entity.Submission;
import org.peersupport.portal.portfolio.entity.VerificationSample;

/**
 * Who may read evidence content (special-category health data): the candidate whose evidence it is; the
 * enrolment's <em>current</em> allocated supervisor; and, for a submission, an internal verifier it has been sampled
 * to ({@link VerificationSample}). Nobody else, whatever their role: coordinators and HR read statuses and dates
 * through methods that return no content at all. "Assessor only" items reach the candidate and the allocated
 * supervisor, never a verifier.
 *
 * <p>Every read by anyone but the candidate is written to the audit trail, in the boundary's transaction, by
 * {@link #recordRead}. A refusal reads the same as "no such evidence", so it reveals nothing.
 */
@ApplicationScoped
public class EvidenceAccess {

    /** How the caller reads a piece of evidence. */
    public enum Reader {
        /** The candidate whose evidence it is. */
        CANDIDATE,
        /** The enrolment's current allocated supervisor (assessor). */
        SUPERVISOR,
        /** An internal verifier the submission is sampled to. */
        VERIFIER;

        /** The candidate and the allocated supervisor see "assessor only" items; a verifier does not. */
        public boolean seesAssessorOnly() {
            return this != VERIFIER;
        }
    }

    /** The caller: their username and the roles that can give them access. */
    public record Viewer(String username, boolean candidate, boolean supervisor, boolean verifier) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<AuditEvent> audit;

    /** The candidate (own enrolment) or the current allocated supervisor; verifiers read submissions only. */
    public Optional<Reader> readerOf(Viewer viewer, Enrolment enrolment) {
        if (viewer.candidate() && enrolment.getPerson().getUsername().equalsIgnoreCase(viewer.username())) {
            return Optional.of(Reader.CANDIDATE);
        }
        if (viewer.supervisor() && isAllocatedSupervisor(viewer.username(), enrolment.getId())) {
            return Optional.of(Reader.SUPERVISOR);
        }
        return Optional.empty();
    }

    /** As {@link #readerOf(Viewer, Enrolment)}, and a verifier the submission is sampled to. */
    public Optional<Reader> readerOf(Viewer viewer, Submission submission) {
        Optional<Reader> reader = readerOf(viewer, submission.getEnrolment());
        if (reader.isEmpty() && viewer.verifier() && isSampledTo(viewer.username(), submission.getId())) {
            return Optional.of(Reader.VERIFIER);
        }
        return reader;
    }

    /** The caller's way of reading an item's content, or "no such evidence". */
    public Reader requireItem(Viewer viewer, EvidenceItem item) {
        Reader reader = readerOf(viewer, item.getEnrolment()).orElseThrow(EvidenceAccess::notFound);
        if (item.isAssessorOnly() && !reader.seesAssessorOnly()) {
            throw notFound();
        }
        return reader;
    }

    /** The caller's way of reading a submission's content, or "no such submission". */
    public Reader requireSubmission(Viewer viewer, Submission submission) {
        return readerOf(viewer, submission).orElseThrow(EvidenceAccess::notFound);
    }

    /** The candidate themselves, or "no such evidence": only they change their portfolio. */
    public void requireCandidate(Viewer viewer, Enrolment enrolment) {
        if (readerOf(viewer, enrolment).orElse(null) != Reader.CANDIDATE) {
            throw notFound();
        }
    }

    /** The enrolment's current allocated supervisor, or "no such evidence". */
    public void requireSupervisor(Viewer viewer, Enrolment enrolment) {
        if (!(viewer.supervisor() && isAllocatedSupervisor(viewer.username(), enrolment.getId()))) {
            throw notFound();
        }
    }

    /** Writes a read of content by anyone but the candidate to the audit trail, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordRead(Viewer viewer, Reader reader, String action, String subjectType, Object subjectId, String detail) {
        if (reader != Reader.CANDIDATE) {
            audit.fire(AuditEvent.by(viewer.username(), action, subjectType, subjectId,
                    "read as " + reader.name().toLowerCase(java.util.Locale.ROOT) + (detail == null ? "" : "; " + detail)));
        }
    }

    public boolean isAllocatedSupervisor(String username, long enrolmentId) {
        return username != null && em.createQuery("select count(a) from SupervisorAllocation a where a.enrolment.id = :enrolmentId "
                + "and lower(a.supervisor.username) = lower(:username) and a.endedAt is null", Long.class)
                .setParameter("enrolmentId", enrolmentId).setParameter("username", username).getSingleResult() > 0;
    }

    public boolean isSampledTo(String username, long submissionId) {
        return username != null && em.createNamedQuery(VerificationSample.IS_SAMPLED_TO, Long.class)
                .setParameter("submissionId", submissionId).setParameter("username", username).getSingleResult() > 0;
    }

    public static BusinessException notFound() {
        return new BusinessException("evidence.notFound", "There is no such evidence, or it is not yours to see.");
    }
}
