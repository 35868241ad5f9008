package org.peersupport.portal.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayOutputStream;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peersupport.portal.assessment.boundary.CertificateDocument;
import org.peersupport.portal.assessment.boundary.CertificateSummary;
import org.peersupport.portal.assessment.boundary.Certificates;
import org.peersupport.portal.assessment.boundary.VerifiedCertificate;
import org.peersupport.portal.assessment.control.CertificatePdf;
import org.peersupport.portal.assessment.control.Certifier;
import org.peersupport.portal.assessment.control.VerificationCodes;
import org.peersupport.portal.candidate.entity.EnrolmentStatus;
import org.peersupport.portal.demo.DemoAccount;
import org.peersupport.portal.notice.boundary.Notices;
import org.peersupport.portal.notice.entity.NoticeKind;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.support.AsCandidate;
import org.peersupport.portal.support.AsCoordinator;
import org.peersupport.portal.support.AsHr;
import org.peersupport.portal.support.AsSupervisor;
import org.peersupport.portal.support.Deployments;
import org.peersupport.portal.support.RunAsDeployment;
import org.peersupport.portal.support.Sql;
import org.peersupport.portal.support.TestCohorts;

/**
 * Issue 5, completion: the certificate issued once when an enrolment completes, its PDF (read back with OpenPDF),
 * who may have it, and the public verification of its code. Inside Payara Micro on PostgreSQL.
 */
@ExtendWith(ArquillianExtension.class)
class CertificateIT {

    private static final String AMARA = AsCandidate.ACCOUNT.username();

    @Deployment
    static WebArchive deployment() {
        return RunAsDeployment.enable(Deployments.portalWith(CertificateIT.class, TestCohorts.class, Sql.class,
                DemoAccount.class));
    }

    @Inject
    Certificates certificates;

    @Inject
    Certifier certifier;

    @Inject
    Notices notices;

    @Inject
    AsCandidate asCandidate;

    @Inject
    AsCoordinator asCoordinator;

    @Inject
    AsSupervisor asSupervisor;

    @Inject
    AsHr asHr;

    @Inject
    TestCohorts cohorts;

    @Inject
    Sql sql;

    @Test
    void issue5_completingAnEnrolmentIssuesOneCertificateWhosePdfCarriesTheNameCourseDateAndCode() throws Exception {
        long cohort = cohorts.cohort(true);
        long enrolment = cohorts.enrol(cohort, AMARA, EnrolmentStatus.ACTIVE, EnrolmentStatus.COMPLETED);
        long certificateId = certificateOf(enrolment);
        String course = (String) sql.rows("select title from course where code = 'PEER2PEER' and status = 'PUBLISHED'")
                .get(0).get("title");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

        CertificateSummary mine = asCandidate.call(() -> certificates.mine()).stream()
                .filter(c -> c.id() == certificateId).findFirst().orElseThrow();
        assertEquals(course, mine.courseTitle());
        assertEquals(today, mine.completedOn());
        assertTrue(mine.code().matches("[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}"), mine.code());

        CertificateDocument document = asCandidate.call(() -> certificates.document(certificateId));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        CertificatePdf.write(document.holderName(), document.courseTitle(), document.completedOn(), document.code(),
                "https://portal.example/portal/verify.xhtml?code=" + document.code(), pdf);
        PdfReader reader = new PdfReader(pdf.toByteArray());
        assertEquals(1, reader.getNumberOfPages());
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        for (String expected : List.of("Certificate of completion", "Amara Okafor", course, "Verification code: " + mine.code(),
                "verify.xhtml?code=" + document.code(), String.valueOf(today.getYear()))) {
            assertTrue(text.contains(expected), "the PDF says " + expected + ":\n" + text);
        }

        UserTransaction transaction = InitialContext.doLookup("java:comp/UserTransaction");
        transaction.begin();
        String again = certifier.issue(enrolment).getCode();
        transaction.commit();
        assertEquals(document.code(), again, "issued once: asking again gives the same certificate");
        assertEquals(1, sql.count("select count(*) from certificate where enrolment_id = ?", enrolment));
        assertThrows(SQLException.class, () -> sql.update("update certificate set holder_name = 'Someone else' "
                + "where id = ?", certificateId), "a certificate is never edited");
        assertEquals(1, sql.count("select count(*) from audit_entry where action = 'CERTIFICATE_ISSUED' and subject_id = ?",
                String.valueOf(certificateId)));
        assertTrue(asCandidate.call(() -> notices.mine(1)).notices().stream().anyMatch(n ->
                n.kind() == NoticeKind.CERTIFICATE_ISSUED && n.title().equals("Your certificate for " + course + " is ready")),
                "the candidate is told");
    }

