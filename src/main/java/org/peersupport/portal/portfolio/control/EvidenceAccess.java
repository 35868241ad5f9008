package org.peersupport.portal.portfolio.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.candidate.control.SupervisorAccess;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.portfolio.entity.EvidenceItem;
import org.peersupport.portal.portfolio.entity.Submission;
import org.peersupport.portal.portfolio.entity.VerificationSample;

/**
 * Who may read evidence content (special-category health data): the candidate whose evidence it is; the
 * enrolment's allocated supervisor while {@link SupervisorAccess} lets them read (allocated and not conflicted; after
 * the enrolment ended, read-only for a configured period); and, for a submission, an internal verifier it has been sampled
 * to ({@link VerificationSample}). Nobody else, whatever their role: coordinators and HR read statuses and dates
 * through methods that return no content at all. "Assessor only" items reach the candidate and the allocated
 * supervisor, never a verifier.
 *
 * The caller is compared by person id ({@link Viewer#personId()}, resolved from the directory's stable id at sign-in),
 * never by username.
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

    /**
     * The caller: their principal name (for the audit trail and display only), their person id (null when the portal
     * has no record of them) and the roles that can give them access.
     */
    public record Viewer(String username, Long personId, boolean candidate, boolean supervisor, boolean verifier) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    SupervisorAccess supervisors;

    /** The candidate (own enrolment) or the current allocated supervisor; verifiers read submissions only. */
    public Optional<Reader> readerOf(Viewer viewer, Enrolment enrolment) {
        if (viewer.candidate() && viewer.personId() != null && enrolment.getPerson().getId().equals(viewer.personId())) {
            return Optional.of(Reader.CANDIDATE);
        }
        if (viewer.supervisor() && supervisorReads(viewer, enrolment)) {
            return Optional.of(Reader.SUPERVISOR);
        }
        return Optional.empty();
    }

    /** As {@link #readerOf(Viewer, Enrolment)}, and a verifier the submission is sampled to. */
    public Optional<Reader> readerOf(Viewer viewer, Submission submission) {
        Optional<Reader> reader = readerOf(viewer, submission.getEnrolment());
        if (reader.isEmpty() && viewer.verifier() && isSampledTo(viewer.personId(), submission.getId())) {
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

    /** The enrolment's allocated supervisor while they may read it ({@link SupervisorAccess}), or "no such evidence". */
    public void requireSupervisor(Viewer viewer, Enrolment enrolment) {
        if (!(viewer.supervisor() && supervisorReads(viewer, enrolment))) {
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

    /** Allocated, not conflicted, and the enrolment current or ended within the read-only period. */
    public boolean supervisorReads(Viewer viewer, Enrolment enrolment) {
        return supervisors.reach(viewer.personId(), enrolment).reads();
    }

    public boolean isSampledTo(Long verifierId, long submissionId) {
        return verifierId != null && em.createNamedQuery(VerificationSample.IS_SAMPLED_TO, Long.class)
                .setParameter("submissionId", submissionId).setParameter("verifierId", verifierId).getSingleResult() > 0;
    }

    public static BusinessException notFound() {
        return new BusinessException("evidence.notFound", "There is no such evidence, or it is not yours to see.");
    }
}
