package org.peersupport.portal.platform.control;

import java.net.URI;
import java.util.Locale;

/** Demo mode is an explicit flag and only ever runs against a directory on the loopback address. */
public final class DemoMode {

    private DemoMode() {
    }

    public static boolean isLoopback(String ldapUrl) {
        try {
            String host = URI.create(ldapUrl.trim()).getHost();
            if (host == null) {
                return false;
            }
            String h = host.toLowerCase(Locale.ROOT);
            return h.equals("localhost") || h.matches("127(\\.\\d{1,3}){3}") || h.equals("[::1]") || h.equals("::1");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
