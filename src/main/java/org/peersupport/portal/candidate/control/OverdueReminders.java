package org.peersupport.portal.candidate.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.candidate.entity.EnrolmentStatus;
import org.peersupport.portal.candidate.entity.SupervisorAllocation;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.notice.control.Notifier;
import org.peersupport.portal.notice.entity.NoticeKind;

/**
 * The daily overdue reminder's work: tells each candidate whose enrolment is past its expected end date and not
 * complete, and their allocated supervisor, once per day. Enrolled and active enrolments count; a paused one does
 * not (its clock is stopped, and resuming moves the end date on). Enrolments are read a batch at a time with their
 * people, cohorts and current supervisors in two queries per batch; each notice carries a once-key
 * ({@code OVERDUE:enrolment:day}) that the database keeps unique per person, so nobody is told twice the same day.
 */
@ApplicationScoped
public class OverdueReminders {

    static final int BATCH = 200;
    static final String ACTOR = "system (daily reminder)";

    @PersistenceContext
    EntityManager em;

    @Inject
    Notifier notifier;

    @Inject
    Event<AuditEvent> audit;

    /** Sends the reminders for {@code day} in the caller's transaction; returns how many notices it created. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int remind(LocalDate day) {
        int sent = 0;
        long after = 0;
        while (true) {
            List<Enrolment> overdue = em.createQuery("select e from Enrolment e join fetch e.person "
                    + "join fetch e.cohort c join fetch c.course where e.status in :statuses "
                    + "and e.expectedEndDate < :day and e.id > :after order by e.id", Enrolment.class)
                    .setParameter("statuses", List.of(EnrolmentStatus.ENROLLED, EnrolmentStatus.ACTIVE))
                    .setParameter("day", day).setParameter("after", after).setMaxResults(BATCH).getResultList();
            if (overdue.isEmpty()) {
                audit.fire(AuditEvent.by(ACTOR, "OVERDUE_REMINDER_RUN", "JobRun", "overdue-reminder " + day,
                        sent + " notices"));
                return sent;
            }
            sent += remind(overdue, day);
            after = overdue.get(overdue.size() - 1).getId();
            em.flush();
            em.clear();
        }
    }

    private int remind(List<Enrolment> overdue, LocalDate day) {
        List<Long> ids = overdue.stream().map(Enrolment::getId).toList();
        Map<Long, Person> supervisors = new HashMap<>();
        for (SupervisorAllocation allocation : em.createQuery("select a from SupervisorAllocation a join fetch a.supervisor "
                + "where a.endedAt is null and a.enrolment.id in :ids", SupervisorAllocation.class)
                .setParameter("ids", ids).getResultList()) {
            supervisors.put(allocation.getEnrolment().getId(), allocation.getSupervisor());
        }
        List<String> keys = new ArrayList<>();
        for (Enrolment enrolment : overdue) {
            keys.add(onceKey(enrolment, day));
        }
        Set<String> already = notifier.alreadyNotified(keys);
        int sent = 0;
        for (Enrolment enrolment : overdue) {
            String key = onceKey(enrolment, day);
            Person candidate = enrolment.getPerson();
            Date due = Date.valueOf(enrolment.getExpectedEndDate());
            String cohort = enrolment.getCohort().getName();
            String course = enrolment.getCohort().getCourse().getTitle();
            if (already.add(candidate.getId() + ":" + key)) {
                notifier.notify(candidate, NoticeKind.OVERDUE, notifier.text("notice.overdue.title", course),
                        notifier.text("notice.overdue.text", cohort, course, due), "/candidate/index.xhtml", key);
                sent++;
            }
            Person supervisor = supervisors.get(enrolment.getId());
            if (supervisor != null && already.add(supervisor.getId() + ":" + key)) {
                notifier.notify(supervisor, NoticeKind.OVERDUE, notifier.text("notice.overdue.supervisor.title",
                        candidate.getDisplayName()), notifier.text("notice.overdue.supervisor.text",
                        candidate.getDisplayName(), cohort, course, due), "/supervisor/index.xhtml", key);
                sent++;
            }
        }
        return sent;
    }

    static String onceKey(Enrolment enrolment, LocalDate day) {
        return "OVERDUE:" + enrolment.getId() + ":" + day;
    }
}
