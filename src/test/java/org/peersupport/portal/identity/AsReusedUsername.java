package org.peersupport.portal.identity;

import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.peersupport.portal.support.RunAsCaller;
import org.peersupport.portal.identity.entity.Role;

/**
 * Calls boundaries in the candidate role with the caller principal {@link #USERNAME}, a username the directory gives
 * first to one person and then to another ({@link AccessFollowsThePersonIT} maps the principal, as
 * {@code RunAsDeployment} does for the demo accounts). Which person the calls are made as is decided by the portal
 * from the last sign-in of the request, exactly as for a signed-in session.
 */
@Stateless
@RunAs(Role.Names.CANDIDATE)
public class AsReusedUsername extends RunAsCaller {

    public static final String USERNAME = "j.smith";
}
