package org.peersupport.portal.support;

import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.peersupport.portal.demo.DemoAccount;
import org.peersupport.portal.identity.entity.Role;

/**
 * In-container tests call boundaries through this bean to act as the demo account {@link #ACCOUNT} in the
 * information governance role: its calls carry that role and that caller principal (see {@link RunAsDeployment}). It
 * starts no transaction, so each boundary call commits or rolls back on its own, as it does from a page.
 */
@Stateless
@RunAs(Role.Names.GOVERNANCE)
public class AsGovernance extends RunAsCaller {

    public static final DemoAccount ACCOUNT = DemoAccount.IRIS;
}
