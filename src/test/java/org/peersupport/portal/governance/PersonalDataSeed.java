package org.peersupport.portal.governance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import org.peersupport.portal.support.Sql;

/**
 * Gives a person one record of every kind the portal holds about people, each carrying a marker text of its own
 * ({@code <tag>-<what>}), straight into the tables, so an export or an erasure can be checked for each. Used inside a
 * transaction the test rolls back, so it leaves nothing behind.
 */
@ApplicationScoped
public class PersonalDataSeed {

    private static final AtomicLong NEXT = new AtomicLong(9_000_000_000L + (System.nanoTime() & 0xFFFFFF) * 1000);

    @Inject
    Sql sql;

    @PersistenceContext
    EntityManager em;

    /**
     * The seeds go in through plain SQL on the transaction's connection. EclipseLink reads through that connection
     * only once its unit of work has written in the transaction (before, it reads on a connection of its own, which
     * cannot see uncommitted seeds): a statement that changes nothing makes it join, so the boundaries the test calls
     * see the seeds whatever ran before.
     */
    private void readsSeeTheSeeds() {
        em.createNativeQuery("update job_run set node = node where false").executeUpdate();
    }

    /** What was seeded for one person. */
    public record Seeded(long personId, String tag, long enrolmentId, long fileId, byte[] fileBytes) {
    }

    /** A person the portal knows (as if they had signed in once), with this directory id; returns their id. */
    public long person(String directoryId, String username, String displayName, String email) throws SQLException {
        readsSeeTheSeeds();
        long id = id();
        sql.update("insert into person (id, directory_id, username, display_name, email, created_at, updated_at) "
                + "values (?, ?, ?, ?, ?, now(), now())", id, directoryId, username, displayName, email);
        return id;
    }

    /** A cohort of the first course there is, for the seeded places. */
    public long cohort(String tag) throws SQLException {
        readsSeeTheSeeds();
        long id = id();
        sql.update("insert into cohort (id, course_id, name, start_date, end_date, venue, capacity, created_at) "
                + "values (?, (select min(id) from course), ?, ?, ?, 'Room 1', 20, now())", id, tag + "-cohort",
                java.sql.Date.valueOf(LocalDate.now().minusDays(30)), java.sql.Date.valueOf(LocalDate.now().plusDays(60)));
        sql.update("insert into cohort_session (id, cohort_id, course_session_id, number, slug, starts_at) values "
                + "(?, ?, (select min(s.id) from course_session s where s.course_id = (select min(id) from course)), 1, "
                + "'seeded', now())", id + 1, id);
        return id;
    }

