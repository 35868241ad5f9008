package org.peersupport.portal.identity.boundary;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
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
import org.peersupport.portal.platform.boundary.Messages;

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

    /** On opening the page: signed-in people go home; an ended session is explained. */
    public void open() throws IOException {
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (request.getRemoteUser() != null) {
            external.redirect(external.getRequestContextPath() + "/home.xhtml");
            return;
        }
        if (hasSignedInMarker(request) && !faces.isPostback()) {
            messages.info(null, "signin.sessionEnded");
            forgetSignedIn();
        }
        if ("signedOut".equals(external.getRequestParameterMap().get("reason"))) {
            messages.info(null, "signin.signedOut");
        }
    }

    public void signIn() throws IOException {
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        AuthenticationStatus status = securityContext.authenticate(request, response, withParams()
                .credential(new UsernamePasswordCredential(username.strip(), new Password(password)))
                .newAuthentication(true));
        password = null;
        switch (status) {
            case SEND_CONTINUE -> {
                rememberSignedIn(request);
                faces.responseComplete();
            }
            case SUCCESS -> {
                rememberSignedIn(request);
                external.redirect(external.getRequestContextPath() + "/home.xhtml");
            }
            default -> {
                boolean directoryDown = request.getAttribute(DirectoryIdentityStore.DIRECTORY_UNAVAILABLE) != null;
                messages.error(null, directoryDown ? "signin.directoryUnavailable" : "signin.failed");
            }
        }
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
