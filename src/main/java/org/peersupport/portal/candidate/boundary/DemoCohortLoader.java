package org.peersupport.portal.candidate.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.candidate.control.LessonAccess;
import org.peersupport.portal.candidate.control.StaffDirectory;
import org.peersupport.portal.candidate.entity.Cohort;
import org.peersupport.portal.candidate.entity.CohortDetails;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.candidate.entity.EnrolmentStatus;
import org.peersupport.portal.candidate.entity.SupervisorAllocation;
import org.peersupport.portal.candidate.entity.SupervisorProfile;
import org.peersupport.portal.course.control.CourseVersions;
import org.peersupport.portal.course.entity.Course;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.platform.control.PortalConfig;

/**
 * The demo run's cohort: after {@code DemoCourseLoader} has published the demo course, and only in demo mode,
 * creates once a Peer2Peer cohort that started three months ago with every session date passed, enrols the demo
 * candidates (Amara Okafor, Dylan Hughes, Priya Raman, looked up in the directory) as active, and allocates Grace
 * Mitchell to supervise two and Tom Barker one. Production never does this.
 */
@Startup
@Singleton
@DependsOn("DemoCourseLoader")
public class DemoCohortLoader {

    static final String ACTOR = "system (demo cohort loader)";
    static final String COURSE = "PEER2PEER";
    static final String NAME = "Peer2Peer demo cohort";

    private static final Logger LOG = Logger.getLogger(DemoCohortLoader.class.getName());

    /** Candidate username to supervisor username. */
    private static final Map<String, String> ENROLMENTS = Map.of("amara.okafor", "grace.mitchell",
            "dylan.hughes", "grace.mitchell", "priya.raman", "tom.barker");

    @PersistenceContext
    EntityManager em;

    @Inject
    PortalConfig config;

    @Inject
    CourseVersions versions;

    @Inject
    StaffDirectory staff;

    @Inject
    LessonAccess access;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    Clock clock;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void load() {
        if (!config.demo()) {
            return;
        }
        Optional<Course> course = versions.latestPublished(COURSE);
        if (course.isEmpty() || !em.createNamedQuery(Cohort.BY_COURSE_CODE_AND_NAME, Cohort.class)
                .setParameter("code", COURSE).setParameter("name", NAME).getResultList().isEmpty()) {
            return;
        }
        Map<String, Person> people = new java.util.HashMap<>();
        try {
            for (String username : List.of("amara.okafor", "dylan.hughes", "priya.raman", "grace.mitchell", "tom.barker")) {
                people.put(username, staff.byUsername(username));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The demo cohort is not created: the demo people are not all in the directory", e);
            return;
        }
        create(course.get(), people);
    }

    private void create(Course course, Map<String, Person> people) {
        Instant now = Instant.now(clock);
        LocalDate today = access.now().toLocalDate();
        LocalDate start = today.minusWeeks(13);
        int sessions = course.getSessions().size();
        List<LocalDateTime> schedule = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            schedule.add(LocalDateTime.of(start.plusWeeks(i), LocalTime.of(10, 0)));
        }
        Cohort cohort = new Cohort(course, new CohortDetails(NAME, start, today.plusWeeks(8), "Recovery College, Room 2",
                null, "Sana Iqbal, Morgan Price", 12, null), now);
        cohort.schedule(schedule);
        em.persist(cohort);
        em.flush();
        audit.fire(AuditEvent.by(ACTOR, "COHORT_CREATED", "Cohort", cohort.getId(), NAME + " of " + COURSE));
        for (String supervisor : List.of("grace.mitchell", "tom.barker")) {
            if (em.createNamedQuery(SupervisorProfile.OF_PERSON, SupervisorProfile.class)
                    .setParameter("personId", people.get(supervisor).getId()).getResultList().isEmpty()) {
                em.persist(new SupervisorProfile(people.get(supervisor), 8));
            }
        }
        for (String username : List.of("amara.okafor", "dylan.hughes", "priya.raman")) {
            Person person = people.get(username);
            Enrolment enrolment = new Enrolment(person, cohort, now);
            em.persist(enrolment);
            em.flush();
            em.persist(enrolment.enrolled(ACTOR, "demo data"));
            em.persist(enrolment.moveTo(EnrolmentStatus.ACTIVE, "demo data", ACTOR, now, today));
            em.persist(new SupervisorAllocation(enrolment, people.get(ENROLMENTS.get(username)), ACTOR, "demo data", now));
            audit.fire(AuditEvent.by(ACTOR, "ENROLMENT_CREATED", "Enrolment", enrolment.getId(), "person " + person.getId()
                    + " on " + NAME + ", supervised by person " + people.get(ENROLMENTS.get(username)).getId()));
        }
        LOG.info(() -> NAME + " created with three demo candidates");
    }
}
