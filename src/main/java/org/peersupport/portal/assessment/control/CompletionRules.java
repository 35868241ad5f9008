package org.peersupport.portal.assessment.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.peersupport.portal.candidate.boundary.Attendance;
import org.peersupport.portal.candidate.boundary.AttendanceRate;
import org.peersupport.portal.candidate.control.AttendanceMarked;
import org.peersupport.portal.candidate.control.EnrolmentCompletion;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.candidate.entity.EnrolmentStatus;
import org.peersupport.portal.course.control.LessonCompleted;
import org.peersupport.portal.portfolio.entity.SubmissionStatus;

/**
 * When an enrolment is complete: the candidate's attendance rate is at least the cohort's threshold (as the
 * candidate feature's {@link Attendance} computes it), every lesson of their course version is completed, and every
 * assessment task of the version is complete, that is, its latest attempt is signed off and, if it was sampled,
 * confirmed by the verifier. {@link #evaluate} runs after each change that could complete an enrolment, in that
 * change's transaction: a decision ({@link Decisions} calls it), and the other features' events it observes, {@link
 * AttendanceMarked} (the candidate feature) and {@link LessonCompleted} (the course feature). An active enrolment
 * whose rules all hold is completed through the candidate feature's {@link EnrolmentCompletion}, the one path that
 * records the status change, audits it and announces it to the certificate issuer.
 *
 * <p>Every check reads a fixed number of queries for any number of enrolments.
 */
@ApplicationScoped
public class CompletionRules {

