package org.peersupport.portal.platform.control;

import java.util.Locale;

/**
 * A named MicroProfile Config setting of the portal. Every setting can be given as an environment variable
 * (its name upper-cased with dots and dashes as underscores) or as a system property.
 */
public enum PortalSetting {

    DEMO("portal.demo", false),
    DB_URL("portal.db.url", true),
    DB_USER("portal.db.user", true),
    DB_PASSWORD("portal.db.password", true),
    DB_MIGRATE("portal.db.migrate", false),
    DB_MIGRATION_USER("portal.db.migration.user", false),
    DB_MIGRATION_PASSWORD("portal.db.migration.password", false),
    LDAP_URL("portal.ldap.url", true),
    LDAP_STARTTLS("portal.ldap.starttls", false),
    LDAP_BIND_DN("portal.ldap.bind.dn", true),
    LDAP_BIND_PASSWORD("portal.ldap.bind.password", true),
    LDAP_USER_BASE_DN("portal.ldap.user.base-dn", true),
    LDAP_USER_FILTER("portal.ldap.user.filter", true),
    LDAP_USER_MEMBER_OF("portal.ldap.user.member-of-attribute", false),
    LDAP_GROUP_BASE_DN("portal.ldap.group.base-dn", false),
    LDAP_GROUP_FILTER("portal.ldap.group.filter", false),
    LDAP_ATTR_ID("portal.ldap.attr.id", true),
    LDAP_ATTR_USERNAME("portal.ldap.attr.username", false),
    LDAP_ATTR_NAME("portal.ldap.attr.name", false),
    LDAP_ATTR_EMAIL("portal.ldap.attr.email", false),
    LDAP_ATTR_TITLE("portal.ldap.attr.title", false),
    LDAP_ATTR_DEPARTMENT("portal.ldap.attr.department", false),
    LDAP_ATTR_ORGANISATION("portal.ldap.attr.organisation", false),
    LDAP_ATTR_MANAGER("portal.ldap.attr.manager", false),
    ROLE_CANDIDATE("portal.ldap.role.candidate", false),
    ROLE_SUPERVISOR("portal.ldap.role.supervisor", false),
    ROLE_VERIFIER("portal.ldap.role.verifier", false),
    ROLE_COORDINATOR("portal.ldap.role.coordinator", false),
    ROLE_HR("portal.ldap.role.hr", false),
    ROLE_SAFEGUARDING("portal.ldap.role.safeguarding", false),
    ROLE_GOVERNANCE("portal.ldap.role.governance", false),
    COOKIES_SECURE("portal.cookies.secure", false),
    SESSION_TIMEOUT_MINUTES("portal.session.timeout-minutes", false),
    SESSION_MAX_HOURS("portal.session.max-hours", false),
    SIGNIN_MAX_FAILURES("portal.signin.max-failures", false),
    SIGNIN_ADDRESS_MAX_FAILURES("portal.signin.address-max-failures", false),
    SIGNIN_WINDOW_MINUTES("portal.signin.window-minutes", false),
    SIGNIN_MAX_LOCK_MINUTES("portal.signin.max-lock-minutes", false),
    PROXY_TRUSTED("portal.proxy.trusted", false),
    EXIT_ON_CONFIGURATION_ERROR("portal.exit-on-configuration-error", false),
    UPLOAD_MAX_BYTES("portal.upload.max-bytes", false),
    DEMO_COURSE_PACKAGE("portal.demo.course-package", false),
    PUBLIC_URL("portal.public-url", false),
    PRIVACY_CONTROLLER("portal.privacy.controller", false),
    PRIVACY_DPO_CONTACT("portal.privacy.dpo-contact", false),
    PRIVACY_LAWFUL_BASIS("portal.privacy.lawful-basis", false),
    SMTP_HOST("portal.smtp.host", false),
    SMTP_PORT("portal.smtp.port", false),
    SMTP_USERNAME("portal.smtp.username", false),
    SMTP_PASSWORD("portal.smtp.password", false),
    SMTP_FROM("portal.smtp.from", false),
    SMTP_STARTTLS("portal.smtp.starttls", false),
    REMINDER_TIME("portal.reminder.time", false),
    /** When the daily retention purge runs (UK time), default 02:30. */
    RETENTION_TIME("portal.retention.time", false),
    /** Periods that replace the retention schedule's defaults: {@code evidence=P6Y, notices=P1Y}. */
    RETENTION_PERIODS("portal.retention.periods", false),
    EVIDENCE_UPLOAD_MAX_MB("portal.evidence.upload.max-mb", false),
    /** Days the last allocated supervisor keeps read-only access to a candidate's records after the enrolment ended. */
    FORMER_SUPERVISOR_DAYS("portal.access.former-supervisor-days", false);

    private final String key;
    private final boolean required;

    PortalSetting(String key, boolean required) {
        this.key = key;
        this.required = required;
    }

    public String key() {
        return key;
    }

    public boolean required() {
        return required;
    }

    /** The environment variable MicroProfile Config maps to this setting, e.g. {@code PORTAL_DB_URL}. */
    public String environmentVariable() {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    @Override
    public String toString() {
        return environmentVariable() + " (" + key + ")";
    }
}
