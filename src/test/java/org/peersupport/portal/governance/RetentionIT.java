package org.peersupport.portal.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peersupport.portal.candidate.control.StaffDirectory;
import org.peersupport.portal.demo.DemoAccount;
import org.peersupport.portal.governance.boundary.Retention;
import org.peersupport.portal.governance.boundary.RetentionJob;
import org.peersupport.portal.governance.control.RetentionWork;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.platform.control.UkTime;
import org.peersupport.portal.support.AsGovernance;
import org.peersupport.portal.support.AsHr;
import org.peersupport.portal.support.Deployments;
import org.peersupport.portal.support.RunAsDeployment;
import org.peersupport.portal.support.RunAsDescriptors;
import org.peersupport.portal.support.Sql;

/**
 * Issue 16, retention: with a fixed day, the purge removes exactly what the schedule makes due (the words and files
 * of evidence, submissions and feedback, notes, closed concerns, attendance, reasons, decided requests, old notices,
 * sign-ins and audit entries) and keeps the training record and certificate; a legal hold keeps what it covers; the
 * governance role previews the next 30 days; the day's run happens once however many callers race for it. Inside
 * Payara Micro on PostgreSQL; the seeded records and everything the purge does are rolled back.
 */
@ExtendWith(ArquillianExtension.class)
class RetentionIT {

    @Deployment
    static WebArchive deployment() {
        return RunAsDeployment.enable(Deployments.portalWith(RetentionIT.class, PersonalDataSeed.class,
                PersonalDataSeed.Seeded.class, Joining.class, Joining.AsGovernanceJoining.class,
                Joining.AsCandidateJoining.class, Sql.class, DemoAccount.class),
                new RunAsDescriptors.Caller("AsGovernanceJoining", "governance", AsGovernance.ACCOUNT.username()),
                new RunAsDescriptors.Caller("AsCandidateJoining", "candidate", DemoAccount.AMARA.username()));
    }

    /** The day the purge runs for, and the people and places it meets. */
    private static final LocalDate DAY = LocalDate.now(UkTime.ZONE);
    /** Ids of audit entries the test writes (rolled back), far above the sequence's. */
    private static final AtomicLong AUDIT_IDS = new AtomicLong(9_500_000_000L + (System.nanoTime() & 0xFFFFFF) * 100);

    @PersistenceContext
    EntityManager em;

    @Inject
    Sql sql;

    @Inject
    PersonalDataSeed seed;

    @Inject
    StaffDirectory staff;

    @Inject
    RetentionWork work;

    @Inject
    Retention retention;

    @Inject
    RetentionJob job;

    @Inject
    Joining.AsGovernanceJoining asGovernance;

    @Inject
    AsGovernance asGovernanceAlone;

    @Inject
    AsHr asHr;

    private record Places(PersonalDataSeed.Seeded due, PersonalDataSeed.Seeded recent, PersonalDataSeed.Seeded held,
            long dueSignIn, long dueAudit, long recentSignIn) {
    }

