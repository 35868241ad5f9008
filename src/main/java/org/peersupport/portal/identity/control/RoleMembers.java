package org.peersupport.portal.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.PortalConfig;

/**
 * Who holds a portal role according to the directory now: the members of each group mapped to the role
 * ({@code portal.ldap.role.*}, read as {@link RoleMapping} reads it), as the portal's person records, found by stable
 * id and refreshed or created as for staff a coordinator finds ({@link PersonRecords#recordFound}). For telling
 * everyone in a role about something (a place request, a safeguarding concern); runs in the caller's transaction.
 * Nested groups are not followed, as in {@link Directory#groupMembers}.
 */
@ApplicationScoped
public class RoleMembers {

    private static final Logger LOG = Logger.getLogger(RoleMembers.class.getName());

    @Inject
    Directory directory;

    @Inject
    PortalConfig config;

    @Inject
    PersonRecords people;

    @Inject
    Clock clock;

    /**
     * The people who hold the role, each once, in the directory's order. Empty, with a warning logged, when the
     * directory cannot be reached: whoever asks wants to tell these people about a change, and an unreachable
     * directory must not undo that change.
     */
    public List<Person> holding(Role role) {
        Map<String, DirectoryAccount> accounts = new LinkedHashMap<>();
        try {
            for (String group : RoleMapping.from(config::value).groupsOf(role)) {
                directory.groupMembers(group).orElseGet(() -> {
                    LOG.log(Level.WARNING, "The directory has no group {0}, which is mapped to the role {1}",
                            new Object[] {group, role.roleName()});
                    return List.of();
                }).forEach(account -> accounts.putIfAbsent(account.stableId(), account));
            }
        } catch (DirectoryUnavailableException e) {
            LOG.log(Level.WARNING, "The directory could not be reached to find who holds the role {0}, so they are not "
                    + "told this time: {1}", new Object[] {role.roleName(), e.getMessage()});
            return List.of();
        }
        Instant now = Instant.now(clock);
        List<Person> holders = new ArrayList<>();
        for (DirectoryAccount account : accounts.values()) {
            holders.add(people.recordFound(account, now));
        }
        return holders;
    }
}
