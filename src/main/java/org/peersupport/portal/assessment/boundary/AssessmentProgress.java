package org.peersupport.portal.assessment.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.peersupport.portal.assessment.control.AssessmentAccess;
import org.peersupport.portal.assessment.control.CompletionRules;
import org.peersupport.portal.assessment.control.Decisions;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.portfolio.entity.Submission;
import org.peersupport.portal.portfolio.entity.SubmissionStatus;

/**
 * Where a candidate's assessed work stands: the decisions and feedback on one of their own submissions, their
 * submissions with where each stands, and where an enrolment stands against its completion rules.
 */
@Stateless
@DenyAll
public class AssessmentProgress {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    AssessmentAccess access;

    @Inject
    Decisions decisions;

    @Inject
    CompletionRules completion;

    /** The decisions and feedback on one of the caller's own submissions. */
    @RolesAllowed(Role.Names.CANDIDATE)
    public FeedbackView feedback(long submissionId) {
        Submission s = access.submission(submissionId);
        if (!access.isCaller(session, s.getEnrolment().getPerson())) {
            throw AssessmentAccess.notFound();
        }
        boolean latestAttempt = em.createQuery("select count(s2) from Submission s2 where s2.enrolment.id = :e "
                + "and s2.task.id = :t and s2.attempt > :a", Long.class).setParameter("e", s.getEnrolment().getId())
                .setParameter("t", s.getTask().getId()).setParameter("a", s.getAttempt()).getSingleResult() == 0;
        return new FeedbackView(s.getId(), s.getEnrolment().getId(), s.getEnrolment().getCohort().getCourse().getCode(),
                s.getTask().getCode(), s.getTask().getTitle(), s.getAttempt(), s.getStatus(), s.getSubmittedAt(),
                latestAttempt && s.getStatus().allowsNewAttempt(), AssessmentReads.candidateViews(decisions.of(submissionId)));
    }

    /** The caller's submissions, newest first, with where their assessment stands. */
    @RolesAllowed(Role.Names.CANDIDATE)
    public List<MyWorkLine> myWork() {
        return em.createQuery("select s.id, co.code, t.code, t.title, s.attempt, s.status, s.submittedAt, s.statusChangedAt "
                + "from Submission s join s.enrolment e join e.person pe join e.cohort c join c.course co join s.task t "
                + "where pe.id = :me order by s.submittedAt desc, s.id desc", Object[].class)
                .setParameter("me", access.me(session).getId()).setMaxResults(50).getResultList().stream()
                .map(row -> new MyWorkLine((Long) row[0], (String) row[1], (String) row[2], (String) row[3],
                        (Integer) row[4], (SubmissionStatus) row[5], (Instant) row[6], (Instant) row[7])).toList();
    }

    /**
     * Where an enrolment stands against its completion rules: for the candidate (their own), the allocated
     * supervisor and coordinators.
     */
    @RolesAllowed({Role.Names.CANDIDATE, Role.Names.SUPERVISOR, Role.Names.COORDINATOR})
    public CompletionRules.Check completion(long enrolmentId) {
        Enrolment e = em.find(Enrolment.class, enrolmentId);
        if (e == null) {
            throw AssessmentAccess.notFound();
        }
        boolean allowed = session.isCallerInRole(Role.Names.COORDINATOR)
                || (session.isCallerInRole(Role.Names.CANDIDATE) && access.isCaller(session, e.getPerson()))
                || (session.isCallerInRole(Role.Names.SUPERVISOR) && access.isAllocated(access.me(session), e));
        if (!allowed) {
            throw AssessmentAccess.notFound();
        }
        return completion.check(List.of(enrolmentId)).get(0);
    }
}
