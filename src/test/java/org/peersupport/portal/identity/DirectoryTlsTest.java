package org.peersupport.portal.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import com.unboundid.util.ssl.cert.ManageCertificates;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peersupport.portal.identity.control.Directory;
import org.peersupport.portal.identity.control.DirectoryAccount;
import org.peersupport.portal.identity.control.DirectoryUnavailableException;
import org.peersupport.portal.identity.control.RoleMapping;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.PortalConfig;
import org.peersupport.portal.platform.control.PortalSetting;

/**
 * The directory client against a real LDAP server over TLS: ldaps://, StartTLS, certificate and host-name
 * checks, and an Active Directory-shaped entry (sAMAccountName, memberOf, department, company).
 */
class DirectoryTlsTest {

    private static final String BASE = "dc=trust,dc=nhs,dc=uk";
    private static final String KEYSTORE_PASSWORD = "test-only-keystore";

    @TempDir
    static Path folder;

    private static InMemoryDirectoryServer server;

    @BeforeAll
    static void startDirectoryWithTls() throws Exception {
        Path keystore = folder.resolve("directory.p12");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultCode result = ManageCertificates.main(null, out, out, "generate-self-signed-certificate",
                "--keystore", keystore.toString(), "--keystore-password", KEYSTORE_PASSWORD, "--keystore-type", "PKCS12",
                "--alias", "directory", "--subject-dn", "CN=localhost", "--days-valid", "2",
                "--subject-alternative-name-dns", "localhost", "--key-algorithm", "RSA", "--key-size-bits", "2048");
        assertEquals(ResultCode.SUCCESS, result, out.toString());
        result = ManageCertificates.main(null, out, out, "generate-self-signed-certificate",
                "--keystore", keystore.toString(), "--keystore-password", KEYSTORE_PASSWORD, "--keystore-type", "PKCS12",
                "--alias", "other", "--subject-dn", "CN=directory.other.example", "--days-valid", "2",
                "--subject-alternative-name-dns", "directory.other.example", "--key-algorithm", "RSA", "--key-size-bits", "2048");
        assertEquals(ResultCode.SUCCESS, result, out.toString());
        // The portal trusts what the JVM trusts: here, a trust store holding the directory's certificate.
        System.setProperty("javax.net.ssl.trustStore", keystore.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", KEYSTORE_PASSWORD);
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");

        SSLUtil serverSsl = new SSLUtil(new KeyStoreKeyManager(keystore.toFile(), KEYSTORE_PASSWORD.toCharArray(),
                "PKCS12", "directory"), new TrustAllTrustManager());
        SSLUtil otherNameSsl = new SSLUtil(new KeyStoreKeyManager(keystore.toFile(), KEYSTORE_PASSWORD.toCharArray(),
                "PKCS12", "other"), new TrustAllTrustManager());
        SSLUtil clientSsl = new SSLUtil(new TrustAllTrustManager());
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.setSchema(null); // allows AD's attributes (sAMAccountName, memberOf) without its schema
        InetAddress loopback = InetAddress.getLoopbackAddress();
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPSConfig("ldaps", loopback, 0,
                        serverSsl.createSSLServerSocketFactory(), clientSsl.createSSLSocketFactory()),
                InMemoryListenerConfig.createLDAPConfig("starttls", loopback, 0, serverSsl.createSSLSocketFactory()),
                InMemoryListenerConfig.createLDAPSConfig("ldaps-other-name", loopback, 0,
                        otherNameSsl.createSSLServerSocketFactory(), clientSsl.createSSLSocketFactory()));
        server = new InMemoryDirectoryServer(config);
        server.add("dn: " + BASE, "objectClass: domain", "dc: trust");
        server.add("dn: OU=Staff," + BASE, "objectClass: organizationalUnit", "ou: Staff");
        server.add("dn: CN=svc-peer-portal,OU=Staff," + BASE, "objectClass: user", "cn: svc-peer-portal",
                "userPassword: service-secret");
        server.add("dn: CN=Asha Patel,OU=Staff," + BASE, "objectClass: user", "cn: Asha Patel",
                "sAMAccountName: apatel", "displayName: Asha Patel", "mail: asha.patel@trust.nhs.uk",
                "title: Peer Support Worker", "department: Crisis Team", "company: Northshire Trust",
                "employeeID: 00123", "userPassword: asha-secret",
                "manager: CN=Carter\\, Ben,OU=Staff," + BASE,
                "memberOf: CN=Peer Support Candidates,OU=Groups," + BASE,
                "memberOf: CN=Canteen Committee,OU=Groups," + BASE);
        // AD escapes the comma in "Carter, Ben": the DN must be parsed, not split on commas
        server.add("dn: CN=Carter\\, Ben,OU=Staff," + BASE, "objectClass: user", "cn: Carter, Ben",
                "sAMAccountName: bcarter", "displayName: Ben Carter", "employeeID: 00007");
        server.add("dn: CN=Dev Shah,OU=Staff," + BASE, "objectClass: user", "cn: Dev Shah", "sAMAccountName: dshah",
                "displayName: Dev Shah", "employeeID: 00124", "manager: CN=Someone,OU=Elsewhere,dc=other,dc=org");
        server.startListening();
    }

