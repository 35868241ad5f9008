package org.peersupport.portal.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ResourceBundle;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peersupport.portal.support.DemoDirectory;
import org.peersupport.portal.support.Deployments;
import org.peersupport.portal.support.ItServices;

/**
 * Issue 13, points 4, 8 and 9, over HTTP as an attacker would try them: password guessing on the reporting API's
 * Basic sign-in per account and per address, a NUL in the username, and a forged {@code X-Forwarded-For}. Every
 * attack here comes from an address of its own (the tests' loopback is a trusted proxy, see ItServices) and aims at
 * accounts of its own, and the class deletes its throttle rows at the end, so no lock reaches another test class.
 */
@ExtendWith(ArquillianExtension.class)
class SignInThrottlingIT {

    private static final String API_TARGET = "throttle.api-target";
    private static final String ADDRESS_TARGET = "throttle.address-target";
    private static final String UNKNOWN = "throttle.nobody-here";
    private static final String API_ATTACKER = "198.51.100.13";
    private static final String UNKNOWN_ATTACKER = "198.51.100.14";
    private static final String ADDRESS_ATTACKER = "203.0.113.77";
    private static final String ELSEWHERE = "203.0.113.78";
    private static final String FORGED = "192.0.2.55";
    private static final String FORWARDED = "192.0.2.56";
    private static final String UNTRUSTED_CLIENT = "127.0.0.2";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.portal();
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void accountsOfTheirOwn() throws Exception {
        SignInAttacks.addAccount(API_TARGET);
        SignInAttacks.addAccount(ADDRESS_TARGET);
    }

    @AfterAll
    static void noLockOutlivesTheTests() throws Exception {
        SignInAttacks.forget("account:" + API_TARGET, "account:" + ADDRESS_TARGET, "account:" + UNKNOWN,
                "account:throttle.xff-untrusted", "account:throttle.xff-trusted", "account:throttle.nulinname",
                "address:" + API_ATTACKER, "address:" + UNKNOWN_ATTACKER, "address:" + ADDRESS_ATTACKER,
                "address:" + ELSEWHERE, "address:" + FORGED, "address:" + FORWARDED, "address:" + UNTRUSTED_CLIENT);
        SignInAttacks.removeAccount(API_TARGET);
        SignInAttacks.removeAccount(ADDRESS_TARGET);
    }

