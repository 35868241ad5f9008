package org.peersupport.portal.identity;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchScope;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peersupport.portal.assessment.boundary.AssessmentProgress;
import org.peersupport.portal.assessment.boundary.Certificates;
import org.peersupport.portal.assessment.boundary.ReviewDecisions;
import org.peersupport.portal.assessment.boundary.Reviews;
import org.peersupport.portal.candidate.boundary.Allocations;
import org.peersupport.portal.candidate.boundary.CandidateRecords;
import org.peersupport.portal.candidate.boundary.ConfidentialNotes;
import org.peersupport.portal.candidate.boundary.Enrolments;
import org.peersupport.portal.candidate.boundary.OwnEnrolments;
import org.peersupport.portal.candidate.entity.EnrolmentStatus;
import org.peersupport.portal.demo.DemoAccount;
import org.peersupport.portal.notice.boundary.Notices;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.portfolio.boundary.EvidenceItems;
import org.peersupport.portal.portfolio.boundary.ItemEdit;
import org.peersupport.portal.portfolio.boundary.Portfolios;
import org.peersupport.portal.portfolio.boundary.Submissions;
import org.peersupport.portal.support.AsCandidate;
import org.peersupport.portal.support.AsCoordinator;
import org.peersupport.portal.support.AsSupervisor;
import org.peersupport.portal.support.DemoDirectory;
import org.peersupport.portal.support.Deployments;
import org.peersupport.portal.support.RunAsDeployment;
import org.peersupport.portal.support.RunAsDescriptors;
import org.peersupport.portal.support.Sql;
import org.peersupport.portal.support.TestCohorts;

/**
 * Issue 13, points 1 and 2, written as the attacks: a username the directory reuses for a new person, a supervisor who
 * declared a conflict of interest, and a supervisor whose candidate's enrolment ended long ago. Each tries to read what
 * is no longer theirs, through the boundaries as real roles inside Payara Micro, with a real directory (the in-memory
 * LDAP server of the tests) and PostgreSQL. Every refusal writes no audit entry of a read.
 */
@ExtendWith(ArquillianExtension.class)
class AccessFollowsThePersonIT {

    private static final String AMARA = AsCandidate.ACCOUNT.username();
    private static final String GRACE = AsSupervisor.ACCOUNT.username();
    private static final String REUSED = AsReusedUsername.USERNAME;
    private static final String CANDIDATES_GROUP = "cn=p2p-candidates,ou=groups," + DemoDirectory.BASE_DN;
    private static final String DECLARATION = "I declare that this work is my own.";

    @Deployment
    static WebArchive deployment() {
        // the reused username calls as a candidate too, as the demo accounts do
        return RunAsDeployment.enable(Deployments.portalWith(AccessFollowsThePersonIT.class, AsReusedUsername.class,
                TestCohorts.class, Sql.class, DemoAccount.class, DemoDirectory.class), new RunAsDescriptors.Caller(
                AsReusedUsername.class.getSimpleName(), "candidate", REUSED));
    }

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    TestCohorts testCohorts;

    @Inject
    Enrolments enrolments;

    @Inject
    Allocations allocations;

    @Inject
    Portfolios portfolios;

    @Inject
    EvidenceItems evidenceItems;

    @Inject
    Submissions submissions;

    @Inject
    Reviews reviews;

    @Inject
    ReviewDecisions reviewDecisions;

    @Inject
    AssessmentProgress progress;

    @Inject
    CandidateRecords records;

    @Inject
    OwnEnrolments ownEnrolments;

    @Inject
    ConfidentialNotes confidentialNotes;

    @Inject
    Certificates certificates;

    @Inject
    Notices notices;

    @Inject
    AsCoordinator asCoordinator;

    @Inject
    AsCandidate asCandidate;

    @Inject
    AsSupervisor asSupervisor;

    @Inject
    AsReusedUsername asReused;

    @Inject
    Sql sql;

    /** Grace's caseload cap before the test, put back afterwards. */
    private Integer graceCap;

    /** Enrolments this test made, withdrawn afterwards so that they leave the supervisors' caseloads as they were. */
    private final List<Long> enrolled = new ArrayList<>();

