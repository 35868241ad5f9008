package org.peersupport.portal.identity.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import org.peersupport.portal.identity.entity.Role;

/**
 * Form sign-in on the portal's own page ({@code /signin.xhtml}), checked by {@link DirectoryIdentityStore}.
 * Web resources are denied by default in web.xml; EJB boundaries are {@code @DenyAll} with
 * {@code @RolesAllowed} per method.
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/signin.xhtml", errorPage = "", useForwardToLogin = false))
@DeclareRoles({Role.Names.CANDIDATE, Role.Names.SUPERVISOR, Role.Names.VERIFIER, Role.Names.COORDINATOR, Role.Names.HR})
@ApplicationScoped
public class SecurityConfiguration {
}
