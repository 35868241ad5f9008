package org.peersupport.portal.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.unboundid.ldap.sdk.Filter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.peersupport.portal.identity.control.DirectoryFilters;
import org.peersupport.portal.identity.control.RoleMapping;
import org.peersupport.portal.identity.control.StableIds;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.PortalSetting;

class DirectoryLogicTest {

    @Test
    void filterValuesAreEscapedSoAUsernameCannotChangeTheSearch() throws Exception {
        Filter filter = DirectoryFilters.fromTemplate("(&(objectClass=inetOrgPerson)(uid={0}))", "*)(uid=*");
        assertEquals("(&(objectClass=inetOrgPerson)(uid=\\2a\\29\\28uid=\\2a))", filter.toString());
        Filter plain = DirectoryFilters.fromTemplate("(sAMAccountName={0})", "jo.bloggs");
        assertEquals("(sAMAccountName=jo.bloggs)", plain.toString());
    }

    @Test
    void issue4_aPeopleSearchIsParameterisedSoTheTextCannotAddFilterSyntax() throws Exception {
        Filter filter = DirectoryFilters.containing(List.of("cn", "mail"), "*)(objectClass=*");
        assertEquals("(&(objectClass=person)(|(cn=*\\2a\\29\\28objectClass=\\2a*)(mail=*\\2a\\29\\28objectClass=\\2a*)))",
                filter.toString());
        assertEquals("(&(objectClass=person)(|(cn=*okafor*)(uid=*okafor*)))",
                DirectoryFilters.containing(List.of("cn", "uid"), "okafor").toString());
        assertThrows(IllegalArgumentException.class, () -> DirectoryFilters.containing(List.of("cn)(x"), "a"));
    }

    @Test
    void groupsMapToRolesByDnOrByNameAndOnePersonCanHoldSeveral() {
        Map<PortalSetting, String> settings = Map.of(
                PortalSetting.ROLE_CANDIDATE, "cn=p2p-candidates,ou=groups,dc=example,dc=org",
                PortalSetting.ROLE_SUPERVISOR, "CN=P2P Assessors,OU=Groups,DC=trust,DC=nhs,DC=uk; p2p-supervisors",
                PortalSetting.ROLE_HR, "Workforce");
        RoleMapping mapping = RoleMapping.from(setting -> Optional.ofNullable(settings.get(setting)));

        assertEquals(Set.of(Role.CANDIDATE), mapping.rolesFor(List.of("CN=P2P-Candidates, OU=Groups, DC=Example, DC=Org")));
        assertEquals(Set.of(Role.SUPERVISOR, Role.HR), mapping.rolesFor(List.of(
                "cn=p2p assessors,ou=groups,dc=trust,dc=nhs,dc=uk", "CN=Workforce,OU=Groups,DC=trust,DC=nhs,DC=uk")));
        assertEquals(Set.of(Role.SUPERVISOR), mapping.rolesFor(List.of("cn=p2p-supervisors,ou=other,dc=example,dc=org")));
        assertEquals(Set.of(), mapping.rolesFor(List.of("cn=everyone,ou=groups,dc=example,dc=org", "not a dn")));
    }

    @Test
    void activeDirectoryObjectGuidBecomesItsUsualTextForm() {
        byte[] guid = {(byte) 0x78, 0x56, 0x34, 0x12, 0x34, 0x12, 0x78, 0x56,
                (byte) 0x90, (byte) 0xab, (byte) 0xcd, (byte) 0xef, 0x12, 0x34, 0x56, 0x78};
        assertEquals("12345678-1234-5678-90ab-cdef12345678", StableIds.fromObjectGuid(guid));
        assertThrows(IllegalArgumentException.class, () -> StableIds.fromObjectGuid(new byte[3]));
    }
}
