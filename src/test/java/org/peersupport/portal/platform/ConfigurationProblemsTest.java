package org.peersupport.portal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.peersupport.portal.platform.control.ConfigurationProblems;
import org.peersupport.portal.platform.control.DemoMode;
import org.peersupport.portal.platform.control.PortalSetting;

class ConfigurationProblemsTest {

    private static Map<PortalSetting, String> complete() {
        Map<PortalSetting, String> settings = new HashMap<>();
        settings.put(PortalSetting.DB_URL, "jdbc:postgresql://db.internal:5432/portal");
        settings.put(PortalSetting.DB_USER, "portal_app");
        settings.put(PortalSetting.DB_PASSWORD, "secret");
        settings.put(PortalSetting.LDAP_URL, "ldaps://dc1.trust.nhs.uk:636");
        settings.put(PortalSetting.LDAP_BIND_DN, "CN=svc-portal,OU=Service Accounts,DC=trust,DC=nhs,DC=uk");
        settings.put(PortalSetting.LDAP_BIND_PASSWORD, "secret");
        settings.put(PortalSetting.LDAP_USER_BASE_DN, "OU=Staff,DC=trust,DC=nhs,DC=uk");
        settings.put(PortalSetting.LDAP_USER_FILTER, "(&(objectClass=user)(sAMAccountName={0}))");
        settings.put(PortalSetting.LDAP_USER_MEMBER_OF, "memberOf");
        settings.put(PortalSetting.LDAP_ATTR_ID, "objectGUID");
        settings.put(PortalSetting.ROLE_CANDIDATE, "CN=P2P Candidates,OU=Groups,DC=trust,DC=nhs,DC=uk");
        settings.put(PortalSetting.ROLE_SAFEGUARDING, "CN=Safeguarding Leads,OU=Groups,DC=trust,DC=nhs,DC=uk");
        return settings;
    }

    private static List<String> problems(Map<PortalSetting, String> settings) {
        return ConfigurationProblems.find(setting -> Optional.ofNullable(settings.get(setting)));
    }

    @Test
    void aCompleteActiveDirectoryConfigurationHasNoProblems() {
        assertEquals(List.of(), problems(complete()));
    }

