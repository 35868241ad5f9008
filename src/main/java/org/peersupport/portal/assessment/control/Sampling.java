package org.peersupport.portal.assessment.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import org.peersupport.portal.assessment.entity.Decision;
import org.peersupport.portal.assessment.entity.SampleReason;
import org.peersupport.portal.assessment.entity.SamplingPick;
import org.peersupport.portal.assessment.entity.SamplingPlan;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.portfolio.entity.Submission;
import org.peersupport.portal.portfolio.entity.VerificationSample;

/**
 * Decides, as a sign-off is made, whether it is sampled for internal verification and to whom:
 * <ol>
 * <li>work sampled before (its sign-off was returned or corrected) goes back to the same verifier, uncounted;</li>
 * <li>otherwise the sign-off takes the assessor's next number, and is sampled when its candidate was picked by a
 * verifier (to that verifier), or when the assessor's plan, or else the default plan, samples that number (see
 * {@link SamplingPlan}; to the verifier who saved the plan).</li>
 * </ol>
 * A verifier is never sent the assessment of their own work, their own sign-off, or a candidate they declared a
 * conflict with. Numbering is serialised per assessor with a transaction-scoped advisory lock, so two sign-offs by
 * the same assessor at once still take different numbers.
 */
@ApplicationScoped
public class Sampling {

    /** The advisory-lock class for "numbering an assessor's sign-offs". */
    private static final int SIGN_OFF_NUMBERING = 0x5a4d;

    @PersistenceContext
    EntityManager em;

    @jakarta.inject.Inject
    AssessmentAccess access;

    /** Numbers and samples a sign-off before it is stored; returns the verifier it is sampled to, if any. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Person> sample(Decision signOff, Person assessor, Instant now) {
        Submission submission = signOff.getSubmission();
        Optional<VerificationSample> earlier = em.createQuery("select v from VerificationSample v join fetch v.verifier "
                + "where v.submission.id = :submissionId", VerificationSample.class)
                .setParameter("submissionId", submission.getId()).getResultStream().findFirst();
        if (earlier.isPresent()) {
            signOff.sample(null, SampleReason.RESAMPLE, earlier.get().getVerifier());
            return Optional.of(earlier.get().getVerifier());
        }
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(?, ?)").setParameter(1, SIGN_OFF_NUMBERING)
                .setParameter(2, (int) (assessor.getId() % Integer.MAX_VALUE)).getSingleResult();
        int number = Math.toIntExact(em.createNamedQuery(Decision.COUNTED_SIGN_OFFS, Long.class)
                .setParameter("assessorId", assessor.getId()).getSingleResult() + 1);

        Enrolment enrolment = submission.getEnrolment();
        SampleReason reason = null;
        Person verifier = null;
        Optional<SamplingPick> pick = em.createNamedQuery(SamplingPick.OF_ENROLMENT, SamplingPick.class)
                .setParameter("enrolmentId", enrolment.getId()).getResultStream().findFirst();
        if (pick.isPresent() && may(pick.get().getVerifier(), assessor, enrolment)) {
            reason = SampleReason.PICKED;
            verifier = pick.get().getVerifier();
        } else {
            Optional<SamplingPlan> plan = planFor(assessor);
            if (plan.isPresent() && may(plan.get().getVerifier(), assessor, enrolment)) {
                reason = plan.get().reasonFor(number).orElse(null);
                verifier = reason == null ? null : plan.get().getVerifier();
            }
        }
        signOff.sample(number, reason, verifier);
        if (verifier != null) {
            em.persist(new VerificationSample(submission, verifier, verifier.getUsername(), now));
        }
        return Optional.ofNullable(verifier);
    }

    /** The assessor's own plan, or else the default plan. */
    public Optional<SamplingPlan> planFor(Person assessor) {
        return em.createNamedQuery(SamplingPlan.OF_ASSESSOR, SamplingPlan.class).setParameter("assessorId", assessor.getId())
                .getResultStream().findFirst()
                .or(() -> em.createNamedQuery(SamplingPlan.DEFAULT, SamplingPlan.class).getResultStream().findFirst());
    }

    private boolean may(Person verifier, Person assessor, Enrolment enrolment) {
        return !verifier.getId().equals(assessor.getId()) && !verifier.getId().equals(enrolment.getPerson().getId())
                && !access.conflicted(verifier, enrolment.getPerson());
    }
}
