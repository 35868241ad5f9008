package org.peersupport.portal.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.peersupport.portal.candidate.boundary.Cohorts;
import org.peersupport.portal.candidate.boundary.Enrolling;
import org.peersupport.portal.candidate.boundary.Enrolments;
import org.peersupport.portal.candidate.entity.CohortDetails;
import org.peersupport.portal.candidate.entity.EnrolmentStatus;

/**
 * In-container test helper: cohorts of the demo run's published Peer2Peer course (the tests run in demo mode), made
 * by the demo coordinator with a name of their own, so tests share no cohort; and enrolments moved along the
 * lifecycle as a coordinator would.
 */
@ApplicationScoped
public class TestCohorts {

    @Inject
    Cohorts cohorts;

    @Inject
    Enrolments enrolments;

    @Inject
    Enrolling enrolling;

    @Inject
    AsCoordinator asCoordinator;

    @Inject
    Sql sql;

    /** A new cohort whose weekly sessions all lie in the past ({@code past}) or all in the future. */
    public long cohort(boolean past) throws Exception {
        long course = ((Number) sql.rows("select id from course where code = 'PEER2PEER' and status = 'PUBLISHED'")
                .get(0).get("id")).longValue();
        int sessions = (int) sql.count("select count(*) from course_session where course_id = ?", course);
        LocalDateTime first = (past ? LocalDateTime.now().minusWeeks(sessions + 1L) : LocalDateTime.now().plusWeeks(1))
                .withNano(0);
        List<LocalDateTime> schedule = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            schedule.add(first.plusWeeks(i));
        }
        LocalDate start = first.toLocalDate();
        CohortDetails details = new CohortDetails(name(), start, start.plusMonths(6), "Recovery College", null,
                "Sana Iqbal", 20, null);
        return asCoordinator.call(() -> cohorts.create(course, details, schedule));
    }

    public String name(long cohortId) throws Exception {
        return (String) sql.rows("select name from cohort where id = ?", cohortId).get(0).get("name");
    }

    /** Enrols the person and moves them through {@code path} (e.g. ACTIVE, COMPLETED) as a coordinator. */
    public long enrol(long cohortId, String username, EnrolmentStatus... path) throws Exception {
        long id = asCoordinator.call(() -> enrolling.enrol(cohortId, username));
        for (EnrolmentStatus to : path) {
            long version = ((Number) sql.rows("select version from enrolment where id = ?", id).get(0).get("version"))
                    .longValue();
            asCoordinator.run(() -> enrolments.changeStatus(id, to, to.needsReason() ? "a test reason" : null, version));
        }
        return id;
    }

    private static String name() {
        return "Cohort " + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