    /** Where an enrolment stands against each rule. */
    public record Check(long enrolmentId, EnrolmentStatus status, int attendancePercent, int attendanceThreshold,
            int lessonsDone, int lessonsTotal, int tasksComplete, int tasksTotal) {

        public boolean attendanceMet() {
            return attendancePercent >= attendanceThreshold;
        }

        public boolean lessonsMet() {
            return lessonsDone >= lessonsTotal;
        }

        public boolean tasksMet() {
            return tasksComplete >= tasksTotal;
        }

        /** Every rule holds. */
        public boolean met() {
            return attendanceMet() && lessonsMet() && tasksMet();
        }

        /** The rules in plain English, for the status history and the audit trail. */
        public String summary() {
            return "attendance " + attendancePercent + "% (at least " + attendanceThreshold + "%), " + lessonsDone + " of "
                    + lessonsTotal + " lessons completed, " + tasksComplete + " of " + tasksTotal
                    + " assessment tasks complete";
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Principal caller;

    @Inject
    EnrolmentCompletion completion;

    /** Where each enrolment stands, in the order given; unknown ids are left out. */
    public List<Check> check(Collection<Long> enrolmentIds) {
        return new ArrayList<>(read(enrolmentIds).values().stream().map(Read::check).toList());
    }

    /** Completes every active enrolment among these whose rules all hold; returns the ids it completed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Long> evaluate(Collection<Long> enrolmentIds) {
        em.flush();
        List<Long> completed = new ArrayList<>();
        for (Read read : read(enrolmentIds).values()) {
            if (read.enrolment.getStatus() == EnrolmentStatus.ACTIVE && read.check.met()) {
                Enrolment e = read.enrolment;
                em.refresh(e, LockModeType.PESSIMISTIC_WRITE); // two changes completing it at once: one completes
                if (e.getStatus() == EnrolmentStatus.ACTIVE) {
                    complete(e, read.check);
                    completed.add(e.getId());
                }
            }
        }
        return completed;
    }

    /** After a register was marked: a better attendance rate may complete these enrolments. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onAttendanceMarked(@Observes AttendanceMarked marked) {
        evaluate(marked.enrolmentIds());
    }

    /** After a person completed a lesson of a course: evaluates their active enrolments on that course. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onLessonCompleted(@Observes LessonCompleted lesson) {
        List<Long> ids = em.createQuery("select e.id from Enrolment e where e.person.id = :personId "
                + "and e.cohort.course.code = :code and e.status = :active", Long.class)
                .setParameter("personId", lesson.personId()).setParameter("code", lesson.courseCode())
                .setParameter("active", EnrolmentStatus.ACTIVE).getResultList();
        if (!ids.isEmpty()) {
            evaluate(ids);
        }
    }

    private void complete(Enrolment e, Check check) {
        String actor = caller == null ? null : caller.getName();
        String reason = "Completion rules met: " + check.summary() + ".";
        completion.complete(e, reason, actor, reason);
    }

    private record Read(Enrolment enrolment, Check check) {
    }

    private Map<Long, Read> read(Collection<Long> enrolmentIds) {
        Map<Long, Read> reads = new LinkedHashMap<>();
        if (enrolmentIds.isEmpty()) {
            return reads;
        }
        List<Long> ids = List.copyOf(new HashSet<>(enrolmentIds));
        List<Enrolment> enrolments = em.createQuery("select e from Enrolment e join fetch e.person join fetch e.cohort c "
                + "join fetch c.course where e.id in :ids", Enrolment.class).setParameter("ids", ids).getResultList();
        if (enrolments.isEmpty()) {
            return reads;
        }
        Set<Long> courseIds = new HashSet<>();
        Set<Long> personIds = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (Enrolment e : enrolments) {
            courseIds.add(e.getCohort().getCourse().getId());
            personIds.add(e.getPerson().getId());
            codes.add(e.getCohort().getCourse().getCode());
        }
        Map<Long, int[]> attendance = Attendance.counts(em, ids);

        Map<Long, Set<String>> sessionsByCourse = new HashMap<>();
        for (Object[] row : em.createQuery("select s.course.id, s.slug from CourseSession s where s.course.id in :courseIds",
                Object[].class).setParameter("courseIds", List.copyOf(courseIds)).getResultList()) {
            sessionsByCourse.computeIfAbsent((Long) row[0], id -> new HashSet<>()).add((String) row[1]);
        }
        Map<String, Set<String>> doneByPersonAndCourse = new HashMap<>();
        for (Object[] row : em.createQuery("select p.personId, p.courseCode, p.sessionSlug from LessonProgress p "
                + "where p.personId in :personIds and p.courseCode in :codes", Object[].class)
                .setParameter("personIds", List.copyOf(personIds)).setParameter("codes", List.copyOf(codes)).getResultList()) {
            doneByPersonAndCourse.computeIfAbsent(row[0] + "/" + row[1], k -> new HashSet<>()).add((String) row[2]);
        }
        Map<Long, List<Long>> tasksByCourse = new HashMap<>();
        for (Object[] row : em.createQuery("select t.course.id, t.id from AssessmentTask t where t.course.id in :courseIds",
                Object[].class).setParameter("courseIds", List.copyOf(courseIds)).getResultList()) {
            tasksByCourse.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add((Long) row[1]);
        }
        Set<Long> sampled = new HashSet<>(em.createQuery("select v.submission.id from VerificationSample v "
                + "where v.submission.enrolment.id in :ids", Long.class).setParameter("ids", ids).getResultList());
        // the latest attempt of each task on each enrolment decides whether the task is complete
        Map<String, Object[]> latest = new HashMap<>();
        for (Object[] row : em.createQuery("select s.enrolment.id, s.task.id, s.attempt, s.status, s.id from Submission s "
                + "where s.enrolment.id in :ids", Object[].class).setParameter("ids", ids).getResultList()) {
            latest.merge(row[0] + "/" + row[1], row, (a, b) -> ((Integer) a[2]) >= ((Integer) b[2]) ? a : b);
        }

        for (Enrolment e : enrolments) {
            long courseId = e.getCohort().getCourse().getId();
            AttendanceRate rate = Attendance.rate(e.getId(), e.getPerson().getDisplayName(), attendance.get(e.getId()),
                    e.getCohort().getAttendanceThreshold());
            Set<String> sessions = sessionsByCourse.getOrDefault(courseId, Set.of());
            Set<String> done = doneByPersonAndCourse.getOrDefault(e.getPerson().getId() + "/"
                    + e.getCohort().getCourse().getCode(), Set.of());
            int lessonsDone = (int) sessions.stream().filter(done::contains).count();
            List<Long> tasks = tasksByCourse.getOrDefault(courseId, List.of());
            int tasksComplete = 0;
            for (Long task : tasks) {
                Object[] submission = latest.get(e.getId() + "/" + task);
                if (submission != null && complete((SubmissionStatus) submission[3], sampled.contains((Long) submission[4]))) {
                    tasksComplete++;
                }
            }
            reads.put(e.getId(), new Read(e, new Check(e.getId(), e.getStatus(), rate.percent(),
                    e.getCohort().getAttendanceThreshold(), lessonsDone, sessions.size(), tasksComplete, tasks.size())));
        }
        return reads;
    }

    /** A task's latest attempt is complete when signed off and, if it was sampled, confirmed by the verifier. */
    static boolean complete(SubmissionStatus status, boolean sampled) {
        return status == SubmissionStatus.VERIFIED || (status == SubmissionStatus.SIGNED_OFF && !sampled);
    }
}
