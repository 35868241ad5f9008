package org.peersupport.portal.identity.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;
import org.peersupport.portal.identity.control.Callers;
import org.peersupport.portal.platform.boundary.DatabaseOutageFilter;
import org.peersupport.portal.platform.boundary.JsonProblem;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.control.DatabaseOutage;

/**
 * The portal's authentication mechanism: HTTP Basic for the reporting API ({@code /api/*}), so that HR and BI
 * systems sign in with a directory service account, and the sign-in form ({@link SecurityConfiguration}) for
 * everything else.
 *
 * <p>Jakarta Security 3 (Soteria in Payara 6) puts one mechanism into service. This one is an enabled alternative,
 * so it is that one; it delegates every non-API request to the form mechanism that
 * {@code @CustomFormAuthenticationMechanismDefinition} defines, found as the other {@code HttpAuthenticationMechanism}
 * bean (the pattern of the Jakarta EE security examples for wrapping a built-in mechanism). Basic credentials are
 * checked by the same {@link IdentityStoreHandler}, so by the same directory bind and group-to-role mapping as a
 * sign-in; no password is compared or hashed here. API callers get no session: each request authenticates, and the
 * identity store marks the request with the person it resolved from the directory's stable id ({@link Callers}),
 * exactly as at a form sign-in.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class ApiAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String REALM = "Basic realm=\"Peer Support Training Portal API\", charset=\"UTF-8\"";

    @Inject
    BeanManager beans;

    @Inject
    IdentityStoreHandler identityStores;

    private volatile HttpAuthenticationMechanism form;

    static final int TOO_MANY_REQUESTS = 429;

    /**
     * Soteria's {@code @LoginToContinue} marks the session when the sign-in page calls
     * {@code SecurityContext.authenticate} with {@code newAuthentication}, and removes the mark only when the sign-in
     * succeeds. After a failed sign-in the mark stayed, and every later request of the session was treated as the
     * continuation of that caller-initiated sign-in: the form mechanism found no credentials, did nothing, and a
     * protected page answered 200 with an empty body instead of sending the person to the sign-in page. A sign-in
     * through the form completes within its own request, so no mark is needed on any later request.
     */
    static final String SOTERIA_CALLER_INITIATED = "org.glassfish.soteria.caller_initiated_authentication";

    static void forgetAbandonedSignIn(HttpServletRequest request) {
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        try {
            if (session.getAttribute(SOTERIA_CALLER_INITIATED) != null) {
                session.removeAttribute(SOTERIA_CALLER_INITIATED);
            }
        } catch (IllegalStateException invalidated) {
            // the session ended meanwhile: nothing left to forget
        }
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        if (!JsonProblem.isApi(request)) {
            if (!context.isAuthenticationRequest()) {
                forgetAbandonedSignIn(request);
            }
            SignedInRoles signedIn = context.isAuthenticationRequest() ? null : SignedInRoles.of(request);
            if (signedIn != null) {
                // a signed-in session: name its groups to the container ourselves (see SignedInRoles, Payara issue 6145),
                // and its person by id to the boundaries (see Callers)
                Callers.mark(request, signedIn.caller(), signedIn.personId());
                return context.notifyContainerAboutLogin(signedIn.caller(), signedIn.roles());
            }
            return form().validateRequest(request, response, context);
        }
        UsernamePasswordCredential credential = basicCredential(request.getHeader("Authorization"));
        if (credential != null) {
            CredentialValidationResult result;
            try {
                result = validate(credential);
            } catch (RuntimeException e) {
                if (!DatabaseOutage.isCause(e)) {
                    throw e;
                }
                // the sign-in cannot be checked without the database: 503 and the API's JSON problem, as a page would
                try {
                    DatabaseOutageFilter.unavailable(request, response);
                } catch (java.io.IOException written) {
                    throw new AuthenticationException(written);
                }
                return AuthenticationStatus.SEND_FAILURE;
            }
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
            if (request.getAttribute(DirectoryIdentityStore.LOCKED_UNTIL) instanceof Instant until) {
                // too many failed sign-ins of this account or from this address: refused unchecked until then
                long seconds = Math.max(1, Duration.between(Instant.now(), until).toSeconds() + 1);
                response.setHeader("Retry-After", Long.toString(seconds));
                try {
                    JsonProblem.write(response, TOO_MANY_REQUESTS, MessageFormat.format(
                            ResourceBundle.getBundle(Messages.BUNDLE).getString("api.locked"), Long.toString(seconds)));
                } catch (java.io.IOException e) {
                    throw new AuthenticationException(e);
                }
                return AuthenticationStatus.SEND_FAILURE;
            }
        }
        if (credential == null && !context.isProtected()) {
            return context.doNothing();
        }
        response.setHeader("WWW-Authenticate", REALM);
        return context.responseUnauthorized();
    }

    @Override
    public AuthenticationStatus secureResponse(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        return JsonProblem.isApi(request) ? AuthenticationStatus.SUCCESS
                : form().secureResponse(request, response, context);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (JsonProblem.isApi(request)) {
            context.cleanClientSubject();
        } else {
            form().cleanSubject(request, response, context);
        }
    }

    /** Sign-ins of one account on this node take turns (64 stripes by username, so memory stays bounded). */
    private final Object[] stripes = java.util.stream.Stream.generate(Object::new).limit(64).toArray();

    /**
     * Validates through the identity stores. An API client may send several requests at once with the same account;
     * each records a sign-in on the same person row, and of two simultaneous updates one fails the optimistic lock.
     * So sign-ins of one account take turns on this node, and one that still collides (with another node) is
     * validated again, a few times at most.
     */
    private CredentialValidationResult validate(UsernamePasswordCredential credential) {
        Object stripe = stripes[Math.floorMod(credential.getCaller().toLowerCase(java.util.Locale.ROOT).hashCode(),
                stripes.length)];
        RuntimeException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                synchronized (stripe) {
                    return identityStores.validate(credential);
                }
            } catch (RuntimeException concurrentSignIn) {
                last = concurrentSignIn;
            }
        }
        throw last;
    }

    /** The username and password of an {@code Authorization: Basic ...} header, or null if there is none or it is bad. */
    static UsernamePasswordCredential basicCredential(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || colon == decoded.length() - 1) {
            return null;
        }
        return new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    private HttpAuthenticationMechanism form() {
        HttpAuthenticationMechanism mechanism = form;
        if (mechanism == null) {
            Set<Bean<?>> others = beans.getBeans(HttpAuthenticationMechanism.class).stream()
                    .filter(bean -> !bean.getBeanClass().equals(ApiAuthenticationMechanism.class))
                    .collect(Collectors.toSet());
            Bean<?> bean = beans.resolve(others);
            if (bean == null) {
                throw new IllegalStateException("no form authentication mechanism to delegate to");
            }
            mechanism = (HttpAuthenticationMechanism) beans.getReference(bean, HttpAuthenticationMechanism.class,
                    beans.createCreationalContext(bean));
            form = mechanism;
        }
        return mechanism;
    }
}
