package org.peersupport.portal.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Table;
import jakarta.persistence.metamodel.EntityType;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peersupport.portal.assessment.boundary.Verification;
import org.peersupport.portal.candidate.boundary.Allocations;
import org.peersupport.portal.candidate.boundary.Enrolments;
import org.peersupport.portal.candidate.boundary.PlaceRequests;
import org.peersupport.portal.candidate.control.StaffDirectory;
import org.peersupport.portal.candidate.entity.EnrolmentStatus;
import org.peersupport.portal.demo.DemoAccount;
import org.peersupport.portal.governance.boundary.AuditSearch;
import org.peersupport.portal.governance.boundary.SubjectAccess;
import org.peersupport.portal.governance.boundary.SubjectAccessRequests;
import org.peersupport.portal.governance.entity.Disclosure;
import org.peersupport.portal.governance.entity.SubjectAccessRequest;
import org.peersupport.portal.identity.boundary.SignIns;
import org.peersupport.portal.identity.control.DirectoryAccount;
import org.peersupport.portal.identity.entity.DirectoryProfile;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.platform.control.UkTime;
import java.time.LocalDate;
import org.peersupport.portal.governance.control.AuditQuery;
import org.peersupport.portal.governance.control.PersonalDataRegister;
import org.peersupport.portal.platform.boundary.ResultPage;
import org.peersupport.portal.platform.control.PersonalData;
import org.peersupport.portal.portfolio.boundary.ReadsOfMyWork;
import org.peersupport.portal.support.AsCandidate;
import org.peersupport.portal.support.AsGovernance;
import org.peersupport.portal.support.AsHr;
import org.peersupport.portal.support.AuditActors;
import org.peersupport.portal.support.Deployments;
import org.peersupport.portal.support.RunAsDeployment;
import org.peersupport.portal.support.RunAsDescriptors;
import org.peersupport.portal.support.Sql;

/**
 * Issue 16, information governance: every table and entity is claimed by a feature's declaration of personal data;
 * a subject access export holds all of one person's records and none of another's; "Who has read my work". Inside
 * Payara Micro on PostgreSQL with the demo directory. The audit trail names people only by key, so erasing a person
 * needs no update of it. The records are seeded in a transaction each test rolls back,
 * so the shared database is left as it was found, audit trail included.
 */
@ExtendWith(ArquillianExtension.class)
class SubjectAccessIT {

    /** What an export carries of a person's records, by the marker each seeded record holds. */
    private static final List<String> SELF_MARKERS = List.of("withdrawn-reason", "status-reason", "request-message",
            "agreement", "notice-title", "notice-text", "lesson", "evidence-title", "recovery-story", "file-title",
            "upload.txt", "declaration", "submitted-title", "submitted-story", "decision-feedback",
            "judgement-feedback", "certificate-course");
    /** Records that name other people: only in the governance role's export. */
    private static final List<String> REVIEW_MARKERS = List.of("confidential-note", "conflict-note",
            "safeguarding-concern");

    @Deployment
    static WebArchive deployment() {
        return RunAsDeployment.enable(Deployments.portalWith(SubjectAccessIT.class, PersonalDataSeed.class,
                PersonalDataSeed.Seeded.class, Joining.class, Joining.AsGovernanceJoining.class,
                Joining.AsCandidateJoining.class, Joining.AsCoordinatorJoining.class, Joining.AsVerifierJoining.class,
                Sql.class, DemoAccount.class),
                new RunAsDescriptors.Caller("AsGovernanceJoining", "governance", AsGovernance.ACCOUNT.username()),
                new RunAsDescriptors.Caller("AsCoordinatorJoining", "coordinator", DemoAccount.SANA.username()),
                new RunAsDescriptors.Caller("AsVerifierJoining", "verifier", DemoAccount.HELEN.username()),
                new RunAsDescriptors.Caller("AsCandidateJoining", "candidate", AsCandidate.ACCOUNT.username()));
    }

    @Inject
    @Any
    Instance<PersonalData> providers;

    @PersistenceContext
    EntityManager em;

