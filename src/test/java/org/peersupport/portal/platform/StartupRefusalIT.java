package org.peersupport.portal.platform;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.peersupport.portal.support.EmbeddedServices;
import org.peersupport.portal.support.ItServices;

/**
 * A half-configured portal refuses to start: the WAR is deployed on a stock Payara Micro (as production does,
 * {@code java -jar payara-micro.jar --deploy portal.war}) with the database settings but no directory
 * settings, and the process must end on its own, naming every missing setting.
 */
class StartupRefusalIT {

    @Test
    void aHalfConfiguredPortalRefusesToStartAndNamesWhatIsMissing() throws Exception {
        Path build = ItServices.Paths.buildDirectory();
        Map<String, String> halfConfigured = new LinkedHashMap<>();
        halfConfigured.put("portal.db.url", "jdbc:postgresql://127.0.0.1:5/portal");
        halfConfigured.put("portal.db.user", "portal_app");
        halfConfigured.put("portal.db.password", "not-needed");
        halfConfigured.put("portal.ldap.url", "ldap://directory.example.org");
        Path settings = build.resolve("it/half-configured.properties");
        EmbeddedServices.writeProperties(halfConfigured, settings);
        Path log = build.resolve("it/startup-refusal.log");
        Path tmp = Files.createDirectories(build.resolve("it-tmp"));

        Process payara = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Djava.io.tmpdir=" + tmp, "-jar", build.resolve("payara-micro.jar").toString(),
                "--nocluster", "--port", Integer.toString(EmbeddedServices.freePort()),
                "--systemProperties", settings.toString(), "--deploy", build.resolve("portal.war").toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = payara.waitFor(3, TimeUnit.MINUTES);
        if (!ended) {
            payara.destroyForcibly().waitFor();
        }
        String output = Files.readString(log);

        assertTrue(ended, "Payara Micro kept running with a half-configured portal");
        assertNotEquals(0, payara.exitValue(), "the process reports failure");
        assertAll(
                () -> assertTrue(output.contains("The Peer Support Training Portal cannot start"), output),
                () -> assertTrue(output.contains("PORTAL_LDAP_BIND_DN (portal.ldap.bind.dn)"), "names the bind DN"),
                () -> assertTrue(output.contains("PORTAL_LDAP_USER_BASE_DN (portal.ldap.user.base-dn)"), "names the user base"),
                () -> assertTrue(output.contains("PORTAL_LDAP_ATTR_ID (portal.ldap.attr.id)"), "names the id attribute"),
                () -> assertTrue(output.contains("no directory group is mapped to any portal role"), "asks for a role mapping"),
                () -> assertTrue(output.contains("PORTAL_LDAP_ROLE_SAFEGUARDING (portal.ldap.role.safeguarding)"),
                        "asks for a safeguarding lead, so that a raised concern reaches someone"),
                () -> assertTrue(!output.contains("PORTAL_DB_URL (portal.db.url)"), "does not complain about what is set"));
    }
}
