package org.peersupport.portal.identity.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.peersupport.portal.identity.entity.Role;

/** Sends a signed-in person to the home page of their first role, or explains that they have none yet. */
@Named
@RequestScoped
public class HomeBean {

    @Inject
    ExternalContext external;

    public void dispatch() throws IOException {
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String target = "/no-access.xhtml";
        for (Role role : Role.values()) {
            if (request.isUserInRole(role.roleName())) {
                target = role.homePage();
                break;
            }
        }
        external.redirect(external.getRequestContextPath() + target);
    }
}
