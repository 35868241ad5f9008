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
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peersupport.portal.candidate.control.StaffDirectory;
import org.peersupport.portal.demo.DemoAccount;
import org.peersupport.portal.governance.boundary.Erasure;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.support.AsGovernance;
import org.peersupport.portal.support.AsHr;
import org.peersupport.portal.support.Deployments;
import org.peersupport.portal.support.RunAsDeployment;
import org.peersupport.portal.support.RunAsDescriptors;
import org.peersupport.portal.support.Sql;

/**
 * Issue 16, erasure: two people with similar records in every feature, the first of whom also acted on the second's
 * records (her supervisor's note, her witness, her attendance). The governance role sees what stops an erasure and
 * what stays; once nothing stops it, erasing the first leaves none of her name, username, email or words in any
 * text column of any table, and the second's records exactly as they were; the erasure is audited without updating
 * an audit row. Everything is seeded and erased in a transaction each test rolls back.
 */
@ExtendWith(ArquillianExtension.class)
class ErasureIT {

    /** The seeded markers of words a person wrote or that were written about them. */
    private static final List<String> WORDS = List.of("withdrawn-reason", "status-reason", "request-message",
            "allocation-reason", "conflict-note", "confidential-note", "notice-title", "notice-text", "evidence-title",
            "recovery-story", "file-title", "upload.txt", "submitted-title", "submitted-story", "decision-feedback",
            "judgement-feedback", "safeguarding-concern", "outcome");

    private static final AtomicLong IDS = new AtomicLong(9_800_000_000L + (System.nanoTime() & 0xFFFFFF) * 100);

