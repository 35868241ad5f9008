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

    /** One entry of the main navigation: its label's message key, its page and the folder it stands for. */
    public record NavigationItem(String labelKey, String page) {

        public String area() {
            return page.substring(0, page.lastIndexOf('/') + 1);
        }
    }

    /** The course catalogue, open to everyone with a role. */
    static final NavigationItem COURSES = new NavigationItem("nav.courses", "/learning/index.xhtml");

    /** HR's completion dashboard, next to HR's home; it owns HR's report pages (drill-downs, staff records). */
    static final NavigationItem HR_DASHBOARD = new NavigationItem("nav.hr.dashboard", "/hr/dashboard.xhtml");

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

    public List<Role> getRoles() {
        List<Role> roles = new ArrayList<>();
        for (Role role : Role.values()) {
            if (request().isUserInRole(role.roleName())) {
                roles.add(role);
            }
        }
        return roles;
    }

    public List<NavigationItem> getNavigation() {
        List<NavigationItem> items = new ArrayList<>();
        for (Role role : getRoles()) {
            items.add(new NavigationItem("nav." + role.roleName(), role.homePage()));
            if (role == Role.HR) {
                items.add(HR_DASHBOARD);
            }
        }
        if (!items.isEmpty()) {
            items.add(COURSES);
        }
        return items;
    }

    /**
     * True when the current page is the item's page, or else lies in its area (the last item of a shared area
     * wins, so HR's report pages belong to the dashboard), for {@code aria-current}.
     */
    public boolean isCurrent(NavigationItem item) {
        String path = request().getServletPath();
        List<NavigationItem> items = getNavigation();
        NavigationItem current = items.stream().filter(i -> path.equals(i.page())).findFirst()
                .orElseGet(() -> items.stream().filter(i -> path.startsWith(i.area())).reduce((a, b) -> b).orElse(null));
        return item.equals(current);
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