    @Test
    void aPasswordGuessedFifteenTimesOnTheApiIsRefusedAfterTheLimitAndTheLockIsAudited() throws Exception {
        long locksBefore = SignInAttacks.audits("SIGN_IN_LOCKED", API_TARGET);
        List<Integer> answers = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int guess = 1; guess <= 15; guess++) {
            last = api(API_TARGET, "guess-" + guess, API_ATTACKER);
            answers.add(last.statusCode());
        }
        assertEquals(List.of(401, 401, 401, 401, 429, 429, 429, 429, 429, 429, 429, 429, 429, 429, 429), answers,
                "four wrong passwords are answered as wrong; from the fifth the account is locked");
        long retryAfter = Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 10 * 60 && retryAfter <= 15 * 60, "locked for the window of 15 minutes: " + retryAfter);
        // the API's own JSON problem, as its other refusals, with the wait in words
        assertTrue(last.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                last.headers().map().toString());
        JsonObject problem = Json.createReader(new StringReader(last.body())).readObject();
        assertEquals(429, problem.getInt("status"), last.body());
        assertEquals(MessageFormat.format(ResourceBundle.getBundle("org.peersupport.portal.i18n.messages")
                .getString("api.locked"), Long.toString(retryAfter)), problem.getString("message"), last.body());
        assertEquals(locksBefore + 1, SignInAttacks.audits("SIGN_IN_LOCKED", API_TARGET), "the lock is audited once");

        assertEquals(429, api(API_TARGET, DemoDirectory.PASSWORD, API_ATTACKER).statusCode(),
                "the right password is refused too while the lock lasts");
        assertEquals(429, api(API_TARGET, DemoDirectory.PASSWORD, ELSEWHERE).statusCode(),
                "from any address: the account is locked");

        SignInAttacks.letTheWindowPass("account:" + API_TARGET);
        assertEquals(403, api(API_TARGET, DemoDirectory.PASSWORD, API_ATTACKER).statusCode(),
                "once the window has passed the right password signs in (the account has no HR role, hence 403)");
        assertEquals(null, SignInAttacks.lockedUntil("account:" + API_TARGET), "a sign-in forgets the account's failures");
    }

    @Test
    void anUnknownAccountIsAnsweredExactlyAsAKnownOne() throws Exception {
        List<Integer> answers = new ArrayList<>();
        for (int guess = 1; guess <= 6; guess++) {
            answers.add(api(UNKNOWN, "guess-" + guess, UNKNOWN_ATTACKER).statusCode());
        }
        assertEquals(List.of(401, 401, 401, 401, 429, 429), answers, "the same answers as for an account that exists");
        assertEquals(1, SignInAttacks.audits("SIGN_IN_LOCKED", UNKNOWN));
    }

    @Test
    void anAddressThatFailsTooOftenIsLockedForEveryAccount() throws Exception {
        int limit = Integer.parseInt(testSettings().getProperty("portal.signin.address-max-failures"));
        // as if this address had already tried the limit but one, each with another account
        SignInAttacks.seedFailures("address:" + ADDRESS_ATTACKER, limit - 1);
        assertEquals(429, api("throttle.someone-else", "guess", ADDRESS_ATTACKER).statusCode(),
                "the failure that reaches the address's limit locks it");
        assertNotNull(SignInAttacks.lockedUntil("address:" + ADDRESS_ATTACKER));
        assertEquals(429, api(ADDRESS_TARGET, DemoDirectory.PASSWORD, ADDRESS_ATTACKER).statusCode(),
                "a correct password of another account from the locked address is refused");
        assertEquals(403, api(ADDRESS_TARGET, DemoDirectory.PASSWORD, ELSEWHERE).statusCode(),
                "the same account signs in from another address");
        SignInAttacks.forget("account:throttle.someone-else");
    }

    @Test
    void aNulInTheUsernameIsRefusedWithoutAServerErrorAndAuditedWithoutIt() throws Exception {
        long before = SignInAttacks.audits("SIGN_IN_FAILED", "throttle.nulinname");
        HttpResponse<String> response = api("throttle.nul\u0000in\u0007name", "whatever", API_ATTACKER);
        assertEquals(401, response.statusCode(), response.body());
        assertEquals(before + 1, SignInAttacks.audits("SIGN_IN_FAILED", "throttle.nulinname"),
                "the failed sign-in is audited, control characters removed");
    }

    @Test
    void xForwardedForIsBelievedOnlyFromATrustedProxy() throws Exception {
        // from 127.0.0.2, which is not a trusted proxy: the forged header is ignored
        int status = rawApiCall(UNTRUSTED_CLIENT, "throttle.xff-untrusted", "wrong", FORGED);
        assertEquals(401, status);
        assertEquals(UNTRUSTED_CLIENT, SignInAttacks.latestRemoteAddress("SIGN_IN_FAILED", "throttle.xff-untrusted"),
                "the audit trail records the connection's address, not the forged one");
        assertEquals(null, SignInAttacks.lockedUntil("address:" + FORGED));

        // from loopback, the tests' trusted proxy: the client it names is the client
        assertEquals(401, api("throttle.xff-trusted", "wrong", FORWARDED).statusCode());
        assertEquals(FORWARDED, SignInAttacks.latestRemoteAddress("SIGN_IN_FAILED", "throttle.xff-trusted"));
        assertNotEquals(FORGED, SignInAttacks.latestRemoteAddress("SIGN_IN_FAILED", "throttle.xff-untrusted"));
    }

    private HttpResponse<String> api(String username, String password, String forwardedFor) throws Exception {
        // to loopback, the tests' trusted proxy (the deployment's own URL may name the machine's outside address)
        URI loopback = URI.create("http://127.0.0.1:" + base.getPort() + base.getPath()
                + "api/completions?since=2030-01-01&size=1");
        HttpRequest request = HttpRequest.newBuilder(loopback)
                .header("Authorization", DemoDirectory.basic(username, password)).header("X-Forwarded-For", forwardedFor)
                .GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** One API call over a socket bound to {@code localAddress}, so the portal sees the connection come from it. */
    private int rawApiCall(String localAddress, String username, String password, String forwardedFor)
            throws Exception {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 10_000);
            socket.setSoTimeout(30_000);
            String request = "GET " + base.getPath() + "api/completions?since=2030-01-01&size=1 HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + base.getPort() + "\r\n"
                    + "Authorization: " + DemoDirectory.basic(username, password) + "\r\n"
                    + "X-Forwarded-For: " + forwardedFor + "\r\n"
                    + "Connection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            String statusLine = response.substring(0, response.indexOf("\r\n"));
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private static Properties testSettings() throws Exception {
        Properties settings = new Properties();
        try (InputStream in = Files.newInputStream(ItServices.Paths.buildDirectory().resolve("it/portal-it.properties"))) {
            settings.load(in);
        }
        return settings;
    }

}
