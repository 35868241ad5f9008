package org.peersupport.portal.assessment.control;

import jakarta.ejb.SessionContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.inject.Inject;
import java.util.Optional;
import org.peersupport.portal.candidate.control.SupervisorAccess;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.candidate.entity.SupervisorAllocation;
import org.peersupport.portal.identity.control.Callers;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.portfolio.entity.Submission;
import org.peersupport.portal.portfolio.entity.VerificationSample;

/**
 * Who may assess or verify a submission, beyond what their role allows. An assessor is the enrolment's current
 * allocated supervisor, who is not the candidate and has declared no conflict of interest with them. A verifier is
 * the one the submission is sampled to, who is neither the candidate nor the assessor who signed it off. A caller
 * with no business with a submission is told it does not exist, so a refusal reveals nothing.
 */
@ApplicationScoped
public class AssessmentAccess {

    @PersistenceContext
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    SupervisorAccess supervisors;

    /** The signed-in caller's person record, by the id resolved at sign-in (see {@link Callers}). */
    public Person me(SessionContext session) {
        return callers.require(session.getCallerPrincipal());
    }

    /**
     * The signed-in caller's person id, without reading their record (a list that only filters by it needs no more);
     * "sign in again" when the portal has no record of them.
     */
    public long myId(SessionContext session) {
        return callers.id(session.getCallerPrincipal()).orElseThrow(Callers::unknown);
    }

    /** Whether the caller is this person: by id, never by username. */
    public boolean isCaller(SessionContext session, Person person) {
        return callers.is(session.getCallerPrincipal(), person);
    }

    /** The submission with its enrolment, candidate, cohort, course version and task, or "no such submission". */
    public Submission submission(long submissionId) {
        return em.createNamedQuery(Submission.WITH_ENROLMENT, Submission.class).setParameter("id", submissionId)
                .getResultStream().findFirst().orElseThrow(AssessmentAccess::notFound);
    }

    /**
     * Whether the supervisor may read the enrolment's work ({@link SupervisorAccess}): allocated, not conflicted, and
     * the enrolment current or ended within the read-only period.
     */
    public boolean isAllocated(Person supervisor, Enrolment enrolment) {
        return supervisors.reach(supervisor.getId(), enrolment).reads();
    }

    public boolean conflicted(Person supervisor, Person other) {
        return supervisors.conflicted(supervisor.getId(), other.getId());
    }

    /** The enrolment's current allocated supervisor, if any. */
    public Optional<Person> currentAssessor(Enrolment enrolment) {
        return em.createNamedQuery(SupervisorAllocation.CURRENT_OF_ENROLMENT, SupervisorAllocation.class)
                .setParameter("enrolmentId", enrolment.getId()).getResultStream().findFirst()
                .map(SupervisorAllocation::getSupervisor);
    }

    /** {@code me} may assess this candidate's work, or the refusal. */
    public void requireAssessor(Person me, Enrolment enrolment) {
        assessorReach(me, enrolment);
    }

    /**
     * {@code me} may make a new decision (refer back, sign off): as {@link #requireAssessor}, and the place is still
     * current. After it ends, the last supervisor reads the work for a while but decides nothing (read only).
     */
    public void requireDecidingAssessor(Person me, Enrolment enrolment) {
        if (assessorReach(me, enrolment) != SupervisorAccess.Reach.CURRENT) {
            throw new BusinessException("assessment.placeEnded", "This candidate's place has ended, so their work can no "
                    + "longer be referred back or signed off. You can still read it.");
        }
    }

    /**
     * What the allocated supervisor {@code me} may do with this candidate's work, from one statement (allocation and
     * conflict together); refused when it is their own work or they declared a conflict, "no such submission" when they
     * are not allocated or the read-only period after the place ended is over.
     */
    private SupervisorAccess.Reach assessorReach(Person me, Enrolment enrolment) {
        SupervisorAccess.Relation relation = supervisors.relation(me.getId(), enrolment);
        if (!relation.allocated()) {
            throw notFound();
        }
        if (enrolment.getPerson().getId().equals(me.getId())) {
            throw new BusinessException("assessment.ownWork", "You cannot assess your own work.");
        }
        if (relation.conflicted()) {
            throw new BusinessException("assessment.conflict", "You have declared a conflict of interest with "
                    + enrolment.getPerson().getDisplayName() + ", so you cannot assess their work. Ask a training "
                    + "coordinator to allocate another supervisor.", enrolment.getPerson().getDisplayName());
        }
        SupervisorAccess.Reach reach = supervisors.reach(relation, enrolment);
        if (!reach.reads()) {
            throw notFound(); // the enrolment ended longer ago than a former supervisor keeps reading it
        }
        return reach;
    }

    /** The sample of this submission to {@code me}, or "no such submission". */
    public Optional<VerificationSample> sampleTo(Person me, Submission submission) {
        return em.createQuery("select v from VerificationSample v where v.submission.id = :submissionId "
                + "and v.verifier.id = :verifierId", VerificationSample.class).setParameter("submissionId", submission.getId())
                .setParameter("verifierId", me.getId()).getResultStream().findFirst();
    }

    /**
     * {@code me} is the verifier this submission is sampled to, and neither the candidate nor the assessor who signed
     * it off ({@code assessor}), nor conflicted with the candidate.
     */
    public void requireVerifier(Person me, Submission submission, Person assessor) {
        if (sampleTo(me, submission).isEmpty()) {
            throw notFound();
        }
        Person candidate = submission.getEnrolment().getPerson();
        if (candidate.getId().equals(me.getId())) {
            throw new BusinessException("verification.ownWork", "You cannot verify the assessment of your own work.");
        }
        if (assessor != null && assessor.getId().equals(me.getId())) {
            throw new BusinessException("verification.ownSignOff", "You cannot verify your own sign-off.");
        }
        if (conflicted(me, candidate)) {
            throw new BusinessException("verification.conflict", "You have declared a conflict of interest with "
                    + candidate.getDisplayName() + ", so you cannot verify the assessment of their work.",
                    candidate.getDisplayName());
        }
    }

    /** Refuses a decision made on a submission that changed since the caller read it. */
    public static void requireVersion(Submission submission, long expectedVersion) {
        if (submission.getVersion() != expectedVersion) {
            throw stale();
        }
    }

    public static BusinessException notFound() {
        return new BusinessException("assessment.notFound", "There is no such submission, or it is not yours to assess.");
    }

    public static BusinessException stale() {
        return new BusinessException("assessment.stale", "Someone else made a decision on this work after you opened "
                + "it, so yours was not saved. Reload the page to see their decision.");
    }
}
