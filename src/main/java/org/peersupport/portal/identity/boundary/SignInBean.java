package org.peersupport.portal.identity.boundary;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.ValidatorException;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.peersupport.portal.identity.control.SignInNames;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.SessionSettings;
import org.peersupport.portal.platform.boundary.StatelessViewMaps;
import org.peersupport.portal.platform.control.PortalConfig;
import org.peersupport.portal.platform.control.UkTime;

/** Backs {@code signin.xhtml}: form sign-in through Jakarta Security. */
@Named
@RequestScoped
public class SignInBean {

    /** Marks a browser that was signed in, so an ended session can be explained on the sign-in page. */
    public static final String SIGNED_IN_COOKIE = "portal-signed-in";

    private String username;

    private String password;

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    @Inject
    ExternalContext external;

    @Inject
    Messages messages;

    @Inject
    PortalConfig config;

    @Inject
    Clock clock;

    private static final DateTimeFormatter UNTIL = UkTime.TIME
            .withZone(UkTime.ZONE);

    /** On opening the page: signed-in people go home; an ended session is explained. */
    public void open() throws IOException {
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (request.getRemoteUser() != null) {
            external.redirect(external.getRequestContextPath() + "/home.xhtml");
            return;
        }
        String reason = external.getRequestParameterMap().get("reason");
        if (SessionLifetimeFilter.REASON.equals(reason)) {
            messages.info(null, "signin.sessionLifetime", SessionSettings.maxHours(config));
            if (hasSignedInMarker(request)) {
                forgetSignedIn();
            }
        } else if (hasSignedInMarker(request) && !faces.isPostback()) {
            messages.info(null, "signin.sessionEnded");
            forgetSignedIn();
        }
        if ("signedOut".equals(reason)) {
            messages.info(null, "signin.signedOut");
        }
    }

    /** A username holding NUL or another control character is refused next to the field, before any sign-in. */
    public void validateUsername(FacesContext context, UIComponent component, Object value) {
        if (value instanceof String text && SignInNames.hasControlCharacters(text)) {
            throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    messages.text("signin.username.controlCharacters"), null));
        }
    }

    public void signIn() throws IOException {
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        AuthenticationStatus status = securityContext.authenticate(request, response, withParams()
                .credential(new UsernamePasswordCredential(SignInNames.clean(username), new Password(password)))
                .newAuthentication(true));
        password = null;
        switch (status) {
            case SEND_CONTINUE -> {
                signedIn(request);
                faces.responseComplete();
            }
            case SUCCESS -> {
                signedIn(request);
                external.redirect(external.getRequestContextPath() + "/home.xhtml");
            }
            default -> {
                Object lockedUntil = request.getAttribute(DirectoryIdentityStore.LOCKED_UNTIL);
                if (lockedUntil instanceof Instant until) {
                    // the same for every account, known or not, so the message tells nothing of who exists
                    messages.error(null, "signin.locked", UNTIL.format(until));
                } else {
                    boolean directoryDown = request.getAttribute(DirectoryIdentityStore.DIRECTORY_UNAVAILABLE) != null;
                    messages.error(null, directoryDown ? "signin.directoryUnavailable" : "signin.failed");
                }
            }
        }
    }

    private void signedIn(HttpServletRequest request) {
        StatelessViewMaps.forgetViews(external);
        rememberSignedIn(request);
        SessionLifetimeFilter.startLifetime(request, Instant.now(clock));
    }

    private boolean hasSignedInMarker(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return false;
        }
        for (Cookie cookie : request.getCookies()) {
            if (SIGNED_IN_COOKIE.equals(cookie.getName())) {
                return true;
            }
        }
        return false;
    }

    private void rememberSignedIn(HttpServletRequest request) {
        external.addResponseCookie(SIGNED_IN_COOKIE, "1", cookieProperties(-1, request.isSecure()));
    }

    private void forgetSignedIn() {
        forgetSignedIn(external);
    }

    /** The signed-in caller's name as the directory gave it at sign-in, or null when this session has none kept. */
    public static String signedInName(HttpServletRequest request) {
        SignedInRoles signedIn = SignedInRoles.of(request);
        return signedIn == null ? null : signedIn.displayName();
    }

    /** Removes the signed-in marker, e.g. on sign-out, so the next sign-in page does not speak of an ended session. */
    public static void forgetSignedIn(ExternalContext external) {
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        external.addResponseCookie(SIGNED_IN_COOKIE, "", cookieProperties(0, request.isSecure()));
    }

    private static java.util.Map<String, Object> cookieProperties(int maxAge, boolean secure) {
        return java.util.Map.of("maxAge", maxAge, "httpOnly", true, "secure", secure, "path", "/",
                "SameSite", "Lax");
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
