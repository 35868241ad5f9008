package org.peersupport.portal.notice.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.peersupport.portal.identity.entity.Role;

/**
 * The notices link in the page header: shown to everyone signed in with a portal role, with their unread count
 * (one count query per page). Roles come from the servlet request (Payara issue 4734).
 */
@Named
@RequestScoped
public class NoticeBell {

    @Inject
    Notices notices;

    private Long unread;

    public boolean isAvailable() {
        // looked up at each use, as the page shell does: an error page renders in the same request with a new context
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest();
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

    public long getUnread() {
        if (unread == null) {
            try {
                unread = isAvailable() ? notices.unreadCount() : 0L;
            } catch (RuntimeException e) {
                // the header must render even when the database is down, e.g. on the error page
                unread = 0L;
            }
        }
        return unread;
    }
}