    @AfterAll
    static void stop() {
        server.shutDown(true);
    }

    private static Directory directory(String url, boolean startTls) {
        Map<PortalSetting, String> settings = new HashMap<>();
        settings.put(PortalSetting.LDAP_URL, url);
        settings.put(PortalSetting.LDAP_STARTTLS, Boolean.toString(startTls));
        settings.put(PortalSetting.LDAP_BIND_DN, "CN=svc-peer-portal,OU=Staff," + BASE);
        settings.put(PortalSetting.LDAP_BIND_PASSWORD, "service-secret");
        settings.put(PortalSetting.LDAP_USER_BASE_DN, "OU=Staff," + BASE);
        settings.put(PortalSetting.LDAP_USER_FILTER, "(&(objectClass=user)(sAMAccountName={0}))");
        settings.put(PortalSetting.LDAP_USER_MEMBER_OF, "memberOf");
        settings.put(PortalSetting.LDAP_ATTR_ID, "employeeID");
        settings.put(PortalSetting.LDAP_ATTR_USERNAME, "sAMAccountName");
        settings.put(PortalSetting.LDAP_ATTR_DEPARTMENT, "department");
        settings.put(PortalSetting.LDAP_ATTR_ORGANISATION, "company");
        settings.put(PortalSetting.ROLE_CANDIDATE, "CN=Peer Support Candidates,OU=Groups," + BASE);
        Directory directory = new Directory();
        directory.useConfig(new PortalConfig() {
            @Override
            protected Optional<String> lookup(String key) {
                for (PortalSetting setting : PortalSetting.values()) {
                    if (setting.key().equals(key)) {
                        return Optional.ofNullable(settings.get(setting));
                    }
                }
                return Optional.empty();
            }
        });
        return directory;
    }

    private static void assertAsha(Directory directory) {
        DirectoryAccount asha = directory.authenticate("apatel", "asha-secret".toCharArray()).orElseThrow();
        assertEquals("00123", asha.stableId());
        assertEquals("apatel", asha.profile().username());
        assertEquals("Asha Patel", asha.profile().displayName());
        assertEquals("Crisis Team", asha.profile().department());
        assertEquals("Northshire Trust", asha.profile().organisation());
        assertEquals("Ben Carter", asha.profile().lineManager(), "the manager's display name, read from their entry");
        assertEquals(null, directory.lookup("dshah").orElseThrow().profile().lineManager(),
                "a manager outside the people base is not read");
        assertEquals(null, directory.lookup("bcarter").orElseThrow().profile().lineManager(), "no manager attribute");
        assertEquals(2, asha.groupDns().size());
        RoleMapping mapping = RoleMapping.from(setting -> setting == PortalSetting.ROLE_CANDIDATE
                ? Optional.of("CN=Peer Support Candidates,OU=Groups," + BASE) : Optional.empty());
        assertEquals(Set.of(Role.CANDIDATE), mapping.rolesFor(asha.groupDns()));
        assertTrue(directory.authenticate("apatel", "wrong".toCharArray()).isEmpty());
        assertTrue(directory.isReachable());
    }

    @Test
    void signsInOverLdapsWithAnActiveDirectoryShapedEntry() {
        Directory directory = directory("ldaps://localhost:" + server.getListenPort("ldaps"), false);
        try {
            assertAsha(directory);
        } finally {
            directory.close();
        }
    }

    @Test
    void signsInOverStartTls() {
        Directory directory = directory("ldap://localhost:" + server.getListenPort("starttls"), true);
        try {
            assertAsha(directory);
        } finally {
            directory.close();
        }
    }

    @Test
    void refusesADirectoryWhoseCertificateDoesNotMatchItsName() {
        // A trusted certificate, but issued to directory.other.example: host-name verification must refuse it.
        Directory directory = directory("ldaps://localhost:" + server.getListenPort("ldaps-other-name"), false);
        try {
            assertThrows(DirectoryUnavailableException.class,
                    () -> directory.authenticate("apatel", "asha-secret".toCharArray()));
            assertFalse(directory.isReachable());
        } finally {
            directory.close();
        }
    }
}