    @BeforeEach
    void graceHasRoom() throws Exception {
        List<java.util.Map<String, Object>> cap = sql.rows("select sp.caseload_cap from supervisor_profile sp "
                + "join person p on p.id = sp.person_id where p.username = ? and p.username_released_at is null", GRACE);
        graceCap = cap.isEmpty() ? null : ((Number) cap.get(0).get("caseload_cap")).intValue();
        asCoordinator.run(() -> allocations.setCaseloadCap(GRACE, 100));
    }

    @AfterEach
    void putThingsBack() throws Exception {
        for (long id : enrolled) {
            String status = (String) sql.rows("select status from enrolment where id = ?", id).get(0).get("status");
            if (EnrolmentStatus.valueOf(status).isCurrent()) {
                move(id, EnrolmentStatus.WITHDRAWN, "test finished");
            }
        }
        if (graceCap != null) {
            int cap = graceCap;
            asCoordinator.run(() -> allocations.setCaseloadCap(GRACE, cap));
        }
    }

    // ---------------------------------------------------------------- 1. identity by stable id

    @Test
    void issue13_aReusedUsernameIsANewPersonWhoSeesNothingOfTheEarlierOne() throws Exception {
        try (LDAPConnection directory = directoryAsService()) {
            String first = addPerson(directory, "Jo Smith");
            try {
                assertEquals(CredentialValidationResult.Status.VALID, signIn(REUSED).getStatus());
                long firstPerson = personHolding(REUSED);
                assertEquals(first, sql.rows("select directory_id from person where id = ?", firstPerson).get(0)
                        .get("directory_id"), "the person is the directory entry's stable id");

                // the first j.smith's records: a portfolio with a piece of evidence, a submission, a certificate, a notice
                long cohort = testCohorts.cohort(true);
                long enrolment = testCohorts.enrol(cohort, REUSED, EnrolmentStatus.ACTIVE);
                enrolled.add(enrolment);
                long item = asReused.call(() -> evidenceItems.createWritten(enrolment, "Jo's recovery story"));
                long task = task(enrolment, "ESSAY");
                asReused.call(() -> evidenceItems.save(item, edit("Jo's recovery story", "<p>What helped me</p>",
                        Set.of(requirement(enrolment, "RC.2.1"))), version(item)));
                long submission = asReused.call(() -> submissions.submit(enrolment, task, List.of(item), true, DECLARATION,
                        UUID.randomUUID().toString())).submissionId();
                long certificate = certificateFor(enrolment);
                long notice = noticeFor(firstPerson);
                assertEquals(1, asReused.call(() -> portfolios.myPortfolios()).size(), "the first j.smith sees their own");
                assertEquals(1, asReused.call(() -> certificates.mine()).size());
                assertEquals(1, asReused.call(() -> notices.mine(1)).total());

                // j.smith leaves; the directory gives the username to someone new, with a new entryUUID
                removePerson(directory);
                String second = addPerson(directory, "Jordan Smith");
                assertNotEquals(first, second, "the directory made a new entry, with a new stable id");
                assertEquals(CredentialValidationResult.Status.VALID, signIn(REUSED).getStatus());

                long secondPerson = personHolding(REUSED);
                assertNotEquals(firstPerson, secondPerson, "a new stable id is a new person");
                assertNotNull(sql.rows("select username_released_at from person where id = ?", firstPerson).get(0)
                        .get("username_released_at"), "the earlier person's username is released");
                assertEquals(1, sql.count("select count(*) from audit_entry where action = 'USERNAME_RELEASED' "
                        + "and subject_id = ?", String.valueOf(firstPerson)), "the release is audited");
                assertEquals(REUSED, sql.rows("select username from person where id = ?", firstPerson).get(0).get("username"),
                        "the earlier person keeps the username for reading history");

                // the new j.smith sees nothing of the first one's
                assertAll(
                        () -> assertTrue(asReused.call(() -> portfolios.myPortfolios()).isEmpty(), "no portfolio"),
                        () -> assertTrue(asReused.call(() -> ownEnrolments.myEnrolments()).isEmpty(), "no enrolment"),
                        () -> assertTrue(asReused.call(() -> progress.myWork()).isEmpty(), "no submitted work"),
                        () -> assertTrue(asReused.call(() -> certificates.mine()).isEmpty(), "no certificate"),
                        () -> assertEquals(0, asReused.call(() -> notices.mine(1)).total(), "no notice"),
                        () -> assertEquals(0, asReused.call(() -> notices.unreadCount())),
                        () -> assertRefused(() -> portfolios.portfolio(enrolment)),
                        () -> assertRefused(() -> portfolios.itemPage(item)),
                        () -> assertRefused(() -> submissions.submission(submission)),
                        () -> assertRefused(() -> progress.feedback(submission)),
                        () -> assertRefused(() -> records.record(enrolment)),
                        () -> assertRefused(() -> certificates.document(certificate)),
                        () -> assertRefused(() -> notices.markRead(notice)));

                // and the first j.smith's records are still theirs
                assertEquals(firstPerson, longOf("select person_id from enrolment where id = ?", enrolment));
                assertEquals(firstPerson, longOf("select e.person_id from certificate c join enrolment e "
                        + "on e.id = c.enrolment_id where c.id = ?", certificate));
                assertEquals(firstPerson, longOf("select recipient_id from notice where id = ?", notice));
                assertNull(sql.rows("select read_at from notice where id = ?", notice).get(0).get("read_at"),
                        "the new person could not even mark it read");
            } finally {
                removePerson(directory);
            }
        }
    }

