package org.peersupport.portal.identity;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.concurrent.Callable;
import org.peersupport.portal.identity.entity.Role;

/**
 * Calls boundaries in the candidate role with the caller principal {@link #USERNAME}, a username the directory gives
 * first to one person and then to another ({@link AccessFollowsThePersonIT} maps the principal, as
 * {@code RunAsDeployment} does for the demo accounts). Which person the calls are made as is decided by the portal
 * from the last sign-in of the request, exactly as for a signed-in session.
 */
@Stateless
@PermitAll
@RunAs(Role.Names.CANDIDATE)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AsReusedUsername {

    public static final String USERNAME = "j.smith";

    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }
}
