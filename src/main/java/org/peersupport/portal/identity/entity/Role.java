package org.peersupport.portal.identity.entity;

import java.util.Locale;
import java.util.Optional;
import org.peersupport.portal.platform.control.PortalSetting;

/**
 * The portal's roles. Each comes from one or more directory groups ({@code portal.ldap.role.*}); a person may
 * hold several. The name is the Jakarta Security role name used in {@code @RolesAllowed} and web.xml.
 */
public enum Role {

    CANDIDATE(Names.CANDIDATE, "/candidate/index.xhtml", PortalSetting.ROLE_CANDIDATE),
    SUPERVISOR(Names.SUPERVISOR, "/supervisor/index.xhtml", PortalSetting.ROLE_SUPERVISOR),
    VERIFIER(Names.VERIFIER, "/verifier/index.xhtml", PortalSetting.ROLE_VERIFIER),
    COORDINATOR(Names.COORDINATOR, "/coordinator/index.xhtml", PortalSetting.ROLE_COORDINATOR),
    HR(Names.HR, "/hr/index.xhtml", PortalSetting.ROLE_HR),
    /** A designated safeguarding lead: sees and closes safeguarding concerns supervisors raise. */
    SAFEGUARDING(Names.SAFEGUARDING, "/safeguarding/index.xhtml", PortalSetting.ROLE_SAFEGUARDING),
    /**
     * The data protection officer or information governance lead: reads the audit trail and the personal-data
     * register, produces subject access exports; never reads evidence except inside an export they produce.
     */
    GOVERNANCE(Names.GOVERNANCE, "/governance/index.xhtml", PortalSetting.ROLE_GOVERNANCE);

    private final String roleName;
    private final String homePage;
    private final PortalSetting groupSetting;

    Role(String roleName, String homePage, PortalSetting groupSetting) {
        this.roleName = roleName;
        this.homePage = homePage;
        this.groupSetting = groupSetting;
    }

    public String roleName() {
        return roleName;
    }

    public String homePage() {
        return homePage;
    }

    public PortalSetting groupSetting() {
        return groupSetting;
    }

    public static Optional<Role> named(String name) {
        for (Role role : values()) {
            if (role.roleName.equals(name == null ? null : name.toLowerCase(Locale.ROOT))) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** Role names as compile-time constants for {@code @RolesAllowed}. */
    public static final class Names {
        public static final String CANDIDATE = "candidate";
        public static final String SUPERVISOR = "supervisor";
        public static final String VERIFIER = "verifier";
        public static final String COORDINATOR = "coordinator";
        public static final String HR = "hr";
        public static final String SAFEGUARDING = "safeguarding";
        public static final String GOVERNANCE = "governance";

        private Names() {
        }
    }
}
