package org.peersupport.portal.identity;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.peersupport.portal.demo.DemoAccount;
import org.peersupport.portal.support.AuditActors;
import org.peersupport.portal.support.DemoDirectory;
import org.peersupport.portal.support.Deployments;
import org.peersupport.portal.support.Sql;

/**
 * Sign-in through the real identity store against a real LDAP server, the person record, the audit trail and
 * the database as the portal's run-time role sees it. Runs inside Payara Micro.
 */
@ExtendWith(ArquillianExtension.class)
class IdentityIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.portalWith(IdentityIT.class, DemoAccount.class, DemoDirectory.class, Sql.class);
    }

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    Sql sql;

    private CredentialValidationResult signIn(String username, String password) {
        return identityStores.validate(new UsernamePasswordCredential(username, password));
    }

    @Test
    void migrationsHaveRunBeforeTheApplicationTouchedTheSchema() throws SQLException {
        List<Map<String, Object>> history = sql.rows(
                "select version, success from flyway_schema_history where version is not null order by installed_rank");
        assertTrue(history.size() >= 1, "Flyway recorded the migrations");
        assertEquals("1", history.get(0).get("version"));
        assertTrue(history.stream().allMatch(row -> Boolean.TRUE.equals(row.get("success"))), "every migration succeeded");
        assertEquals(0, sql.count("select count(*) from person where directory_id is null"));
    }

    @Test
    void everyDemoAccountSignsInThroughTheDirectoryWithExactlyItsRoles() {
        List<Executable> checks = new ArrayList<>();
        for (DemoAccount account : DemoAccount.values()) {
            checks.add(() -> {
                CredentialValidationResult result = signIn(account.username(), DemoDirectory.PASSWORD);
                assertEquals(CredentialValidationResult.Status.VALID, result.getStatus(), account.username());
                assertEquals(account.username(), result.getCallerPrincipal().getName());
                assertEquals(new HashSet<>(account.roleNames()), result.getCallerGroups(), account.username() + "'s roles");
            });
        }
        assertAll(checks);
    }

    @Test
    void wrongPasswordsUnknownPeopleAndFilterInjectionAreAllRefused() {
        assertAll(
                () -> assertEquals(CredentialValidationResult.Status.INVALID, signIn("amara.okafor", "not-her-password").getStatus()),
                () -> assertEquals(CredentialValidationResult.Status.INVALID, signIn("nobody.here", DemoDirectory.PASSWORD).getStatus()),
                () -> assertEquals(CredentialValidationResult.Status.INVALID, signIn("*", DemoDirectory.PASSWORD).getStatus()),
                () -> assertEquals(CredentialValidationResult.Status.INVALID,
                        signIn("amara.okafor)(|(uid=*", DemoDirectory.PASSWORD).getStatus()),
                () -> assertEquals(CredentialValidationResult.Status.INVALID, signIn("amara.okafor", "").getStatus()));
    }

    @Test
    void aPersonRecordIsCreatedAtFirstSignInAndRefreshedWhenTheDirectoryChanges() throws Exception {
        assertEquals(CredentialValidationResult.Status.VALID, signIn("dylan.hughes", DemoDirectory.PASSWORD).getStatus());
        Map<String, Object> before = sql.rows("select id, directory_id, display_name, job_title, department, email "
                + "from person where username = ?", "dylan.hughes").get(0);
        assertEquals("Dylan Hughes", before.get("display_name"));
        assertEquals("Peer Support Worker", before.get("job_title"));
        assertEquals("dylan.hughes@northshire-demo.nhs.example", before.get("email"));

        try (LDAPConnection directory = directoryAsService()) {
            directory.modify(DemoDirectory.personDn("dylan.hughes"),
                    new Modification(ModificationType.REPLACE, "title", "Senior Peer Support Worker"),
                    new Modification(ModificationType.REPLACE, "ou", "Crisis Resolution Team"));
            try {
                assertEquals(CredentialValidationResult.Status.VALID, signIn("dylan.hughes", DemoDirectory.PASSWORD).getStatus());
                Map<String, Object> after = sql.rows("select id, directory_id, job_title, department from person "
                        + "where username = ?", "dylan.hughes").get(0);
                assertEquals(before.get("id"), after.get("id"), "the same person record, keyed by the directory id");
                assertEquals(before.get("directory_id"), after.get("directory_id"));
                assertEquals("Senior Peer Support Worker", after.get("job_title"));
                assertEquals("Crisis Resolution Team", after.get("department"));
                assertTrue(sql.count("select count(*) from audit_entry where action = 'PERSON_REFRESHED' and subject_id = ?",
                        after.get("id").toString()) >= 1, "the refresh is audited");
            } finally {
                directory.modify(DemoDirectory.personDn("dylan.hughes"),
                        new Modification(ModificationType.REPLACE, "title", "Peer Support Worker"),
                        new Modification(ModificationType.REPLACE, "ou", "Acute Inpatient Services"));
            }
        }
    }

    @Test
    void signInsAndFailedSignInsAreWrittenToTheAuditTrail() throws SQLException {
        long signIns = sql.count("select count(*) from audit_entry where action = 'SIGN_IN' and " + AuditActors.BY_PERSON, "priya.raman");
        long failures = sql.count("select count(*) from audit_entry where action = 'SIGN_IN_FAILED' and " + AuditActors.BY_PERSON, "priya.raman");

        signIn("priya.raman", DemoDirectory.PASSWORD);
        signIn("priya.raman", "wrong");

        assertEquals(signIns + 1, sql.count("select count(*) from audit_entry where action = 'SIGN_IN' and " + AuditActors.BY_PERSON, "priya.raman"));
        assertEquals(failures + 1,
                sql.count("select count(*) from audit_entry where action = 'SIGN_IN_FAILED' and " + AuditActors.BY_PERSON, "priya.raman"));
        Map<String, Object> latest = sql.rows("select detail, remote_address, occurred_at from audit_entry "
                + "where action = 'SIGN_IN' and " + AuditActors.BY_PERSON + " order by id desc limit 1", "priya.raman").get(0);
        assertEquals("roles: candidate", latest.get("detail"));
        assertTrue(latest.get("remote_address") != null, "the address the request came from is recorded");
    }

    @Test
    void theAuditTrailIsAppendOnlyAndTheRuntimeRoleCannotChangeTheSchema() throws SQLException {
        signIn("tom.barker", DemoDirectory.PASSWORD);
        SQLException update = assertThrows(SQLException.class,
                () -> sql.update("update audit_entry set detail = 'rewritten' where " + AuditActors.BY_PERSON, "tom.barker"));
        assertTrue(update.getMessage().contains("permission denied"), update.getMessage());
        SQLException delete = assertThrows(SQLException.class, () -> sql.update("delete from audit_entry"));
        assertTrue(delete.getMessage().contains("permission denied"), delete.getMessage());
        SQLException ddl = assertThrows(SQLException.class, () -> sql.update("create table sneaky (id int)"));
        assertTrue(ddl.getMessage().contains("permission denied"), ddl.getMessage());
    }

    @Test
    void aPersonInNoMappedGroupSignsInWithNoRoles() {
        CredentialValidationResult result = signIn("jo.lee", DemoDirectory.PASSWORD);
        assertEquals(CredentialValidationResult.Status.VALID, result.getStatus());
        assertEquals(Set.of(), result.getCallerGroups());
    }

    private static LDAPConnection directoryAsService() throws Exception {
        LDAPURL url = new LDAPURL(ConfigProvider.getConfig().getValue("portal.ldap.url", String.class));
        return new LDAPConnection(url.getHost(), url.getPort(), DemoDirectory.SERVICE_DN, DemoDirectory.SERVICE_PASSWORD);
    }
}