    /** One record of every kind for {@code personId}, about their place on {@code cohortId}. */
    public Seeded seed(long personId, String username, long cohortId, long supervisorId, long verifierId, String tag)
            throws SQLException {
        readsSeeTheSeeds();
        Timestamp now = Timestamp.from(Instant.now());
        long enrolment = id();
        sql.update("insert into enrolment (id, person_id, cohort_id, status, enrolled_at, status_changed_at, "
                + "expected_end_date, withdrawn_reason) values (?, ?, ?, 'ACTIVE', ?, ?, ?, ?)", enrolment, personId,
                cohortId, now, now, java.sql.Date.valueOf(LocalDate.now().plusDays(60)), tag + "-withdrawn-reason");
        sql.update("insert into enrolment_status_change (id, enrolment_id, from_status, to_status, reason, actor, "
                + "changed_at) values (?, ?, 'ENROLLED', 'ACTIVE', ?, 'sana.iqbal', ?)", id(), enrolment,
                tag + "-status-reason", now);
        sql.update("insert into place_request (id, person_id, cohort_id, message, status, requested_at) values "
                + "(?, ?, ?, ?, 'PENDING', ?)", id(), personId, cohortId, tag + "-request-message", now);
        sql.update("insert into agreement_acceptance (id, enrolment_id, course_id, agreement_sha256, accepted_at) "
                + "values (?, ?, (select course_id from cohort where id = ?), ?, ?)", id(), enrolment, cohortId,
                tag + "-agreement", now);
        sql.update("insert into attendance_mark (id, cohort_session_id, enrolment_id, mark, marked_by, marked_at) "
                + "values (?, ?, ?, 'PRESENT', 'sana.iqbal', ?)", id(), cohortId + 1, enrolment, now);
        sql.update("insert into supervisor_allocation (id, enrolment_id, supervisor_id, allocated_at, allocated_by, "
                + "reason) values (?, ?, ?, ?, 'sana.iqbal', ?)", id(), enrolment, supervisorId, now,
                tag + "-allocation-reason");
        sql.update("insert into conflict_of_interest (id, supervisor_id, other_id, declared_at, note) values "
                + "(?, ?, ?, ?, ?)", id(), supervisorId, personId, now, tag + "-conflict-note");
        sql.update("insert into supervisor_profile (id, person_id, caseload_cap) select ?, ?, 7 where not exists "
                + "(select 1 from supervisor_profile where person_id = ?)", id(), personId, personId);
        sql.update("insert into confidential_note (id, enrolment_id, author, written_at, text) values "
                + "(?, ?, (select username from person where id = ?), ?, ?)", id(), enrolment, supervisorId, now,
                tag + "-confidential-note");
        sql.update("insert into notice (id, recipient_id, kind, title, text, created_at) values "
                + "(?, ?, 'PLACE_APPROVED', ?, ?, ?)", id(), personId, tag + "-notice-title", tag + "-notice-text", now);
        sql.update("insert into lesson_progress (id, person_id, course_code, session_slug, completed_at) values "
                + "(?, ?, 'SEEDED', ?, ?)", id(), personId, tag + "-lesson", now);
        sql.update("insert into course_participation (id, person_id, course_code, course_id, started_at) values "
                + "(?, ?, ?, (select min(id) from course), ?)", id(), personId, tag.substring(0, Math.min(tag.length(), 40)),
                now);

        byte[] bytes = (tag + "-file-bytes").getBytes(StandardCharsets.UTF_8);
        long file = id();
        sql.update("insert into stored_file (id, media_type, size_bytes, sha256, created_at) values "
                + "(?, 'text/plain', ?, 'seeded', ?)", file, (long) bytes.length, now);
        sql.update("insert into stored_file_chunk (file_id, chunk_index, data) values (?, 0, ?)", file, bytes);
        long written = id();
        sql.update("insert into evidence_item (id, enrolment_id, kind, title, body_html, word_count, created_by, "
                + "created_at, updated_at) values (?, ?, 'WRITTEN', ?, ?, 3, ?, ?, ?)", written, enrolment,
                tag + "-evidence-title", "<p>" + tag + "-recovery-story</p>", username, now, now);
        sql.update("insert into evidence_item (id, enrolment_id, kind, title, stored_file_id, file_name, created_by, "
                + "created_at, updated_at) values (?, ?, 'FILE', ?, ?, ?, ?, ?, ?)", id(), enrolment,
                tag + "-file-title", file, tag + "-upload.txt", username, now, now);
        long requirement = ((Number) sql.rows("select min(r.id) as id from evidence_requirement r").get(0).get("id"))
                .longValue();
        sql.update("insert into evidence_item_requirement (evidence_item_id, requirement_id) values (?, ?)", written,
                requirement);
        long submission = id();
        sql.update("insert into submission (id, enrolment_id, task_id, attempt, status, token, declaration, "
                + "submitted_by, submitted_at, status_changed_at) values (?, ?, (select min(id) from assessment_task), 1, "
                + "'REFERRED_BACK', ?, ?, ?, ?, ?)", submission, enrolment, tag + "-token", tag + "-declaration",
                username, now, now);
        long submitted = id();
        sql.update("insert into submission_item (id, submission_id, position, source_item_id, kind, title, body_html, "
                + "assessor_only, item_updated_at) values (?, ?, 1, ?, 'WRITTEN', ?, ?, false, ?)", submitted, submission,
                written, tag + "-submitted-title", "<p>" + tag + "-submitted-story</p>", now);
        sql.update("insert into submission_item_requirement (submission_item_id, requirement_id) values (?, ?)",
                submitted, requirement);
        sql.update("insert into requirement_judgement (id, enrolment_id, requirement_id, submission_id, met, judged_by, "
                + "judged_at) values (?, ?, ?, ?, false, 'grace.mitchell', ?)", id(), enrolment, requirement, submission,
                now);
        sql.update("insert into verification_sample (id, submission_id, verifier_id, sampled_by, sampled_at) values "
                + "(?, ?, ?, 'helen.shaw', ?)", id(), submission, verifierId, now);
        long decision = id();
        sql.update("insert into assessment_decision (id, submission_id, position, kind, from_status, to_status, "
                + "decided_by_id, decided_by, decided_at, feedback) values (?, ?, 1, 'REFER_BACK', 'SUBMITTED', "
                + "'REFERRED_BACK', ?, 'grace.mitchell', ?, ?)", decision, submission, supervisorId, now,
                tag + "-decision-feedback");
        sql.update("insert into assessment_judgement (id, decision_id, requirement_id, met, feedback) values "
                + "(?, ?, ?, false, ?)", id(), decision, requirement, tag + "-judgement-feedback");
        sql.update("insert into sampling_pick (id, enrolment_id, verifier_id, picked_at) values (?, ?, ?, ?)", id(),
                enrolment, verifierId, now);
        sql.update("insert into safeguarding_concern (id, enrolment_id, submission_id, raised_by_id, raised_at, concern) "
                + "values (?, ?, ?, ?, ?, ?)", id(), enrolment, submission, supervisorId, now, tag + "-safeguarding-concern");
        String code = Long.toString(id(), 36).toUpperCase();
        sql.update("insert into certificate (id, enrolment_id, holder_name, course_title, completed_on, code, "
                + "code_sha256, issued_at) values (?, ?, (select display_name from person where id = ?), ?, ?, ?, ?, ?)",
                id(), enrolment, personId, tag + "-certificate-course", java.sql.Date.valueOf(LocalDate.now()), code,
                tag + "-" + code, now);
        sql.update("insert into audit_entry (id, occurred_at, actor, action, subject_type, subject_id, detail, actor_id, "
                + "subject_person_id) values (?, ?, null, 'EVIDENCE_READ', 'EvidenceItem', ?, "
                + "'read as supervisor', ?, ?)", id(), now, String.valueOf(written), supervisorId, personId);
        sql.update("insert into audit_entry (id, occurred_at, actor, action, subject_type, subject_id, detail, actor_id, "
                + "subject_person_id) values (?, ?, null, 'EVIDENCE_SAVED', 'EvidenceItem', ?, 'saved', ?, ?)", id(), now,
                String.valueOf(written), personId, personId);
        return new Seeded(personId, tag, enrolment, file, bytes);
    }

    private static long id() {
        return NEXT.incrementAndGet();
    }
}