    @Test
    void issue5_onlyTheHolderAndCoordinatorsMayHaveACertificate() throws Exception {
        long cohort = cohorts.cohort(true);
        long dylans = certificateOf(cohorts.enrol(cohort, "dylan.hughes", EnrolmentStatus.ACTIVE, EnrolmentStatus.COMPLETED));
        BusinessException refused = assertThrows(BusinessException.class,
                () -> asCandidate.call(() -> certificates.document(dylans)));
        assertEquals("certificate.notFound", refused.key(), "another candidate's reads as no such certificate");
        assertTrue(asCandidate.call(() -> certificates.mine()).stream().noneMatch(c -> c.id() == dylans));
        assertEquals("Dylan Hughes", asCoordinator.call(() -> certificates.document(dylans)).holderName());
        assertThrows(EJBAccessException.class, () -> asSupervisor.call(() -> certificates.document(dylans)));
        assertThrows(EJBAccessException.class, () -> asHr.call(() -> certificates.document(dylans)));
        assertThrows(BusinessException.class, () -> asCoordinator.call(() -> certificates.document(-1)));
    }

    @Test
    void issue13_everyCertificateDownloadIsAuditedWithWhoTookItAndWhose() throws Exception {
        long cohort = cohorts.cohort(true);
        long amaras = cohorts.enrol(cohort, AMARA, EnrolmentStatus.ACTIVE, EnrolmentStatus.COMPLETED);
        long certificateId = certificateOf(amaras);
        long dylans = certificateOf(cohorts.enrol(cohort, "dylan.hughes", EnrolmentStatus.ACTIVE, EnrolmentStatus.COMPLETED));

        asCandidate.call(() -> certificates.document(certificateId));
        assertEquals(List.of(Map.of("actor", AMARA, "detail", "by its holder, enrolment " + amaras)),
                downloads(certificateId), "the holder's download");
        asCoordinator.call(() -> certificates.document(certificateId));
        assertEquals(Map.of("actor", AsCoordinator.ACCOUNT.username(), "detail", "by a coordinator, enrolment " + amaras),
                downloads(certificateId).get(1), "a coordinator's download");

        assertThrows(BusinessException.class, () -> asCandidate.call(() -> certificates.document(dylans)));
        assertEquals(List.of(), downloads(dylans), "a refused download reads nothing and records no read");
    }

    private List<Map<String, Object>> downloads(long certificate) throws SQLException {
        // who took it, as the trail page names them: by the person key, or (for a caller the portal has no person
        // row of, as the run-as coordinator here) by the name kept
        return sql.rows("select coalesce(p.username, a.actor) as actor, a.detail from audit_entry a "
                + "left join person p on p.id = a.actor_id where a.action = 'CERTIFICATE_DOWNLOADED' "
                + "and a.subject_type = 'Certificate' and a.subject_id = ? order by a.id", String.valueOf(certificate));
    }

    @Test
    void issue5_verificationConfirmsExactlyTheNameCourseAndDateForAGenuineCodeAndNothingForAnyOther() throws Exception {
        long cohort = cohorts.cohort(true);
        long id = certificateOf(cohorts.enrol(cohort, "priya.raman", EnrolmentStatus.ACTIVE, EnrolmentStatus.COMPLETED));
        String code = (String) sql.rows("select code from certificate where id = ?", id).get(0).get("code");
        String course = (String) sql.rows("select course_title from certificate where id = ?", id).get(0).get("course_title");

        VerifiedCertificate verified = certificates.verify(code).orElseThrow();
        assertEquals(new VerifiedCertificate("Priya Raman", course, LocalDate.now(ZoneId.of("Europe/London"))), verified);
        assertEquals(List.of("holderName", "courseTitle", "completedOn"), Arrays.stream(
                VerifiedCertificate.class.getRecordComponents()).map(c -> c.getName()).toList(), "and nothing else");
        String typed = " " + VerificationCodes.display(code).toLowerCase() + " ";
        assertEquals(Optional.of(verified), certificates.verify(typed), "typed in lower case with its hyphen");

        char last = code.charAt(code.length() - 1);
        String nearMiss = code.substring(0, code.length() - 1) + (last == '2' ? '3' : '2');
        for (String wrong : Arrays.asList(nearMiss, "ABCDEFGHJK", "0000000000", "", null, "x".repeat(1000),
                "' or '1'='1")) {
            assertEquals(Optional.empty(), certificates.verify(wrong), "nothing for " + wrong);
        }
    }

    private long certificateOf(long enrolmentId) throws Exception {
        return ((Number) sql.rows("select id from certificate where enrolment_id = ?", enrolmentId).get(0).get("id"))
                .longValue();
    }
}
