package org.peersupport.portal.identity.control;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.PortalSetting;

/**
 * Maps directory groups to portal roles. Each role's setting lists groups separated by {@code ;}, each either
 * a full DN (compared as a DN: case and spacing do not matter) or a plain group name (compared with the
 * group's first RDN value, e.g. the {@code cn}).
 */
public final class RoleMapping {

    private final Map<Role, List<String>> groupsByRole;

    private RoleMapping(Map<Role, List<String>> groupsByRole) {
        this.groupsByRole = groupsByRole;
    }

    public static RoleMapping from(Function<PortalSetting, Optional<String>> lookup) {
        Map<Role, List<String>> map = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            List<String> groups = new ArrayList<>();
            lookup.apply(role.groupSetting()).ifPresent(value -> {
                for (String group : value.split(";")) {
                    if (!group.isBlank()) {
                        groups.add(group.trim());
                    }
                }
            });
            map.put(role, List.copyOf(groups));
        }
        return new RoleMapping(map);
    }

    /** The groups mapped to a role, as configured (DNs or names), in the order given; empty when none is. */
    public List<String> groupsOf(Role role) {
        return groupsByRole.get(role);
    }

    public Set<Role> rolesFor(Collection<String> groupDns) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String groupDn : groupDns) {
            for (Map.Entry<Role, List<String>> entry : groupsByRole.entrySet()) {
                if (entry.getValue().stream().anyMatch(configured -> matches(configured, groupDn))) {
                    roles.add(entry.getKey());
                }
            }
        }
        return roles;
    }

    static boolean matches(String configured, String groupDn) {
        try {
            DN actual = new DN(groupDn);
            if (configured.contains("=")) {
                return new DN(configured).equals(actual);
            }
            RDN first = actual.getRDN();
            return first != null && first.getAttributeValues().length > 0
                    && first.getAttributeValues()[0].toLowerCase(Locale.ROOT).equals(configured.toLowerCase(Locale.ROOT));
        } catch (LDAPException e) {
            return false;
        }
    }
}
