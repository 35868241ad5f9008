package org.peersupport.portal.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Facts about deployment/demo-directory.ldif that tests on both sides of Arquillian need. */
public final class DemoDirectory {

    public static final String BASE_DN = "dc=demo,dc=peersupport,dc=org";
    public static final String SERVICE_DN = "cn=portal-service,ou=services," + BASE_DN;
    public static final String SERVICE_PASSWORD = "demo-service-password";
    public static final String PASSWORD = "demo-password";
    /** The demo service account HR and BI systems call the reporting API with (group hr-api, mapped to hr). */
    public static final String API_SERVICE_ACCOUNT = "hr-reporting-service";
    public static final String API_SERVICE_PASSWORD = "demo-service-api-password";

    private DemoDirectory() {
    }

    /** The {@code Authorization} header value that signs {@code username} in to the reporting API (HTTP Basic). */
    public static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static String personDn(String username) {
        return "uid=" + username + ",ou=people," + BASE_DN;
    }
}