    @Test
    void thePurgeRemovesWhatIsDueKeepsTheTrainingRecordAndHonoursALegalHold() throws Exception {
        UserTransaction tx = InitialContext.doLookup("java:comp/UserTransaction");
        tx.begin();
        try {
            Places p = seedThreePlaces();
            Map<String, Integer> purged = work.purge(DAY, Instant.now());
            em.flush();

            long due = p.due().enrolmentId();
            assertEquals(0, count("select count(*) from evidence_item where enrolment_id = ?", due), "evidence goes");
            assertEquals(0, count("select count(*) from stored_file where id = ?", p.due().fileId()), "with its file");
            assertEquals(0, count("select count(*) from stored_file_chunk where file_id = ?", p.due().fileId()));
            assertEquals(1, count("select count(*) from submission_item si join submission s on s.id = si.submission_id "
                    + "where s.enrolment_id = ? and si.body_html is null and si.title = '' and si.purged_at is not null",
                    due), "a submitted item loses its words but keeps its place");
            assertEquals(1, count("select count(*) from submission_item_requirement r join submission_item si "
                    + "on si.id = r.submission_item_id join submission s on s.id = si.submission_id "
                    + "where s.enrolment_id = ?", due), "and which requirement it covered");
            assertEquals(1, count("select count(*) from assessment_decision d join submission s on s.id = d.submission_id "
                    + "where s.enrolment_id = ? and d.kind = 'REFER_BACK' and d.feedback is null "
                    + "and d.purged_at is not null", due), "a decision stays without its feedback");
            assertEquals(0, count("select count(*) from assessment_judgement j join assessment_decision d "
                    + "on d.id = j.decision_id join submission s on s.id = d.submission_id "
                    + "where s.enrolment_id = ? and j.feedback is not null", due));
            assertEquals(0, count("select count(*) from confidential_note where enrolment_id = ?", due));
            assertEquals(0, count("select count(*) from attendance_mark where enrolment_id = ?", due));
            assertEquals(0, count("select count(*) from safeguarding_concern where enrolment_id = ?", due));
            assertEquals(0, count("select count(*) from enrolment_status_change where enrolment_id = ? "
                    + "and reason is not null", due));
            assertEquals(0, count("select count(*) from enrolment where id = ? and withdrawn_reason is not null", due));
            assertEquals(0, count("select count(*) from place_request where person_id = ? and decided_at is not null",
                    p.due().personId()));
            assertEquals(0, count("select count(*) from notice where recipient_id = ? and title like ?",
                    p.due().personId(), p.due().tag() + "%"), "a notice older than a year goes");
            assertEquals(0, count("select count(*) from audit_entry where id in (?, ?)", p.dueSignIn(), p.dueAudit()),
                    "an old sign-in and an old audit entry go");

            // what HR and the certificate need stays
            assertEquals(1, count("select count(*) from enrolment where id = ? and status = 'COMPLETED'", due));
            assertEquals(1, count("select count(*) from certificate where enrolment_id = ? and holder_name = "
                    + "'Amara Okafor'", due), "the certificate stays");
            assertEquals(1, count("select count(*) from enrolment_status_change where enrolment_id = ?", due),
                    "the history of the place stays");
            assertEquals(1, count("select count(*) from requirement_judgement where enrolment_id = ?", due),
                    "which requirements were met stays");
            assertEquals(1, count("select count(*) from submission where enrolment_id = ?", due));

            // the one that ended five years ago, and the held one, keep everything
            for (PersonalDataSeed.Seeded kept : List.of(p.recent(), p.held())) {
                long e = kept.enrolmentId();
                assertEquals(2, count("select count(*) from evidence_item where enrolment_id = ?", e), kept.tag());
                assertEquals(1, count("select count(*) from stored_file where id = ?", kept.fileId()));
                assertEquals(1, count("select count(*) from submission_item si join submission s on s.id = si.submission_id "
                        + "where s.enrolment_id = ? and si.body_html like ? and si.purged_at is null", e,
                        "%" + kept.tag() + "-submitted-story%"));
                assertEquals(1, count("select count(*) from assessment_decision d join submission s on s.id = d.submission_id "
                        + "where s.enrolment_id = ? and d.feedback = ?", e, kept.tag() + "-decision-feedback"));
                assertEquals(1, count("select count(*) from confidential_note where enrolment_id = ?", e));
                assertEquals(1, count("select count(*) from safeguarding_concern where enrolment_id = ?", e));
                assertEquals(1, count("select count(*) from attendance_mark where enrolment_id = ?", e));
                assertEquals(1, count("select count(*) from enrolment_status_change where enrolment_id = ? "
                        + "and reason = ?", e, kept.tag() + "-status-reason"));
            }
            assertEquals(1, count("select count(*) from audit_entry where id = ?", p.recentSignIn()),
                    "a sign-in of a year ago stays");
            assertEquals(1, count("select count(*) from notice where recipient_id = ? and title like ?",
                    p.held().personId(), p.held().tag() + "%"), "a recent notice stays");

            // each class purged says how many, under which rule
            for (String key : List.of("evidence", "submissions", "feedback", "safeguardingConcerns",
                    "confidentialNotes", "attendance", "statusReasons", "placeRequests", "notices", "signIns",
                    "auditEntries")) {
                assertTrue(purged.getOrDefault(key, 0) >= 1, key + " purged: " + purged);
                assertEquals(purged.get(key).longValue(), count("select records from retention_purge "
                        + "where run_date = ? and record_class = ?", Date.valueOf(DAY), key), key + " recorded");
            }
            assertEquals("P6Y", sql.rows("select rule from retention_purge where run_date = ? and record_class = "
                    + "'evidence'", Date.valueOf(DAY)).get(0).get("rule"));

            // run again: nothing more is due
            assertEquals(Map.of(), work.purge(DAY, Instant.now()).entrySet().stream()
                    .filter(e -> List.of("evidence", "submissions", "feedback").contains(e.getKey()))
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        } finally {
            tx.rollback();
        }
    }

    @Test
    void theGovernanceRoleSeesWhatFallsDueInThirtyDaysAndWhatAHoldKeeps() throws Exception {
        UserTransaction tx = InitialContext.doLookup("java:comp/UserTransaction");
        tx.begin();
        try {
            Places p = seedThreePlaces();
            List<Retention.DueClass> due = asGovernance.call(() -> retention.preview());
            Retention.DueClass evidence = due.stream().filter(d -> d.key().equals("evidence")).findFirst().orElseThrow();
            Retention.DueLine amara = evidence.lines().stream()
                    .filter(l -> Long.valueOf(p.due().enrolmentId()).equals(l.enrolmentId())).findFirst()
                    .orElseThrow(() -> new AssertionError("Amara's place is due: " + evidence));
            assertEquals("Amara Okafor", amara.personName());
            assertEquals(2, amara.records());
            assertFalse(amara.held());
            assertTrue(amara.cohortName().startsWith("RET-"), amara.cohortName());
            Retention.DueLine held = evidence.lines().stream()
                    .filter(l -> Long.valueOf(p.held().enrolmentId()).equals(l.enrolmentId())).findFirst()
                    .orElseThrow(() -> new AssertionError("the held place is listed as held: " + evidence));
            assertTrue(held.held());
            assertTrue(evidence.lines().stream().noneMatch(l -> Long.valueOf(p.recent().enrolmentId())
                    .equals(l.enrolmentId())), "a place that ended five years ago is not due in 30 days");

            // a place that falls due in ten days is shown with its day
            LocalDate soon = DAY.plusDays(10);
            sql.update("update enrolment set status_changed_at = ? where id = ?",
                    Timestamp.from(soon.minusYears(6).atTime(12, 0).atZone(UkTime.ZONE).toInstant()),
                    p.recent().enrolmentId());
            Retention.DueLine dylan = asGovernance.call(() -> retention.preview()).stream()
                    .filter(d -> d.key().equals("evidence")).flatMap(d -> d.lines().stream())
                    .filter(l -> Long.valueOf(p.recent().enrolmentId()).equals(l.enrolmentId())).findFirst()
                    .orElseThrow(() -> new AssertionError("due in ten days"));
            assertEquals(soon, dylan.dueOn());

            List<Retention.HoldLine> holds = asGovernance.call(() -> retention.holds());
            Retention.HoldLine hold = holds.stream().filter(h -> Long.valueOf(p.held().enrolmentId())
                    .equals(h.enrolmentId())).findFirst().orElseThrow();
            assertEquals("An employment tribunal claim", hold.reason());
            assertEquals(1, count("select count(*) from audit_entry where action = 'RETENTION_HOLD_PLACED' "
                    + "and subject_id = ? and subject_person_id = ?", String.valueOf(hold.id()), p.held().personId()),
                    "placing the hold is audited, about the person, without the reason");
            assertEquals(0, count("select count(*) from audit_entry where action = 'RETENTION_HOLD_PLACED' "
                    + "and detail like '%tribunal%'"));

            asGovernance.call(() -> {
                retention.releaseHold(hold.id(), hold.version());
                return null;
            });
            em.flush();
            assertEquals(1, count("select count(*) from audit_entry where action = 'RETENTION_HOLD_RELEASED' "
                    + "and subject_id = ?", String.valueOf(hold.id())));
            Map<String, Integer> purged = work.purge(DAY, Instant.now());
            assertEquals(0, count("select count(*) from evidence_item where enrolment_id = ?", p.held().enrolmentId()),
                    "once released, the schedule applies: " + purged);

            BusinessException noReason = assertThrows(BusinessException.class, () -> asGovernance.call(() ->
                    retention.placeHold(p.due().personId(), null, "  ")));
            assertEquals("governance.hold.reason.required", noReason.key());
        } finally {
            tx.rollback();
        }
    }

    @Test
    void theDaysPurgeRunsOnceWhenCallersRaceAndOnlyTheGovernanceRoleRunsOrHolds() throws Exception {
        LocalDate day = LocalDate.of(2001, 1, 1 + (int) (System.nanoTime() % 28));
        sql.update("delete from job_run where job = ? and run_date = ?", RetentionJob.JOB, Date.valueOf(day));
        ManagedExecutorService executor = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<RetentionJob.PurgeRun>> runs = List.of(1, 2).stream().map(i -> executor.submit(() -> {
                start.await();
                return asGovernanceAlone.call(() -> job.run(day));
            })).toList();
            start.countDown();
            long ran = 0;
            for (Future<RetentionJob.PurgeRun> r : runs) {
                ran += r.get().ran() ? 1 : 0;
            }
            assertEquals(1, ran, "exactly one of two racing callers runs the day");
            assertEquals(1, count("select count(*) from job_run where job = ? and run_date = ? "
                    + "and finished_at is not null", RetentionJob.JOB, Date.valueOf(day)));
            assertFalse(asGovernanceAlone.call(() -> job.run(day)).ran(), "and a third call later does not");
        } finally {
            sql.update("delete from job_run where job = ? and run_date = ?", RetentionJob.JOB, Date.valueOf(day));
        }
        assertThrows(EJBAccessException.class, () -> asHr.call(() -> job.run(day)));
        assertThrows(EJBAccessException.class, () -> asHr.call(() -> retention.preview()));
        assertThrows(EJBAccessException.class, () -> asHr.call(() -> retention.placeHold(1L, null, "x")));
    }

