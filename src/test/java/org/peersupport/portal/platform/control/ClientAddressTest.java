package org.peersupport.portal.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 13, point 9: whose address a request is, with and without trusted proxies. */
class ClientAddressTest {

    private static final List<ClientAddress.Range> NONE = List.of();
    private static final List<ClientAddress.Range> PROXIES = ClientAddress.parse("10.0.0.5, 10.1.0.0/16,2001:db8::/32");

    @Test
    void withNoTrustedProxyTheHeaderIsIgnored() {
        assertEquals("203.0.113.9", ClientAddress.resolve("203.0.113.9", List.of("192.0.2.1"), NONE));
    }

    @Test
    void aForgedHeaderFromAnUntrustedClientIsIgnored() {
        assertEquals("203.0.113.9", ClientAddress.resolve("203.0.113.9", List.of("10.0.0.5, 192.0.2.1"), PROXIES));
    }

    @Test
    void behindTrustedProxiesTheClientIsTheRightMostUntrustedHop() {
        // the client wrote "192.0.2.66" itself; the proxy appended the address it saw
        assertEquals("198.51.100.4",
                ClientAddress.resolve("10.0.0.5", List.of("192.0.2.66, 198.51.100.4, 10.1.2.3"), PROXIES));
        assertEquals("198.51.100.4", ClientAddress.resolve("10.0.0.5", List.of("192.0.2.66", "198.51.100.4"), PROXIES));
        assertEquals("2001:db9:0:0:0:0:0:1", ClientAddress.resolve("2001:db8::7", List.of("2001:db9::1"), PROXIES));
    }

    @Test
    void aTrustedProxyWithoutAHeaderOrWithGarbageIsTheClient() {
        assertEquals("10.0.0.5", ClientAddress.resolve("10.0.0.5", List.of(), PROXIES));
        assertEquals("10.0.0.5", ClientAddress.resolve("10.0.0.5", List.of("example.org"), PROXIES));
        assertEquals("10.0.0.5", ClientAddress.resolve("10.0.0.5", List.of("999.1.1.1"), PROXIES));
        assertEquals("198.51.100.4", ClientAddress.resolve("10.0.0.5", List.of("<script>, 198.51.100.4"), PROXIES),
                "nothing left of a garbled hop is believed");
    }

    @Test
    void namesAreNeverLookedUpAndBadSettingsAreRefused() {
        assertTrue(ClientAddress.literal("localhost").isEmpty());
        assertTrue(ClientAddress.literal("cafe.example").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> ClientAddress.parse("proxy.internal"));
        assertThrows(IllegalArgumentException.class, () -> ClientAddress.parse("10.0.0.0/33"));
        assertTrue(ConfigurationProblems.find(setting -> setting == PortalSetting.PROXY_TRUSTED
                ? java.util.Optional.of("10.0.0.0/8, proxy") : java.util.Optional.empty()).stream()
                .anyMatch(problem -> problem.contains("portal.proxy.trusted")));
    }
}
