package org.peersupport.portal.identity.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.omnifaces.util.cache.CacheFactory;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.boundary.PageTemplate;
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

    // looked up when used (the profile, sign-out), not injected: a page bean created per request would otherwise create
    // two EJB references on every page, which the load benchmark's profile showed as its own cost (issue 18)
    @Inject
    Instance<People> people;

    @Inject
    Instance<SignIns> signIns;

    private Person me;
    private boolean meLoaded;
    private List<NavigationItem> navigation;
    private List<Role> roles;

    /**
     * One entry of the main navigation: its label's message key, its page and the folder it stands for; or, for an
     * entry inside a role's folder, the pages it stands for ({@code ownPages}), which then belong to it alone.
     */
    public record NavigationItem(String labelKey, String page, List<String> ownPages) {

        public NavigationItem(String labelKey, String page) {
            this(labelKey, page, List.of());
        }

        public String area() {
            return page.substring(0, page.lastIndexOf('/') + 1);
        }
    }

    /** The course catalogue, open to everyone with a role but information governance. */
    static final NavigationItem COURSES = new NavigationItem("nav.courses", "/learning/index.xhtml");

    /** Coordinators' cohort pages: the list, one cohort and a session's register. */
    static final NavigationItem COHORTS = new NavigationItem("nav.cohorts", "/coordinator/cohorts.xhtml",
            List.of("/coordinator/cohorts.xhtml", "/coordinator/cohort.xhtml", "/coordinator/register.xhtml"));

    /** A supervisor's conflicts of interest, next to their caseload. */
    static final NavigationItem CONFLICTS = new NavigationItem("nav.supervisor.conflicts", "/supervisor/conflicts.xhtml",
            List.of("/supervisor/conflicts.xhtml"));

    /** HR's completion dashboard, next to HR's home; it owns HR's report pages (drill-downs, staff records). */
    static final NavigationItem HR_DASHBOARD = new NavigationItem("nav.hr.dashboard", "/hr/dashboard.xhtml",
            List.of("/hr/dashboard.xhtml", "/hr/people.xhtml", "/hr/staff.xhtml"));

    public boolean isDemo() {
        return config.demo();
    }

    public boolean isSignedIn() {
        return request().getRemoteUser() != null;
    }

    public Person getMe() {
        if (!meLoaded) {
            try {
                me = isSignedIn() ? people.get().me().orElse(null) : null;
            } catch (RuntimeException e) {
                if (!org.peersupport.portal.platform.control.DatabaseOutage.isCause(e)) {
                    throw e;
                }
                me = null; // the "temporarily unavailable" page shows the shell without the database
            }
            meLoaded = true;
        }
        return me;
    }

    /** The signed-in person's name for the page: a stand-in while the page is rendered as a template ({@link PageTemplate}). */
    public String getDisplayName() {
        return PageTemplate.renderingSlots(external()) ? PageTemplate.Slot.NAME.token() : displayName();
    }

    /** The name kept in the session at sign-in; the person's row only for a session without one. */
    public String displayName() {
        String kept = SignInBean.signedInName(request());
        if (kept != null && !kept.isBlank()) {
            return kept;
        }
        Person person = getMe();
        return person != null ? person.getDisplayName() : request().getRemoteUser();
    }

    /** The caller's roles, asked of the container once per request (each question is a policy check). */
    public List<Role> getRoles() {
        if (roles == null) {
            List<Role> held = new ArrayList<>();
            for (Role role : Role.values()) {
                if (request().isUserInRole(role.roleName())) {
                    held.add(role);
                }
            }
            roles = List.copyOf(held);
        }
        return roles;
    }

    public List<NavigationItem> getNavigation() {
        if (navigation != null) {
            return navigation;
        }
        List<NavigationItem> items = new ArrayList<>();
        for (Role role : getRoles()) {
            items.add(new NavigationItem("nav." + role.roleName(), role.homePage()));
            if (role == Role.COORDINATOR) {
                items.add(COHORTS);
            }
            if (role == Role.SUPERVISOR) {
                items.add(CONFLICTS);
            }
            if (role == Role.HR) {
                items.add(HR_DASHBOARD);
            }
        }
        if (getRoles().stream().anyMatch(role -> role != Role.GOVERNANCE)) {
            items.add(COURSES); // the information governance role reads no course
        }
        navigation = List.copyOf(items);
        return navigation;
    }

    /**
     * The key under which the navigation is kept rendered (o:cache, application scope): it depends only on the roles
     * and the page, so everyone with the same roles on the same page shares one rendering. Pages are the portal's
     * views, so what is kept is bounded by the portal's pages times the role combinations people hold.
     */
    public String getNavigationKey() {
        StringBuilder key = new StringBuilder("nav/");
        for (NavigationItem item : getNavigation()) {
            key.append(item.labelKey()).append(',');
        }
        return key.append('/').append(viewId()).toString();
    }

    /** Whether the navigation for these roles and this page is kept rendered (then it is not even built). */
    public boolean isNavigationKept() {
        return CacheFactory.getCache(FacesContext.getCurrentInstance(), "application").get(getNavigationKey()) != null;
    }

    /**
     * True when the current page is one of the item's own pages, or else lies in its area and no other item owns
     * the page, for {@code aria-current}.
     */
    public boolean isCurrent(NavigationItem item) {
        String path = viewId();
        if (getNavigation().stream().anyMatch(i -> i.ownPages().contains(path))) {
            return item.ownPages().contains(path);
        }
        return item.ownPages().isEmpty() && path.startsWith(item.area());
    }

    public void signOut() throws IOException, ServletException {
        HttpServletRequest request = request();
        signIns.get().recordSignOut(request.getRemoteUser());
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        ExternalContext external = external();
        SignInBean.forgetSignedIn(external);
        external.redirect(external.getRequestContextPath() + "/signin.xhtml?reason=signedOut");
    }

    private static String viewId() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getViewRoot() == null ? "" : faces.getViewRoot().getViewId();
    }

    private HttpServletRequest request() {
        return (HttpServletRequest) external().getRequest();
    }

    /**
     * This request's external context, looked up at each use: when a page fails while rendering, the error page is
     * rendered in the same request with a new one, and an injected one would be the failed page's, released.
     */
    static ExternalContext external() {
        return FacesContext.getCurrentInstance().getExternalContext();
    }
}
