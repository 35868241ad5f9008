package org.peersupport.portal.platform.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.peersupport.portal.identity.boundary.People;
import org.peersupport.portal.identity.boundary.SignInBean;
import org.peersupport.portal.identity.boundary.SignIns;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.PortalConfig;

/**
 * The page shell's state: the demo marker, the signed-in person and the navigation their roles allow.
 * Roles are read from the servlet request (see Payara issue 4734 in stack-notes).
 */
@Named("shell")
@RequestScoped
public class ShellBean {

    @Inject
    PortalConfig config;

    @Inject
    ExternalContext external;

    @Inject
    People people;

    @Inject
    SignIns signIns;

    private Person me;
    private boolean meLoaded;

    public record NavigationItem(Role role, String page) {
    }

    public boolean isDemo() {
        return config.demo();
    }

    public boolean isSignedIn() {
        return request().getRemoteUser() != null;
    }

    public Person getMe() {
        if (!meLoaded) {
            me = isSignedIn() ? people.me().orElse(null) : null;
            meLoaded = true;
        }
        return me;
    }

    public String getDisplayName() {
        Person person = getMe();
        return person != null ? person.getDisplayName() : request().getRemoteUser();
    }

    public List<NavigationItem> getNavigation() {
        List<NavigationItem> items = new ArrayList<>();
        for (Role role : Role.values()) {
            if (request().isUserInRole(role.roleName())) {
                items.add(new NavigationItem(role, role.homePage()));
            }
        }
        return items;
    }

    /** True when the current page lies in the given area, for {@code aria-current}. */
    public boolean isCurrent(NavigationItem item) {
        String area = item.page().substring(0, item.page().lastIndexOf('/') + 1);
        return request().getServletPath().startsWith(area);
    }

    public void signOut() throws IOException, ServletException {
        HttpServletRequest request = request();
        signIns.recordSignOut(request.getRemoteUser());
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SignInBean.forgetSignedIn(external);
        external.redirect(external.getRequestContextPath() + "/signin.xhtml?reason=signedOut");
    }

    private HttpServletRequest request() {
        return (HttpServletRequest) external.getRequest();
    }
}
