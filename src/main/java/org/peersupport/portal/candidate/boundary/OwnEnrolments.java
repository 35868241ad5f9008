package org.peersupport.portal.candidate.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.peersupport.portal.candidate.control.AgreementText;
import org.peersupport.portal.candidate.control.LessonAccess;
import org.peersupport.portal.candidate.entity.Cohort;
import org.peersupport.portal.candidate.entity.CohortSession;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.identity.entity.Role;

/**
 * A candidate's own enrolments, for their home page: the courses they are on, with each cohort's dated schedule,
 * the lessons open and done, and the course's agreement with whether it is due. Read with a fixed number of
 * queries, however many enrolments or sessions there are.
 */
@Stateless
@DenyAll
public class OwnEnrolments {

    /** The heading the candidate's home page gives the agreement: its own headings follow it. */
    static final int AGREEMENT_HEADING_LEVEL = 4;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    LessonAccess access;

    /** The caller's own enrolments, newest cohort first. */
    @RolesAllowed(Role.Names.CANDIDATE)
    public List<EnrolmentSummary> myEnrolments() {
        return em.createNamedQuery(Enrolment.OF_PERSON, Enrolment.class)
                .setParameter("personId", new Caller(session, em).person().getId()).getResultList().stream()
                .map(e -> Enrolments.summary(e, e.getCohort())).toList();
    }

    /**
     * The caller's own enrolments for their home page, those still running first: course, cohort, where it meets,
     * the dated schedule with each lesson open or not yet, and the course's agreement with whether it is due.
     */
    @RolesAllowed(Role.Names.CANDIDATE)
    public List<MyCourse> myCourses() {
        Person me = new Caller(session, em).person();
        List<Enrolment> mine = new ArrayList<>(em.createNamedQuery(Enrolment.OF_PERSON, Enrolment.class)
                .setParameter("personId", me.getId()).getResultList());
        if (mine.isEmpty()) {
            return List.of();
        }
        mine.sort(Comparator.comparing((Enrolment e) -> !e.getStatus().isCurrent()));
        List<Long> ids = mine.stream().map(Enrolment::getId).toList();
        Map<Long, List<CohortSession>> sessions = reads().sessionsOf(mine.stream().filter(e -> e.getStatus().isCurrent())
                .map(e -> e.getCohort().getId()).distinct().toList());
        Map<Long, Instant> accepted = reads().acceptances(ids);
        Set<String> done = reads().completedLessons(me.getId());
        LocalDateTime now = access.now();
        List<MyCourse> courses = new ArrayList<>();
        for (Enrolment e : mine) {
            Cohort cohort = e.getCohort();
            String code = cohort.getCourse().getCode();
            List<CohortSession> dated = sessions.getOrDefault(cohort.getId(), List.of());
            List<ScheduleLine> schedule = dated.stream().map(s -> new ScheduleLine(s.getNumber(),
                    s.getCourseSession().getTitle(), s.getStartsAt(), s.isOpen(now), done.contains(code + "/" + s.getSlug())))
                    .toList();
            CohortSession first = dated.stream().filter(s -> s.getNumber() == 1).findFirst().orElse(null);
            String safe = AgreementText.under(cohort.getCourse().getAgreementHtml(), AGREEMENT_HEADING_LEVEL);
            boolean due = e.getStatus().isCurrent() && safe != null && first != null && first.isOpen(now)
                    && !accepted.containsKey(e.getId());
            courses.add(new MyCourse(e.getId(), code, cohort.getCourse().getTitle(), cohort.getName(), e.getStatus(),
                    cohort.getVenue(), cohort.getOnlineLink(), cohort.getFacilitators(), e.getExpectedEndDate(),
                    e.getCompletedAt(), schedule, safe, first == null ? null : first.getStartsAt(), accepted.get(e.getId()),
                    due));
        }
        return List.copyOf(courses);
    }

    private EnrolmentReads reads() {
        return new EnrolmentReads(em);
    }
}