    @Inject
    Sql sql;

    @Inject
    PersonalDataSeed seed;

    @Inject
    StaffDirectory staff;

    @Inject
    SubjectAccess subjectAccess;

    @Inject
    ReadsOfMyWork reads;

    @Inject
    AuditSearch auditSearch;

    @Inject
    SubjectAccessRequests requests;

    @Inject
    Joining.AsGovernanceJoining asGovernance;

    @Inject
    Joining.AsCandidateJoining asAmara;

    @Inject
    Joining.AsCoordinatorJoining asSana;

    @Inject
    Joining.AsVerifierJoining asHelen;

    @Inject
    SignIns signIns;

    @Inject
    Enrolments enrolments;

    @Inject
    PlaceRequests placeRequests;

    @Inject
    Allocations allocations;

    @Inject
    Verification verification;

    @Inject
    AsCandidate asCandidate;

    @Inject
    AsHr asHr;

    @Inject
    AsGovernance asGovernanceAlone;

    @Test
    void everyTableOfTheSchemaAndEveryEntityIsClaimedByAFeature() throws Exception {
        List<PersonalData> features = providers.stream().toList();
        assertEquals(List.of(), PersonalDataRegister.contradictions(features),
                "tables declared both as personal data and as holding none");
        List<String> tables = sql.rows("select table_name from information_schema.tables "
                + "where table_schema = current_schema() and table_type = 'BASE TABLE'").stream()
                .map(row -> (String) row.get("table_name")).toList();
        assertTrue(tables.containsAll(List.of("person", "evidence_item", "audit_entry")), "the schema is read: " + tables);
        assertEquals(List.of(), PersonalDataRegister.unclaimed(tables, features),
                "tables no feature declares in its PersonalData provider (a record class, or otherTables with why)");

        List<String> entities = new ArrayList<>();
        for (EntityType<?> entity : em.getMetamodel().getEntities()) {
            Table table = entity.getJavaType().getAnnotation(Table.class);
            entities.add(table != null ? table.name() : entity.getName().toLowerCase(Locale.ROOT));
        }
        assertTrue(entities.contains("enrolment"), "the metamodel is read: " + entities);
        assertEquals(List.of(), PersonalDataRegister.unclaimed(entities, features),
                "entity tables no feature declares in its PersonalData provider");

        // A table said to hold nothing about a person must not point at one.
        List<String> pointing = sql.rows("""
                select distinct c.relname as table_name from pg_constraint k
                join pg_class c on c.oid = k.conrelid join pg_class target on target.oid = k.confrelid
                where k.contype = 'f' and c.relnamespace = current_schema()::regnamespace
                  and target.relname in ('person', 'enrolment')""").stream()
                .map(row -> (String) row.get("table_name")).toList();
        assertFalse(pointing.isEmpty(), "foreign keys to person are found");
        List<String> wronglyOther = pointing.stream()
                .filter(PersonalDataRegister.otherTables(features)::contains).toList();
        assertEquals(List.of(), wronglyOther, "tables declared as holding nothing about a person refer to one");
    }