    @Test
    void everyMissingRequiredSettingIsNamedWithItsEnvironmentVariable() {
        List<String> problems = problems(Map.of());
        for (PortalSetting setting : PortalSetting.values()) {
            if (setting.required()) {
                assertTrue(problems.contains("missing required setting " + setting.environmentVariable() + " (" + setting.key() + ")"),
                        setting + " in " + problems);
            }
        }
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("no directory group is mapped")), problems.toString());
    }

    @Test
    void aPortalWhoseRaisedConcernsWouldReachNobodyRefusesToStart() {
        Map<PortalSetting, String> settings = complete();
        settings.remove(PortalSetting.ROLE_SAFEGUARDING);
        assertEquals(List.of("no directory group is mapped to the designated safeguarding lead: set "
                + "PORTAL_LDAP_ROLE_SAFEGUARDING (portal.ldap.role.safeguarding), so that a safeguarding concern a "
                + "supervisor raises reaches someone"), problems(settings));
        settings.put(PortalSetting.ROLE_SAFEGUARDING, "  ");
        assertEquals(1, problems(settings).size(), "a blank mapping maps nobody");
    }

    @Test
    void retentionPeriodsAreKeyEqualsAnIsoPeriodAndAMalformedOneStopsThePortal() {
        assertEquals(Map.of("evidence", java.time.Period.ofYears(10), "notices", java.time.Period.ofMonths(6)),
                org.peersupport.portal.platform.control.RetentionRule.parsePeriods(" evidence=P10Y, notices = P6M "));
        Map<PortalSetting, String> settings = complete();
        settings.put(PortalSetting.RETENTION_PERIODS, "evidence=P10Y, notices=six months");
        assertEquals(List.of("PORTAL_RETENTION_PERIODS (portal.retention.periods): 'six months' is not an ISO 8601 period, e.g. P6Y"), problems(settings));
        settings.put(PortalSetting.RETENTION_PERIODS, "evidence");
        assertEquals(List.of("PORTAL_RETENTION_PERIODS (portal.retention.periods): 'evidence' is not key=period, e.g. evidence=P6Y"), problems(settings));
        settings.put(PortalSetting.RETENTION_PERIODS, "evidence=P0D");
        assertEquals(List.of("PORTAL_RETENTION_PERIODS (portal.retention.periods): the period of evidence must be positive"), problems(settings));
    }

    @Test
    void blankValuesCountAsMissing() {
        Map<PortalSetting, String> settings = complete();
        settings.put(PortalSetting.DB_PASSWORD, "   ");
        assertEquals(List.of("missing required setting PORTAL_DB_PASSWORD (portal.db.password)"), problems(settings));
    }

    @Test
    void withoutMemberOfTheGroupSearchMustBeConfigured() {
        Map<PortalSetting, String> settings = complete();
        settings.remove(PortalSetting.LDAP_USER_MEMBER_OF);
        List<String> problems = problems(settings);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("PORTAL_LDAP_GROUP_BASE_DN"));
        assertTrue(problems.get(1).contains("PORTAL_LDAP_GROUP_FILTER"));
    }

    @Test
    void urlsMustBeOfTheRightKindAndStartTlsCannotWrapLdaps() {
        Map<PortalSetting, String> settings = complete();
        settings.put(PortalSetting.LDAP_URL, "http://dc1");
        settings.put(PortalSetting.DB_URL, "jdbc:mysql://db/portal");
        List<String> problems = problems(settings);
        assertTrue(problems.stream().anyMatch(p -> p.contains("must start with ldap:// or ldaps://")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("must be a PostgreSQL JDBC URL")), problems.toString());

        settings = complete();
        settings.put(PortalSetting.LDAP_STARTTLS, "true");
        assertTrue(problems(settings).get(0).contains("cannot be used with an ldaps:// URL"));
    }

    @Test
    void demoModeOnlyRunsAgainstALoopbackDirectory() {
        Map<PortalSetting, String> settings = complete();
        settings.put(PortalSetting.DEMO, "true");
        assertTrue(problems(settings).get(0).contains("demo mode only runs against its embedded directory"));
        settings.put(PortalSetting.LDAP_URL, "ldap://127.0.0.1:10389");
        assertEquals(List.of(), problems(settings));
        assertTrue(DemoMode.isLoopback("ldap://localhost:389"));
        assertTrue(!DemoMode.isLoopback("ldap://127.example.org:389"));
    }

    @Test
    void environmentVariableNamesFollowMicroProfileConfigMapping() {
        assertEquals("PORTAL_LDAP_USER_BASE_DN", PortalSetting.LDAP_USER_BASE_DN.environmentVariable());
        assertEquals("PORTAL_DB_MIGRATION_PASSWORD", PortalSetting.DB_MIGRATION_PASSWORD.environmentVariable());
    }

    @Test
    void issue5_emailIsOptionalButAHostNeedsASenderAndMailAndReminderSettingsMustBeReadable() {
        Map<PortalSetting, String> settings = complete();
        settings.put(PortalSetting.SMTP_HOST, "smtp.trust.nhs.uk");
        assertEquals(List.of("missing setting PORTAL_SMTP_FROM (portal.smtp.from): the sender address is needed when "
                + "PORTAL_SMTP_HOST (portal.smtp.host) is set"), problems(settings));
        settings.put(PortalSetting.SMTP_FROM, "Peer Support Portal <noreply@trust.nhs.uk>");
        settings.put(PortalSetting.SMTP_PORT, "587");
        settings.put(PortalSetting.REMINDER_TIME, "06:30");
        settings.put(PortalSetting.PUBLIC_URL, "https://portal.trust.nhs.uk/portal");
        assertEquals(List.of(), problems(settings));
        settings.put(PortalSetting.SMTP_PORT, "smtp");
        settings.put(PortalSetting.REMINDER_TIME, "7am");
        settings.put(PortalSetting.PUBLIC_URL, "portal.trust.nhs.uk");
        List<String> problems = problems(settings);
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("PORTAL_SMTP_PORT (portal.smtp.port) must be a port number"));
        assertTrue(problems.get(1).startsWith("PORTAL_REMINDER_TIME (portal.reminder.time) must be a time of day"));
        assertTrue(problems.get(2).startsWith("PORTAL_PUBLIC_URL (portal.public-url) must be the portal's address"));
        assertEquals("PORTAL_SMTP_STARTTLS", PortalSetting.SMTP_STARTTLS.environmentVariable());
    }

    @Test
    void issue5_theEvidenceUploadLimitIsAWholeNumberOfMegabytesTheServletCanTake() {
        Map<PortalSetting, String> settings = complete();
        settings.put(PortalSetting.EVIDENCE_UPLOAD_MAX_MB, "150");
        assertEquals(List.of(), problems(settings));
        for (String bad : List.of("0", "201", "1.5", "lots", "-3")) {
            settings.put(PortalSetting.EVIDENCE_UPLOAD_MAX_MB, bad);
            assertEquals(List.of("PORTAL_EVIDENCE_UPLOAD_MAX_MB (portal.evidence.upload.max-mb) must be a whole number of "
                    + "megabytes from 1 to 200 (the largest upload the servlet accepts), not '" + bad + "'"), problems(settings));
        }
    }

    @Test
    void issue13_theFormerSupervisorsReadOnlyPeriodIsAWholeNumberOfDays() {
        Map<PortalSetting, String> settings = complete();
        for (String good : List.of("0", "90", "3650")) {
            settings.put(PortalSetting.FORMER_SUPERVISOR_DAYS, good);
            assertEquals(List.of(), problems(settings), good);
        }
        for (String bad : List.of("3651", "1.5", "ninety", "-3")) {
            settings.put(PortalSetting.FORMER_SUPERVISOR_DAYS, bad);
            assertEquals(List.of("PORTAL_ACCESS_FORMER_SUPERVISOR_DAYS (portal.access.former-supervisor-days) must be a "
                    + "whole number of days from 0 to 3650, not '" + bad + "'"), problems(settings));
        }
    }
}