    /**
     * Amara's place ended seven years before the day (due), Dylan's five (not due), Priya's seven but is held; each
     * with one record of every kind, their concerns closed and their requests decided when the place ended.
     */
    private Places seedThreePlaces() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long amara = staff.byUsername(DemoAccount.AMARA.username()).getId();
        long dylan = staff.byUsername(DemoAccount.DYLAN.username()).getId();
        long priya = staff.byUsername(DemoAccount.PRIYA.username()).getId();
        long grace = staff.byUsername(DemoAccount.GRACE.username()).getId();
        long helen = staff.byUsername(DemoAccount.HELEN.username()).getId();
        staff.byUsername(AsGovernance.ACCOUNT.username());
        long cohort = seed.cohort("RET-" + run);
        PersonalDataSeed.Seeded due = seed.seed(amara, DemoAccount.AMARA.username(), cohort, grace, helen, "AMARA" + run);
        PersonalDataSeed.Seeded recent = seed.seed(dylan, DemoAccount.DYLAN.username(), cohort, grace, helen,
                "DYLAN" + run);
        PersonalDataSeed.Seeded held = seed.seed(priya, DemoAccount.PRIYA.username(), cohort, grace, helen,
                "PRIYA" + run);
        end(due, DAY.minusYears(7), DAY.minusYears(2));
        end(recent, DAY.minusYears(5), DAY.minusMonths(6));
        end(held, DAY.minusYears(7), DAY.minusMonths(6));
        asGovernance.call(() -> retention.placeHold(priya, held.enrolmentId(), "An employment tribunal claim"));
        em.flush();
        long dueSignIn = audit(amara, "SIGN_IN", DAY.minusYears(3));
        long dueAudit = audit(amara, "EVIDENCE_READ", DAY.minusYears(7));
        long recentSignIn = audit(dylan, "SIGN_IN", DAY.minusYears(1));
        return new Places(due, recent, held, dueSignIn, dueAudit, recentSignIn);
    }

    private void end(PersonalDataSeed.Seeded place, LocalDate ended, LocalDate noticeSent) throws Exception {
        Timestamp at = Timestamp.from(ended.atTime(12, 0).atZone(UkTime.ZONE).toInstant());
        sql.update("update enrolment set status = 'COMPLETED', status_changed_at = ?, completed_at = ? where id = ?", at,
                at, place.enrolmentId());
        sql.update("update safeguarding_concern set closed_at = ?, closed_by_id = raised_by_id, outcome = ? "
                + "where enrolment_id = ?", at, place.tag() + "-outcome", place.enrolmentId());
        sql.update("update place_request set status = 'APPROVED', decided_at = ?, decided_by = 'sana.iqbal' "
                + "where person_id = ? and message = ?", at, place.personId(), place.tag() + "-request-message");
        sql.update("update notice set created_at = ? where recipient_id = ? and title like ?",
                Timestamp.from(noticeSent.atTime(12, 0).atZone(UkTime.ZONE).toInstant()), place.personId(),
                place.tag() + "%");
    }

    private long audit(long personId, String action, LocalDate on) throws Exception {
        long id = AUDIT_IDS.incrementAndGet();
        sql.update("insert into audit_entry (id, occurred_at, action, actor_id, subject_person_id) values "
                + "(?, ?, ?, ?, ?)", id, Timestamp.from(on.atTime(9, 0).atZone(UkTime.ZONE).toInstant()), action,
                personId, personId);
        return id;
    }

    private long count(String query, Object... parameters) throws Exception {
        return sql.count(query, parameters);
    }
}
