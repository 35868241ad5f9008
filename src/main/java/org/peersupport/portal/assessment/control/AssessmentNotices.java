package org.peersupport.portal.assessment.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.peersupport.portal.identity.control.RoleMembers;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.notice.control.Notifier;
import org.peersupport.portal.notice.entity.NoticeKind;

/**
 * Tells people about the assessment workflow: the one place where {@link AssessmentEvent}s become notices (and,
 * after the transaction commits, emails; see {@link Notifier}). It observes the event inside the transaction that
 * made the change, so the notice and the decision commit or roll back together. A completed enrolment is announced
 * by the candidate feature's {@code EnrolmentCompleted}, where {@link Certifier} issues the certificate and tells the
 * candidate.
 *
 * <p>Notices carry the candidate's name and the course, never evidence content or feedback; the link leads to the page,
 * where the reader's access is checked again. A safeguarding concern tells every designated safeguarding lead (the
 * directory's members of the safeguarding groups, never the candidate it is about or whoever raised it) only that a
 * new concern is waiting, with a link to their page: no words of the concern, no names, no course, because notices
 * are emailed. When the directory cannot be reached nobody is told, and the concern stands (the lead's page lists it).
 */
@ApplicationScoped
public class AssessmentNotices {

    @PersistenceContext
    EntityManager em;

    @Inject
    Notifier notifier;

    @Inject
    RoleMembers roleMembers;

    void on(@Observes AssessmentEvent event) {
        switch (event.kind()) {
            case SUBMITTED -> tell(event, NoticeKind.SUBMITTED, Arrays.asList(event.assessor()), reviewLink(event));
            case REFERRED_BACK -> tell(event, NoticeKind.REFERRED_BACK, Arrays.asList(event.candidate()), feedbackLink(event));
            case SIGNED_OFF -> tell(event, NoticeKind.SIGNED_OFF, Arrays.asList(event.candidate()), feedbackLink(event));
            case SAMPLED -> tell(event, NoticeKind.SAMPLED, Arrays.asList(event.verifier()),
                    event.decisionId() == null ? "/verifier/index.xhtml" : "/verifier/sample.xhtml?decision=" + event.decisionId());
            case VERIFIED -> {
                tell(event, NoticeKind.VERIFIED, Arrays.asList(event.assessor()), reviewLink(event));
                tell(event, NoticeKind.VERIFIED, Arrays.asList(event.candidate()), feedbackLink(event));
            }
            case RETURNED -> tell(event, NoticeKind.RETURNED, Arrays.asList(event.assessor()), reviewLink(event));
            case DECISION_CORRECTED -> {
                tell(event, NoticeKind.DECISION_CORRECTED, Arrays.asList(event.candidate()), feedbackLink(event));
                tell(event, NoticeKind.DECISION_CORRECTED, Arrays.asList(event.assessor(), event.verifier()), reviewLink(event));
            }
            case CONCERN_RAISED -> tellSafeguardingLeads(event);
        }
    }

    private void tellSafeguardingLeads(AssessmentEvent event) {
        String title = notifier.text("notice.concernRaised.title");
        String text = notifier.text("notice.concernRaised.text");
        for (Person lead : roleMembers.holding(Role.SAFEGUARDING)) {
            if (!lead.getId().equals(event.candidate()) && !lead.getId().equals(event.actor())) {
                notifier.notify(lead, NoticeKind.CONCERN_RAISED, title, text, "/safeguarding/index.xhtml");
            }
        }
    }

    /** Tells each person, by person id (a null id, for example no verifier yet, and the actor themselves are skipped). */
    private void tell(AssessmentEvent event, NoticeKind kind, List<Long> personIds, String link) {
        Set<Long> recipients = new LinkedHashSet<>();
        for (Long personId : personIds) {
            if (personId != null && !personId.equals(event.actor())) {
                recipients.add(personId);
            }
        }
        if (recipients.isEmpty()) {
            return;
        }
        Object[] about = em.createQuery("select p.displayName, c.title from Enrolment e join e.person p "
                + "join e.cohort co join co.course c where e.id = :id", Object[].class)
                .setParameter("id", event.enrolmentId()).getSingleResult();
        if (event.submissionId() != null) {
            // which piece of work: a course has several tasks
            String task = em.createQuery("select s.task.title from Submission s where s.id = :id", String.class)
                    .setParameter("id", event.submissionId()).getSingleResult();
            about = new Object[] {about[0], task + " (" + about[1] + ")"};
        }
        List<Person> people = em.createQuery("select p from Person p where p.id in :ids", Person.class)
                .setParameter("ids", recipients).getResultList();
        for (Person person : people) {
            notifier.notify(person, kind, notifier.text("notice.assessment." + kind + ".title", about),
                    notifier.text("notice.assessment." + kind + ".text", about), link);
        }
    }

    private static String reviewLink(AssessmentEvent event) {
        return event.submissionId() == null ? "/supervisor/queue.xhtml" : "/supervisor/review.xhtml?submission=" + event.submissionId();
    }

    private static String feedbackLink(AssessmentEvent event) {
        return event.submissionId() == null ? "/candidate/index.xhtml" : "/candidate/feedback.xhtml?submission=" + event.submissionId();
    }
}