    @Test
    void anExportHoldsAllOfOnePersonsRecordsAndNoneOfAnothers() throws Exception {
        UserTransaction tx = InitialContext.doLookup("java:comp/UserTransaction");
        tx.begin();
        try {
            Seeds s = seedAmaraAndDylan();

            long exportsBefore = sql.count("select count(*) from audit_entry where action = 'SUBJECT_ACCESS_EXPORTED' "
                    + "and subject_person_id = ? and actor_id = (select id from person where username = ?)",
                    s.amara().personId(), AsGovernance.ACCOUNT.username());
            Map<String, byte[]> full = unzip(exportThroughARequest(s.amara().personId(), Map.of()));
            String page = text(full, "index.html");
            String json = full.entrySet().stream().filter(e -> e.getKey().startsWith("data/"))
                    .map(e -> new String(e.getValue(), StandardCharsets.UTF_8)).reduce("", String::concat);
            for (String marker : concat(SELF_MARKERS, REVIEW_MARKERS)) {
                String expected = s.amara().tag() + "-" + marker;
                assertTrue(page.contains(expected), "the readable document holds " + expected);
                assertTrue(json.contains(expected), "the JSON holds " + expected);
            }
            assertNothingOf(s.dylan().tag(), full);
            assertTrue(page.contains("Amara Okafor") && page.contains("Grace Mitchell"),
                    "it names the person, and who read their evidence");
            for (String feature : List.of("audit", "identity", "notice", "course", "candidate", "portfolio",
                    "assessment", "reporting", "governance")) {
                byte[] data = full.get("data/" + feature + ".json");
                assertTrue(data != null, "data/" + feature + ".json is in the export: " + full.keySet());
                Json.createReader(new StringReader(new String(data, StandardCharsets.UTF_8))).readObject();
            }
            String filePath = "files/portfolio/" + s.amara().fileId() + "-" + s.amara().tag() + "-upload.txt";
            assertTrue(java.util.Arrays.equals(s.amara().fileBytes(), full.get(filePath)),
                    "the uploaded file is in the export, byte for byte, at " + filePath + ": " + full.keySet());
            em.flush(); // the audit entry is written in this, the test's transaction
            assertEquals(exportsBefore + 1, sql.count("select count(*) from audit_entry where action = 'SUBJECT_ACCESS_EXPORTED' "
                    + "and subject_person_id = ? and actor_id = (select id from person where username = ?)",
                    s.amara().personId(), AsGovernance.ACCOUNT.username()), "the export is in the audit trail, "
                    + "by the governance officer, about Amara: " + sql.rows("select actor, actor_id, subject_person_id "
                    + "from audit_entry where action = 'SUBJECT_ACCESS_EXPORTED'"));

            Map<String, byte[]> own = unzip(asAmara.call(() -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                subjectAccess.exportMine(out);
                return out.toByteArray();
            }));
            String ownPage = text(own, "index.html");
            for (String marker : SELF_MARKERS) {
                assertTrue(ownPage.contains(s.amara().tag() + "-" + marker), "her own download holds " + marker);
            }
            for (String marker : REVIEW_MARKERS) {
                assertFalse(ownPage.contains(s.amara().tag() + "-" + marker),
                        "her own download leaves out what names other people: " + marker);
            }
            assertTrue(ownPage.contains("sent only after the data protection officer has reviewed them"),
                    "and says how to ask for it");
            assertNothingOf(s.dylan().tag(), own);
        } finally {
            tx.rollback();
        }
    }

    @Test
    void aCandidateSeesWhoHasReadTheirWorkAndNobodyElses() throws Exception {
        UserTransaction tx = InitialContext.doLookup("java:comp/UserTransaction");
        tx.begin();
        try {
            Seeds s = seedAmaraAndDylan();
            ResultPage<ReadsOfMyWork.Read> page = asAmara.call(() -> reads.mine(1));
            ReadsOfMyWork.Read read = page.rows().stream()
                    .filter(r -> (s.amara().tag() + "-evidence-title").equals(r.item())).findFirst().orElseThrow(
                            () -> new AssertionError("the seeded read of her evidence is listed: " + page.rows()));
            assertEquals("Grace Mitchell", read.readerName());
            assertEquals("supervisor", read.readAs());
            assertTrue(page.rows().stream().noneMatch(r -> r.item() != null && r.item().startsWith(s.dylan().tag())),
                    "no read of Dylan's work");
        } finally {
            tx.rollback();
        }
    }

    @Test
    void theGovernanceOfficerSearchesTheTrailForReadsOfOnePersonsWorkAndDownloadsThem() throws Exception {
        UserTransaction tx = InitialContext.doLookup("java:comp/UserTransaction");
        tx.begin();
        try {
            seedAmaraAndDylan();
            AuditQuery amarasReads = AuditQuery.of(DemoAccount.AMARA.username(), "subject", AuditQuery.READS, null, null,
                    null, null);
            ResultPage<AuditSearch.Line> found = asGovernance.call(() -> auditSearch.search(amarasReads, 1));
            assertTrue(found.rows().stream().anyMatch(line -> line.actorName().equals("Grace Mitchell")
                    && line.action().equals("EVIDENCE_READ") && "read as supervisor".equals(line.detail())),
                    "Grace's read of Amara's evidence: " + found.rows());
            assertTrue(found.rows().stream().allMatch(line -> "Amara Okafor".equals(line.subjectName())
                    && AuditQuery.READ_ACTIONS.contains(line.action())), "only reads of Amara's work: " + found.rows());
            assertTrue(asGovernance.call(() -> auditSearch.search(AuditQuery.of(DemoAccount.DYLAN.username(), "subject",
                    AuditQuery.READS, null, null, null, null), 1)).rows().stream()
                    .allMatch(line -> "Dylan Hughes".equals(line.subjectName())), "and Dylan's search only his");
            java.time.LocalDate tomorrow = java.time.LocalDate.now(org.peersupport.portal.platform.control.UkTime.ZONE)
                    .plusDays(1);
            assertEquals(0, asGovernance.call(() -> auditSearch.search(AuditQuery.of(DemoAccount.AMARA.username(),
                    "subject", AuditQuery.READS, null, null, tomorrow, null), 1)).total(), "nothing from tomorrow on");

            long trailExportsBefore = sql.count("select count(*) from audit_entry where action = 'AUDIT_TRAIL_EXPORTED' "
                    + "and " + AuditActors.BY_PERSON, AsGovernance.ACCOUNT.username());
            String csv = asGovernance.call(() -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                auditSearch.export(amarasReads, out);
                return out.toString(StandardCharsets.UTF_8);
            });
            assertTrue(csv.contains("Grace Mitchell") && csv.contains("EVIDENCE_READ") && csv.contains("Amara Okafor"),
                    csv);
            em.flush();
            assertEquals(trailExportsBefore + 1, sql.count("select count(*) from audit_entry where action = "
                    + "'AUDIT_TRAIL_EXPORTED' and " + AuditActors.BY_PERSON, AsGovernance.ACCOUNT.username()), "the export is itself audited");
        } finally {
            tx.rollback();
        }
    }

    @Test
    void onlyTheGovernanceRoleExportsSomeoneElsesDataOrSearchesForPeople() throws Exception {
        assertThrows(EJBAccessException.class, () -> asCandidate.call(() -> {
            requests.export(1L, new ByteArrayOutputStream());
            return null;
        }));
        assertThrows(EJBAccessException.class, () -> asHr.call(() -> subjectAccess.find("okafor")));
        assertThrows(EJBAccessException.class, () -> asHr.call(() -> reads.mine(1)));
        assertThrows(EJBAccessException.class, () -> asHr.call(() -> auditSearch.search(AuditQuery.of(null, null, null,
                null, null, null, null), 1)));
        assertThrows(EJBAccessException.class, () -> asCandidate.call(() -> auditSearch.search(AuditQuery.of(null, null,
                null, null, null, null, null), 1)));
    }

    @Test
    void aRequestIsDueInAMonthItsRulesRedactOrWithholdWhatNamesOthersAndEachDecisionIsANewRecord() throws Exception {
        UserTransaction tx = InitialContext.doLookup("java:comp/UserTransaction");
        tx.begin();
        try {
            Seeds s = seedAmaraAndDylan();
            LocalDate today = LocalDate.now(UkTime.ZONE);
            long old = asGovernance.call(() -> requests.record(s.amara().personId(), today.minusMonths(2),
                    SubjectAccessRequest.Channel.LETTER, "Letter of 6 October"));
            SubjectAccessRequests.RequestView late = asGovernance.call(() -> requests.request(old));
            assertEquals(today.minusMonths(2).plusMonths(1), late.dueOn(), "due one calendar month after it arrived");
            assertTrue(late.overdue(), "and flagged overdue");
            assertTrue(asGovernance.call(() -> requests.register()).stream()
                    .anyMatch(line -> line.id() == old && line.overdue()), "the register flags it");

            long request = asGovernance.call(() -> requests.record(s.amara().personId(), today,
                    SubjectAccessRequest.Channel.EMAIL, null));
            assertFalse(asGovernance.call(() -> requests.request(request)).ready(),
                    "no export before each rule is decided (her note, concern and conflict name others)");

            asGovernance.call(() -> {
                requests.decide(request, "confidentialNotes", Disclosure.Decision.INCLUDE, null);
                requests.decide(request, "confidentialNotes", Disclosure.Decision.REDACT, "Names another candidate");
                requests.decide(request, "conflicts", Disclosure.Decision.INCLUDE, null);
                requests.decide(request, "safeguardingConcerns", Disclosure.Decision.WITHHOLD,
                        "Disclosure would be likely to cause serious harm (DPA 2018 Sch. 3)");
                return null;
            });
            em.flush();
            assertEquals(2, sql.count("select count(*) from subject_access_disclosure where request_id = ? and "
                    + "record_class = 'confidentialNotes'", request), "a new decision is a new record");
            SubjectAccessRequests.RequestView view = asGovernance.call(() -> requests.request(request));
            assertTrue(view.ready(), "every class held is decided: " + view.classes());
            assertEquals(Disclosure.Decision.REDACT, view.classes().stream()
                    .filter(c -> c.key().equals("confidentialNotes")).findFirst().orElseThrow().decision(), "the latest applies");

            Map<String, byte[]> export = unzip(asGovernance.call(() -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                requests.export(request, out);
                return out.toByteArray();
            }));
            String page = text(export, "index.html");
            String amara = s.amara().tag();
            assertFalse(page.contains(amara + "-confidential-note"), "the note's words are redacted");
            assertTrue(page.contains("[redacted]") && page.contains("Names another candidate"), "and it says why");
            assertFalse(page.contains(amara + "-safeguarding-concern"), "the concern is withheld");
            assertTrue(page.contains("One record is held of this kind.") && page.contains("cause serious harm"),
                    "with how many and why");
            assertTrue(page.contains(amara + "-conflict-note"), "the conflict is included as decided");
            assertTrue(page.contains(amara + "-recovery-story"), "her own words are always there");

            long version = asGovernance.call(() -> requests.request(request)).version();
            asGovernance.call(() -> {
                requests.complete(request, version);
                return null;
            });
            em.flush();
            for (String action : List.of("SUBJECT_ACCESS_REQUEST_RECORDED", "SUBJECT_ACCESS_DISCLOSURE_DECIDED",
                    "SUBJECT_ACCESS_EXPORTED", "SUBJECT_ACCESS_COMPLETED")) {
                assertTrue(sql.count("select count(*) from audit_entry where action = ? and subject_person_id = ? "
                        + "and subject_id = ?", action, s.amara().personId(), String.valueOf(request)) >= 1, action);
            }
            // the last call of the transaction: a refusal marks it for rollback
            BusinessException closed = assertThrows(BusinessException.class, () -> asGovernance.call(() -> {
                requests.complete(request, version + 1);
                return null;
            }));
            assertEquals("governance.request.closed", closed.key(), "an answered request changes no more");
        } finally {
            tx.rollback();
        }
    }

    @Test
    void aRequestThatCannotBeRecordedOrDecidedAsTypedIsRefusedWithTheReason() throws Exception {
        UserTransaction tx = InitialContext.doLookup("java:comp/UserTransaction");
        tx.begin();
        staff.byUsername(AsGovernance.ACCOUNT.username()); // as her first sign-in would
        long amara = staff.byUsername(DemoAccount.AMARA.username()).getId();
        tx.commit();
        LocalDate today = LocalDate.now(UkTime.ZONE);
        BusinessException future = assertThrows(BusinessException.class, () -> asGovernanceAlone.call(() ->
                requests.record(amara, today.plusDays(1), SubjectAccessRequest.Channel.LETTER, null)));
        assertEquals("governance.request.receivedOn.future", future.key());
        BusinessException noChannel = assertThrows(BusinessException.class, () -> asGovernanceAlone.call(() ->
                requests.record(amara, today, null, null)));
        assertEquals("governance.request.channel.required", noChannel.key());
        long request = asGovernanceAlone.call(() -> requests.record(amara, today, SubjectAccessRequest.Channel.IN_PERSON,
                null));
        try {
            BusinessException noReason = assertThrows(BusinessException.class, () -> asGovernanceAlone.call(() -> {
                requests.decide(request, "safeguardingConcerns", Disclosure.Decision.WITHHOLD, " ");
                return null;
            }));
            assertEquals("governance.request.reason.required", noReason.key());
            BusinessException noDecision = assertThrows(BusinessException.class, () -> asGovernanceAlone.call(() -> {
                requests.decide(request, "confidentialNotes", null, null);
                return null;
            }));
            assertEquals("governance.request.decision.required", noDecision.key());
            assertEquals(0, sql.count("select count(*) from subject_access_disclosure where request_id = ?", request),
                    "nothing refused was kept");
        } finally {
            sql.update("delete from subject_access_disclosure where request_id = ?", request);
            sql.update("delete from subject_access_request where id = ?", request);
        }
    }

    private byte[] exportThroughARequest(long personId, Map<String, Disclosure.Decision> rules) throws Exception {
        return asGovernance.call(() -> {
            long request = requests.record(personId, LocalDate.now(UkTime.ZONE), SubjectAccessRequest.Channel.EMAIL,
                    null);
            for (SubjectAccessRequests.ReviewClass c : requests.request(request).classes()) {
                if (c.held() > 0) {
                    Disclosure.Decision decision = rules.getOrDefault(c.key(), Disclosure.Decision.INCLUDE);
                    requests.decide(request, c.key(), decision, decision.needsReason() ? "For the test" : null);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            requests.export(request, out);
            return out.toByteArray();
        });
    }

    @Test
    void issue16_theTrailNamesAPersonOnlyByKeySoErasingThemNeedsNoUpdateOfIt() throws Exception {
        UserTransaction tx = InitialContext.doLookup("java:comp/UserTransaction");
        tx.begin();
        try {
            String run = UUID.randomUUID().toString().substring(0, 8);
            String username = "keyes." + run;
            String name = "Robin Keyes" + run;
            String email = "robin.keyes." + run + "@example.org";
            String typed = "typed-" + run; // words only a person typed
            long robin = seed.person("keys-" + run, username, name, email);
            long grace = staff.byUsername(DemoAccount.GRACE.username()).getId();
            long helen = staff.byUsername(DemoAccount.HELEN.username()).getId();
            staff.byUsername(DemoAccount.SANA.username());
            staff.byUsername(DemoAccount.TOM.username());
            staff.byUsername(AsGovernance.ACCOUNT.username());
            PersonalDataSeed.Seeded place = seed.seed(robin, username, seed.cohort("KEYS-" + run), grace, helen,
                    "KEYS" + run);

            // Robin signs in, signs out, and mistypes the password once
            signIns.recordSignIn(new DirectoryAccount("keys-" + run, "uid=" + username, new DirectoryProfile(username,
                    name, email, "Peer Support Worker", null, null, null), List.of()), java.util.Set.of(Role.CANDIDATE));
            signIns.recordSignOut(username);
            signIns.recordFailedSignIn(username, "unknown username or wrong password", "203.0.113.7");
            // the coordinator, the verifier: every action on Robin's records, reasons in their own words
            asSana.call(() -> {
                allocations.setCaseloadCap(DemoAccount.TOM.username(), 50);
                allocations.allocate(place.enrolmentId(), DemoAccount.TOM.username(), name + " asked for Tom, " + typed);
                return null;
            });
            long version = sql.count("select version from enrolment where id = ?", place.enrolmentId());
            asSana.call(() -> {
                enrolments.changeStatus(place.enrolmentId(), EnrolmentStatus.PAUSED, name + " is unwell, " + typed,
                        version);
                placeRequests.decline(sql.count("select id from place_request where person_id = ?", robin),
                        "No room for " + name + ", " + typed);
                return null;
            });
            asHelen.call(() -> {
                verification.savePlan(robin, 2, 50, null);
                return null;
            });
            // and someone nobody knows tries a name
            String stranger = "stranger." + run;
            signIns.recordFailedSignIn(stranger, "unknown username or wrong password", "203.0.113.8");
            em.flush();

            for (String text : List.of(username, name, email, typed)) {
                assertEquals(List.of(), sql.rows("select id, action, actor, subject_id, detail from audit_entry "
                        + "where strpos(lower(coalesce(actor, '') || ' ' || coalesce(subject_id, '') || ' ' "
                        + "|| coalesce(detail, '')), lower(?)) > 0", text), "no entry holds " + text);
            }
            assertEquals(List.of(Map.of("actor", stranger)), sql.rows("select actor from audit_entry where actor_id is "
                    + "null and action = 'SIGN_IN_FAILED' and actor = ?", stranger),
                    "a name nobody holds is kept as it was typed: there is nobody to key it to");

            // the trail still names Robin, through the person row erasure removes
            List<AuditSearch.Line> acted = asGovernance.call(() -> auditSearch.search(AuditQuery.of(username, "actor",
                    null, null, null, null, null), 1)).rows();
            assertTrue(acted.stream().map(AuditSearch.Line::action).toList().containsAll(List.of("SIGN_IN",
                    "SIGN_OUT", "SIGN_IN_FAILED")), "Robin's sign-ins, sign-out and failed sign-in: " + acted);
            assertTrue(acted.stream().allMatch(line -> name.equals(line.actorName()) && username.equals(
                    line.actorUsername())), "each shown by the name and username Robin holds now: " + acted);
            List<AuditSearch.Line> about = asGovernance.call(() -> auditSearch.search(AuditQuery.of(username, "subject",
                    null, null, null, null, null), 1)).rows();
            assertTrue(about.stream().map(AuditSearch.Line::action).toList().containsAll(List.of("SUPERVISOR_REALLOCATED",
                    "ENROLMENT_PAUSED", "PLACE_REQUEST_DECLINED", "SAMPLING_PLAN_SAVED")), "what was done about Robin: "
                    + about);
            assertTrue(about.stream().allMatch(line -> name.equals(line.subjectName())), about.toString());
            assertTrue(about.stream().anyMatch(line -> line.action().equals("SAMPLING_PLAN_SAVED")
                    && line.detail().startsWith("plan for person " + robin + ": first 2, then 50%")
                    && line.actorName().equals("Helen Shaw")), "the plan for Robin, by Helen: " + about);
        } finally {
            tx.rollback();
        }
    }

    private record Seeds(PersonalDataSeed.Seeded amara, PersonalDataSeed.Seeded dylan) {
    }

    private Seeds seedAmaraAndDylan() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long amara = staff.byUsername(DemoAccount.AMARA.username()).getId();
        long dylan = staff.byUsername(DemoAccount.DYLAN.username()).getId();
        long grace = staff.byUsername(DemoAccount.GRACE.username()).getId();
        long helen = staff.byUsername(DemoAccount.HELEN.username()).getId();
        staff.byUsername(AsGovernance.ACCOUNT.username());
        long cohort = seed.cohort("SAR-" + run);
        return new Seeds(seed.seed(amara, DemoAccount.AMARA.username(), cohort, grace, helen, "AMARA" + run),
                seed.seed(dylan, DemoAccount.DYLAN.username(), cohort, grace, helen, "DYLAN" + run));
    }

    private static void assertNothingOf(String tag, Map<String, byte[]> export) {
        for (Map.Entry<String, byte[]> entry : export.entrySet()) {
            assertFalse(entry.getKey().contains(tag), "no file of the other person: " + entry.getKey());
            assertFalse(new String(entry.getValue(), StandardCharsets.UTF_8).contains(tag),
                    entry.getKey() + " holds nothing of the other person");
        }
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static String text(Map<String, byte[]> export, String name) {
        assertTrue(export.containsKey(name), name + " is in the export: " + export.keySet());
        return new String(export.get(name), StandardCharsets.UTF_8);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