    // ---------------------------------------------------------------- 2. reads follow the relationship

    @Test
    void issue13_aSupervisorWhoDeclaresAConflictCanNoLongerReadThePortfolioTheWorkOrTheNotes() throws Exception {
        Work w = amarasWork();
        // while allocated and not conflicted, Grace reads them all
        assertEquals(1, asSupervisor.call(() -> portfolios.supervisorPortfolio(w.enrolment())).items().size());
        assertEquals(1, asSupervisor.call(() -> records.record(w.enrolment())).notes().size());
        long conflict = asSupervisor.call(() -> allocations.declareConflict(AMARA, "We became close friends."));
        try {
            long reads = readsOf(w);
            assertAll(
                    () -> assertSupervisorRefused(() -> portfolios.supervisorPortfolio(w.enrolment())),
                    () -> assertSupervisorRefused(() -> portfolios.itemPage(w.item())),
                    () -> assertSupervisorRefused(() -> portfolios.matrix(w.enrolment())),
                    () -> assertSupervisorRefused(() -> submissions.submission(w.submission())),
                    () -> assertSupervisorRefused(() -> reviews.review(w.submission())),
                    () -> assertSupervisorRefused(() -> records.record(w.enrolment())),
                    () -> assertSupervisorRefused(() -> records.personRecord(w.enrolment())),
                    () -> assertSupervisorRefused(() -> confidentialNotes.addNote(w.enrolment(), "Still here?")));
            assertEquals(reads, readsOf(w), "no read was written to the audit trail: nothing was read");
        } finally {
            sql.update("delete from conflict_of_interest where id = ?", conflict);
        }
        assertEquals(1, asSupervisor.call(() -> portfolios.supervisorPortfolio(w.enrolment())).items().size(),
                "with the conflict gone, reads follow the allocation again");
    }