    @Deployment
    static WebArchive deployment() {
        return RunAsDeployment.enable(Deployments.portalWith(ErasureIT.class, PersonalDataSeed.class,
                PersonalDataSeed.Seeded.class, Joining.class, Joining.AsGovernanceJoining.class,
                Joining.AsCandidateJoining.class, Sql.class, DemoAccount.class),
                new RunAsDescriptors.Caller("AsGovernanceJoining", "governance", AsGovernance.ACCOUNT.username()),
                new RunAsDescriptors.Caller("AsCandidateJoining", "candidate", DemoAccount.AMARA.username()));
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Sql sql;

    @Inject
    PersonalDataSeed seed;

    @Inject
    StaffDirectory staff;

    @Inject
    Erasure erasure;

    @Inject
    Joining.AsGovernanceJoining asGovernance;

    @Inject
    AsHr asHr;

    private record Someone(long id, String username, String name, String email, PersonalDataSeed.Seeded seeded) {
    }

    @Test
    void erasingAPersonLeavesNoneOfTheirNameOrWordsAnywhereAndTheOtherPersonUntouched() throws Exception {
        UserTransaction tx = InitialContext.doLookup("java:comp/UserTransaction");
        tx.begin();
        try {
            String run = UUID.randomUUID().toString().substring(0, 8);
            long grace = staff.byUsername(DemoAccount.GRACE.username()).getId();
            long helen = staff.byUsername(DemoAccount.HELEN.username()).getId();
            staff.byUsername(AsGovernance.ACCOUNT.username());
            long cohort = seed.cohort("ERA-" + run);
            Someone erin = person(cohort, grace, helen, "erin" + run, "Erin Quartermaine" + run, "T1" + run);
            Someone owen = person(cohort, grace, helen, "owen" + run, "Owen Brightwater" + run, "T2" + run);
            actsOnTheOthersRecords(erin, owen);
            em.flush();

            // first, what stops it: her place is in progress and a concern about her is open
            Erasure.Plan plan = asGovernance.call(() -> erasure.plan(erin.id()));
            assertEquals(List.of("governance.erase.blocked.concern", "governance.erase.blocked.place"), plan.blockers());
            assertFalse(plan.possible());
            assertTrue(plan.held().stream().anyMatch(c -> c.key().equals("evidence") && c.records() == 2),
                    "what the portal holds about her, per class: " + plan.held());
            endPlace(erin);
            endPlace(owen);

            Map<String, Long> owenBefore = occurrences(needles(owen));
            assertTrue(owenBefore.values().stream().allMatch(n -> n > 0), "Owen's records are all there: " + owenBefore);
            assertTrue(occurrences(needles(erin)).values().stream().anyMatch(n -> n > 0), "and Erin's");
            long auditBefore = sql.count("select count(*) from audit_entry");
            String auditRowsBefore = auditOf(erin.id());

            assertTrue(asGovernance.call(() -> erasure.plan(erin.id())).possible());
            int rows = asGovernance.call(() -> erasure.erase(erin.id()));
            em.flush();
            assertTrue(rows > 20, "the erasure changed or deleted her records: " + rows);

            List<String> found = scan(needles(erin));
            assertEquals(List.of(), found, "nothing of Erin's name, username, email or words is left anywhere");
            assertEquals(owenBefore, occurrences(needles(owen)), "Owen's records are untouched");

            // what stays: the facts of her training record, keyed to her, and the audit trail by key
            assertEquals(1, sql.count("select count(*) from enrolment where id = ? and status = 'COMPLETED'",
                    erin.seeded().enrolmentId()));
            assertEquals(1, sql.count("select count(*) from certificate where enrolment_id = ? "
                    + "and holder_name = 'Erased person'", erin.seeded().enrolmentId()), "the certificate stays, unnamed");
            assertEquals(1, sql.count("select count(*) from assessment_decision d join submission s "
                    + "on s.id = d.submission_id where s.enrolment_id = ? and d.kind = 'REFER_BACK'",
                    erin.seeded().enrolmentId()), "decisions stay as facts");
            assertEquals(1, sql.count("select count(*) from person where id = ? and erased_at is not null "
                    + "and username = ? and display_name = 'Erased person' and email is null and directory_id is null",
                    erin.id(), "erased-" + erin.id()));
            assertEquals(auditRowsBefore, auditOf(erin.id()), "no audit row about her changed");
            assertEquals(auditBefore + 1, sql.count("select count(*) from audit_entry"), "one entry was added");
            assertEquals(1, sql.count("select count(*) from audit_entry where action = 'PERSON_ERASED' "
                    + "and subject_person_id = ? and actor_id = (select id from person where username = ?)", erin.id(),
                    AsGovernance.ACCOUNT.username()), "the erasure is audited, by the officer, about her key");
            assertTrue(asGovernance.call(() -> erasure.plan(erin.id())).erased());

            // an erased person cannot be erased twice (the last call: a refusal marks the transaction for rollback)
            BusinessException twice = assertThrows(BusinessException.class,
                    () -> asGovernance.call(() -> erasure.erase(erin.id())));
            assertEquals("governance.erase.already", twice.key());
        } finally {
            tx.rollback();
        }
    }

    @Test
    void aLegalHoldStopsAnErasureAndOnlyTheGovernanceRoleErases() throws Exception {
        UserTransaction tx = InitialContext.doLookup("java:comp/UserTransaction");
        tx.begin();
        try {
            String run = UUID.randomUUID().toString().substring(0, 8);
            long grace = staff.byUsername(DemoAccount.GRACE.username()).getId();
            long helen = staff.byUsername(DemoAccount.HELEN.username()).getId();
            staff.byUsername(AsGovernance.ACCOUNT.username());
            long cohort = seed.cohort("ERH-" + run);
            Someone erin = person(cohort, grace, helen, "erin" + run, "Erin Holdfast" + run, "T3" + run);
            endPlace(erin);
            sql.update("insert into retention_hold (id, person_id, reason, placed_by_id, placed_at) values "
                    + "(?, ?, 'A claim', ?, now())", IDS.incrementAndGet(), erin.id(), helen);
            assertEquals(List.of("governance.erase.blocked.hold"), asGovernance.call(() -> erasure.plan(erin.id()))
                    .blockers());
            assertThrows(EJBAccessException.class, () -> asHr.call(() -> erasure.plan(erin.id())));
            BusinessException held = assertThrows(BusinessException.class,
                    () -> asGovernance.call(() -> erasure.erase(erin.id())));
            assertEquals("governance.erase.blocked", held.key());
        } finally {
            tx.rollback();
        }
    }

    private Someone person(long cohort, long supervisor, long verifier, String username, String name, String tag)
            throws Exception {
        long id = IDS.incrementAndGet();
        String email = username + "@northshire.example";
        sql.update("insert into person (id, directory_id, username, display_name, email, job_title, department, "
                + "organisation, line_manager, created_at, updated_at) values (?, ?, ?, ?, ?, 'Peer Support Worker', "
                + "'Recovery College', 'Northshire', ?, now(), now())", id, "dir-" + username, username, name, email,
                "manager-of-" + username);
        return new Someone(id, username, name, email, seed.seed(id, username, cohort, supervisor, verifier, tag));
    }

    /** Erin supervises, witnesses and marks on Owen's place, as a colleague would. */
    private void actsOnTheOthersRecords(Someone erin, Someone owen) throws Exception {
        long place = owen.seeded().enrolmentId();
        Timestamp now = Timestamp.from(Instant.now());
        sql.update("insert into confidential_note (id, enrolment_id, author, written_at, text) values (?, ?, ?, ?, ?)",
                IDS.incrementAndGet(), place, erin.username(), now, owen.seeded().tag() + "-confidential-note-by-erin");
        sql.update("insert into evidence_item (id, enrolment_id, kind, title, witness_name, witness_role, "
                + "witness_relationship, witness_statement, witness_person_id, witness_status, created_by, created_at, "
                + "updated_at) values (?, ?, 'WITNESS', ?, ?, 'Colleague', 'Worked together', ?, ?, 'CONFIRMED', ?, ?, ?)",
                IDS.incrementAndGet(), place, owen.seeded().tag() + "-evidence-title-witnessed", erin.name(),
                owen.seeded().tag() + "-recovery-story-witnessed", erin.id(), owen.username(), now, now);
        sql.update("update attendance_mark set marked_by = ? where enrolment_id = ?", erin.username(), place);
        sql.update("update supervisor_allocation set allocated_by = ? where enrolment_id = ?", erin.username(), place);
    }

    private void endPlace(Someone someone) throws Exception {
        sql.update("update enrolment set status = 'COMPLETED', status_changed_at = now(), completed_at = now() "
                + "where id = ?", someone.seeded().enrolmentId());
        sql.update("update safeguarding_concern set closed_at = now(), closed_by_id = raised_by_id, outcome = ? "
                + "where enrolment_id = ?", someone.seeded().tag() + "-outcome", someone.seeded().enrolmentId());
    }

    private static List<String> needles(Someone someone) {
        List<String> needles = new ArrayList<>(List.of(someone.username(), someone.name(), someone.email()));
        WORDS.forEach(w -> needles.add(someone.seeded().tag() + "-" + w));
        return needles;
    }

    /** Every text column of every table of the schema. */
    private List<String[]> textColumns() throws Exception {
        return sql.rows("select c.table_name, c.column_name from information_schema.columns c "
                + "join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name "
                + "where c.table_schema = current_schema() and t.table_type = 'BASE TABLE' "
                + "and c.data_type in ('text', 'character varying') and c.table_name <> 'flyway_schema_history' "
                + "order by 1, 2").stream()
                .map(r -> new String[] {(String) r.get("table_name"), (String) r.get("column_name")}).toList();
    }

    /** Where any needle occurs: "table.column: value". */
    private List<String> scan(List<String> needles) throws Exception {
        List<String> found = new ArrayList<>();
        for (String[] column : textColumns()) {
            for (Map<String, Object> row : sql.rows("select \"" + column[1] + "\" as v from \"" + column[0] + "\" where "
                    + String.join(" or ", needles.stream().map(n -> "position(lower(?) in lower(\"" + column[1]
                    + "\")) > 0").toList()), needles.toArray())) {
                found.add(column[0] + "." + column[1] + ": " + row.get("v"));
            }
        }
        return found;
    }

    /** How many rows of each column hold each needle, for the columns that hold any. */
    private Map<String, Long> occurrences(List<String> needles) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String needle : needles) {
            long n = 0;
            for (String[] column : textColumns()) {
                n += sql.count("select count(*) from \"" + column[0] + "\" where position(lower(?) in lower(\""
                        + column[1] + "\")) > 0", needle);
            }
            counts.put(needle.toLowerCase(Locale.ROOT), n);
        }
        return counts;
    }

    private String auditOf(long personId) throws Exception {
        return sql.rows("select id, occurred_at, actor, action, subject_type, subject_id, detail, actor_id, "
                + "subject_person_id from audit_entry where (actor_id = ? or subject_person_id = ?) "
                + "and action <> 'PERSON_ERASED' order by id",
                personId, personId).toString();
    }
}
