package org.peersupport.portal.notice.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.boundary.PageTemplate;

/**
 * The notices link in the page header: shown to everyone signed in with a portal role, with their unread count
 * (one count query per page, none when the page's own statement counted them). Roles come from the servlet request (Payara issue 4734).
 *
 * <p>Application-scoped, with what it found kept in the servlet request's attributes: as a request-scoped bean it
 * created a reference to {@link Notices} on every page, and asked the container for each role three times a page
 * (header, footer, count); the load benchmark's profile showed both (issue 18). The request's attributes, not the Faces
 * context's: an error page renders in the same request with a new Faces context, and while the database is down it
 * must not wait for a connection a second time for the count (OutageIT).
 */
@Named
@ApplicationScoped
public class NoticeBell {

    private static final String AVAILABLE = NoticeBell.class.getName() + ".available";
    private static final String UNREAD = NoticeBell.class.getName() + ".unread";

    @Inject
    Notices notices;

    public boolean isAvailable() {
        FacesContext faces = FacesContext.getCurrentInstance();
        Map<String, Object> kept = faces.getExternalContext().getRequestMap();
        Boolean available = (Boolean) kept.get(AVAILABLE);
        if (available == null) {
            available = hasPortalRole((HttpServletRequest) faces.getExternalContext().getRequest());
            kept.put(AVAILABLE, available);
        }
        return available;
    }

    private static boolean hasPortalRole(HttpServletRequest request) {
        if (request.getRemoteUser() == null) {
            return false;
        }
        for (Role role : Role.values()) {
            if (request.isUserInRole(role.roleName())) {
                return true;
            }
        }
        return false;
    }

    /** The unread count as the page writes it: a stand-in while the page is rendered as a template ({@link PageTemplate}). */
    public String getUnreadShown() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        return PageTemplate.renderingSlots(external) ? PageTemplate.Slot.UNREAD.token() : Long.toString(getUnread());
    }

    /**
     * The unread count of this request, counted by a statement the page sent anyway (a lesson's reading, {@code
     * course.boundary.KeptLessonPages}): the header then asks for it no second time.
     */
    public void counted(ExternalContext external, long unread) {
        external.getRequestMap().put(UNREAD, unread);
    }

    public long getUnread() {
        Map<String, Object> kept = FacesContext.getCurrentInstance().getExternalContext().getRequestMap();
        Long unread = (Long) kept.get(UNREAD);
        if (unread == null) {
            try {
                unread = isAvailable() ? notices.unreadCount() : 0L;
            } catch (RuntimeException e) {
                // the header must render even when the database is down, e.g. on the error page
                unread = 0L;
            }
            kept.put(UNREAD, unread);
        }
        return unread;
    }
}