    @Test
    void issue13_aFormerSupervisorReadsOnlyForTheConfiguredPeriodAfterTheEnrolmentEnded() throws Exception {
        Work w = amarasWork();
        move(w.enrolment(), EnrolmentStatus.WITHDRAWN, "moved away");

        // within the period (90 days by default): read-only access, each read audited
        long before = readsOf(w);
        assertEquals(1, asSupervisor.call(() -> portfolios.supervisorPortfolio(w.enrolment())).items().size());
        assertEquals("<p>What recovery means to me</p>",
                asSupervisor.call(() -> submissions.submission(w.submission())).items().get(0).bodyHtml());
        assertEquals(1, asSupervisor.call(() -> records.record(w.enrolment())).notes().size());
        assertTrue(readsOf(w) > before, "the former supervisor's reads are audited");
        assertSupervisorRefused(() -> confidentialNotes.addNote(w.enrolment(), "A note after the end"));
        BusinessException noDecision = assertThrows(BusinessException.class, () -> asSupervisor.call(
                () -> reviewDecisions.referBack(w.submission(), List.of(), "Please add an example.", 0)));
        assertEquals("assessment.placeEnded", noDecision.key(), "read only: no new decision after the place ended");

        // the enrolment ended 91 days ago: the period is over
        Object ended = sql.rows("select status_changed_at from enrolment where id = ?", w.enrolment()).get(0)
                .get("status_changed_at");
        sql.update("update enrolment set status_changed_at = status_changed_at - interval '91 days' where id = ?",
                w.enrolment());
        try {
            long reads = readsOf(w);
            assertAll(
                    () -> assertSupervisorRefused(() -> portfolios.supervisorPortfolio(w.enrolment())),
                    () -> assertSupervisorRefused(() -> portfolios.itemPage(w.item())),
                    () -> assertSupervisorRefused(() -> submissions.submission(w.submission())),
                    () -> assertSupervisorRefused(() -> reviews.review(w.submission())),
                    () -> assertSupervisorRefused(() -> records.record(w.enrolment())),
                    () -> assertSupervisorRefused(() -> records.personRecord(w.enrolment())));
            assertEquals(reads, readsOf(w), "no read was written to the audit trail: nothing was read");
            assertEquals(1, asCandidate.call(() -> portfolios.portfolio(w.enrolment())).items().size(),
                    "the candidate still reads their own portfolio");
        } finally {
            sql.update("update enrolment set status_changed_at = ? where id = ?", ended, w.enrolment());
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Amara's active enrolment supervised by Grace, with a piece of evidence, its submission and a confidential note. */
    private record Work(long enrolment, long item, long submission) {
    }

    private Work amarasWork() throws Exception {
        long cohort = testCohorts.cohort(true);
        long enrolment = testCohorts.enrol(cohort, AMARA, EnrolmentStatus.ACTIVE);
        enrolled.add(enrolment);
        asCoordinator.run(() -> allocations.allocate(enrolment, GRACE, null));
        long item = asCandidate.call(() -> evidenceItems.createWritten(enrolment, "What recovery means"));
        asCandidate.call(() -> evidenceItems.save(item, edit("What recovery means", "<p>What recovery means to me</p>",
                Set.of(requirement(enrolment, "RC.2.1"))), version(item)));
        long task = task(enrolment, "ESSAY");
        long submission = asCandidate.call(() -> submissions.submit(enrolment, task, List.of(item), true, DECLARATION,
                UUID.randomUUID().toString())).submissionId();
        asSupervisor.call(() -> confidentialNotes.addNote(enrolment, "Amara asked for more time on the essay."));
        return new Work(enrolment, item, submission);
    }

    private CredentialValidationResult signIn(String username) {
        return identityStores.validate(new UsernamePasswordCredential(username, DemoDirectory.PASSWORD));
    }

    private long personHolding(String username) throws SQLException {
        return longOf("select id from person where lower(username) = lower(?) and username_released_at is null", username);
    }

    /** Adds a person with the reused username to the directory, in the candidates' group; returns their entryUUID. */
    private static String addPerson(LDAPConnection directory, String name) throws Exception {
        String dn = DemoDirectory.personDn(REUSED);
        directory.add(new Entry(dn,
                new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
                new Attribute("uid", REUSED), new Attribute("cn", name), new Attribute("sn", "Smith"),
                new Attribute("displayName", name), new Attribute("mail", REUSED + "@northshire-demo.nhs.example"),
                new Attribute("title", "Peer Support Worker"), new Attribute("ou", "Community Mental Health Team North"),
                new Attribute("o", "Northshire Health and Care NHS Foundation Trust"),
                new Attribute("userPassword", DemoDirectory.PASSWORD)));
        directory.modify(CANDIDATES_GROUP, new Modification(ModificationType.ADD, "member", dn));
        return directory.search(dn, SearchScope.BASE, "(objectClass=*)", "entryUUID").getSearchEntries().get(0)
                .getAttributeValue("entryUUID");
    }

    /** Takes the person with the reused username out of the directory, if they are there. */
    private static void removePerson(LDAPConnection directory) throws Exception {
        String dn = DemoDirectory.personDn(REUSED);
        if (directory.getEntry(dn) == null) {
            return;
        }
        if (directory.getEntry(CANDIDATES_GROUP).hasAttributeValue("member", dn)) {
            directory.modify(CANDIDATES_GROUP, new Modification(ModificationType.DELETE, "member", dn));
        }
        directory.delete(dn);
    }

    private static LDAPConnection directoryAsService() throws Exception {
        LDAPURL url = new LDAPURL(ConfigProvider.getConfig().getValue("portal.ldap.url", String.class));
        return new LDAPConnection(url.getHost(), url.getPort(), DemoDirectory.SERVICE_DN, DemoDirectory.SERVICE_PASSWORD);
    }

    /** A certificate row for the enrolment, as the certificate issuer writes one. */
    private long certificateFor(long enrolment) throws SQLException {
        long id = longOf("select nextval('certificate_seq')");
        String code = UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        sql.update("insert into certificate (id, enrolment_id, holder_name, course_title, completed_on, code, code_sha256, "
                + "issued_at) values (?, ?, 'Jo Smith', 'Peer2Peer', current_date, ?, ?, now())", id, enrolment, code,
                UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", ""));
        return id;
    }

    /** A notice to the person, as the notifier writes one. */
    private long noticeFor(long personId) throws SQLException {
        long id = longOf("select nextval('notice_seq')");
        sql.update("insert into notice (id, recipient_id, kind, title, text, link, created_at) values (?, ?, 'SIGNED_OFF', "
                + "'Your essay was signed off', 'Your supervisor signed off your essay.', '/candidate/index.xhtml', now())",
                id, personId);
        return id;
    }

    private long task(long enrolment, String code) throws SQLException {
        return longOf("select t.id from assessment_task t join cohort c on c.course_id = t.course_id "
                + "join enrolment e on e.cohort_id = c.id where e.id = ? and t.code = ?", enrolment, code);
    }

    private long requirement(long enrolment, String code) throws SQLException {
        return longOf("select r.id from evidence_requirement r join learning_outcome o on o.id = r.outcome_id "
                + "join course_unit u on u.id = o.unit_id join cohort c on c.course_id = u.course_id "
                + "join enrolment e on e.cohort_id = c.id where e.id = ? and r.code = ?", enrolment, code);
    }

    private long version(long itemId) throws SQLException {
        return longOf("select version from evidence_item where id = ?", itemId);
    }

    private void move(long enrolmentId, EnrolmentStatus to, String reason) throws Exception {
        long version = longOf("select version from enrolment where id = ?", enrolmentId);
        asCoordinator.run(() -> enrolments.changeStatus(enrolmentId, to, reason, version));
    }

    /** Audit entries of a read of this work's evidence, submission or candidate record, by anyone. */
    private long readsOf(Work w) throws SQLException {
        return sql.count("select count(*) from audit_entry where action in ('EVIDENCE_READ', 'EVIDENCE_FILE_READ', "
                + "'SUBMISSION_READ', 'SUBMISSION_FILE_READ', 'CANDIDATE_RECORD_READ') and ((subject_type = 'Enrolment' "
                + "and subject_id = ?) or (subject_type = 'EvidenceItem' and subject_id = ?) or (subject_type = 'Submission' "
                + "and subject_id = ?))", String.valueOf(w.enrolment()), String.valueOf(w.item()),
                String.valueOf(w.submission()));
    }

    private long longOf(String query, Object... parameters) throws SQLException {
        return ((Number) sql.rows(query, parameters).get(0).values().iterator().next()).longValue();
    }

    private static ItemEdit edit(String title, String html, Set<Long> requirements) {
        return new ItemEdit(title, false, requirements, html, null, null, null);
    }

    /** The new holder of the reused username is told "no such ...", as anyone is about what is not theirs. */
    private void assertRefused(Callable<?> read) {
        BusinessException refused = assertThrows(BusinessException.class, () -> asReused.call(read));
        assertTrue(refused.key().endsWith("notFound"), refused.key() + ": " + refused.getMessage());
    }

    /** Grace is refused: "no such ..." or, for assessing, the reason she may not. */
    private void assertSupervisorRefused(Callable<?> read) {
        BusinessException refused = assertThrows(BusinessException.class, () -> asSupervisor.call(read));
        assertFalse(refused.getMessage().isBlank());
    }
}
