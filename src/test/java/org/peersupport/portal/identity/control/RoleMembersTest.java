package org.peersupport.portal.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.PortalConfig;

/**
 * Issue 14: whoever tells a role's holders about a change (a place request, a safeguarding concern) asks
 * {@link RoleMembers}; when the directory cannot be reached it finds nobody and logs a warning instead of failing, so
 * the change itself (in the caller's transaction) stands. The directory here is a port where nothing listens.
 */
class RoleMembersTest {

    @Test
    void issue14_whenTheDirectoryCannotBeReachedNobodyIsToldAndAWarningIsLogged() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> settings = Map.of(
                "portal.ldap.url", "ldap://127.0.0.1:" + closedPort,
                "portal.ldap.bind.dn", "cn=portal-service,ou=services,dc=example,dc=org",
                "portal.ldap.bind.password", "not-used",
                "portal.ldap.group.base-dn", "ou=groups,dc=example,dc=org",
                "portal.ldap.role.coordinator", "cn=p2p-coordinators,ou=groups,dc=example,dc=org; trainers");
        PortalConfig config = new PortalConfig() {
            @Override
            protected Optional<String> lookup(String key) {
                return Optional.ofNullable(settings.get(key));
            }
        };
        RoleMembers members = new RoleMembers();
        members.config = config;
        members.directory = new Directory();
        members.directory.useConfig(config);
        members.clock = Clock.systemUTC();
        members.people = new PersonRecords() {
            @Override
            public Person recordFound(DirectoryAccount account, Instant now) {
                return fail("nobody is recorded: the directory named nobody");
            }
        };
        List<LogRecord> logged = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(RoleMembers.class.getName());
        logger.addHandler(handler);
        try {
            assertEquals(List.of(), members.holding(Role.COORDINATOR));
        } finally {
            logger.removeHandler(handler);
            members.directory.close();
        }
        assertTrue(logged.stream().anyMatch(r -> r.getLevel() == Level.WARNING
                && r.getMessage().startsWith("The directory could not be reached to find who holds the role {0}")
                && "coordinator".equals(r.getParameters()[0])), "a warning names the role");
    }
}
