package org.peersupport.portal.candidate.boundary;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.candidate.entity.EnrolmentStatus;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.boundary.ResultPage;
import org.peersupport.portal.platform.control.LikePattern;

/**
 * HR's restricted view of every enrolment: names, departments, courses, cohorts, statuses and dates, nothing else;
 * paged and searched by name in the database.
 */
@Stateless
@DenyAll
public class HrRecords {

    /** The most rows HR reads at once. */
    public static final int MAX_HR_PAGE = 100;

    @PersistenceContext
    EntityManager em;

    /** HR's view of every enrolment: names, departments, statuses and dates only. */
    @RolesAllowed(Role.Names.HR)
    public List<HrRecord> hrRecords() {
        return em.createQuery("select e from Enrolment e join fetch e.person join fetch e.cohort c join fetch c.course "
                + "order by e.person.displayName, c.startDate", Enrolment.class).getResultList().stream()
                .map(HrRecords::hr).toList();
    }

    /**
     * One page of HR's view of every enrolment (names, departments, courses, cohorts, statuses and dates), by name,
     * paged in the database. {@code page} counts from 1 and is kept within the pages there are; {@code pageSize}
     * is at most {@value #MAX_HR_PAGE}.
     */
    @RolesAllowed(Role.Names.HR)
    public ResultPage<HrRecord> hrRecordPage(int page, int pageSize) {
        return hrRecordPage(null, page, pageSize);
    }

    /**
     * As {@link #hrRecordPage(int, int)}, narrowed to the people whose name contains {@code name} (any case; blank
     * means everyone). Wildcards typed in the name are matched literally.
     */
    @RolesAllowed(Role.Names.HR)
    public ResultPage<HrRecord> hrRecordPage(String name, int page, int pageSize) {
        int size = Math.max(1, Math.min(pageSize, MAX_HR_PAGE));
        String pattern = LikePattern.containing(name);
        String where = pattern == null ? "" : " where lower(p.displayName) like :name escape '!'";
        TypedQuery<Long> count = em.createQuery("select count(e) from Enrolment e join e.person p" + where, Long.class);
        TypedQuery<Object[]> rowsQuery = em.createQuery("select e.id, p.displayName, p.department, co.code, c.name, "
                + "e.status, e.enrolledAt, e.statusChangedAt, e.expectedEndDate, e.completedAt from Enrolment e "
                + "join e.person p join e.cohort c join c.course co" + where + " order by p.displayName, c.startDate, e.id",
                Object[].class);
        if (pattern != null) {
            count.setParameter("name", pattern);
            rowsQuery.setParameter("name", pattern);
        }
        long total = count.getSingleResult();
        int number = ResultPage.within(page, total, size);
        List<HrRecord> rows = rowsQuery.setFirstResult((number - 1) * size).setMaxResults(size).getResultList().stream()
                .map(r -> new HrRecord((Long) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                        (EnrolmentStatus) r[5], (Instant) r[6], (Instant) r[7], (LocalDate) r[8], (Instant) r[9])).toList();
        return new ResultPage<>(rows, number, size, total);
    }

    /** HR's view of one enrolment. */
    @RolesAllowed(Role.Names.HR)
    public HrRecord hrRecord(long enrolmentId) {
        return hr(reads().enrolment(enrolmentId));
    }

    private static HrRecord hr(Enrolment e) {
        return new HrRecord(e.getId(), e.getPerson().getDisplayName(), e.getPerson().getDepartment(),
                e.getCohort().getCourse().getCode(), e.getCohort().getName(), e.getStatus(), e.getEnrolledAt(),
                e.getStatusChangedAt(), e.getExpectedEndDate(), e.getCompletedAt());
    }

    private EnrolmentReads reads() {
        return new EnrolmentReads(em);
    }
}
