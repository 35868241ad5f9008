package org.peersupport.portal.support;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.concurrent.Callable;
import org.peersupport.portal.demo.DemoAccount;
import org.peersupport.portal.identity.entity.Role;

/**
 * In-container tests call boundaries through this bean to act as the demo account {@link #ACCOUNT} in the
 * designated safeguarding lead role: its calls carry that role and that caller principal (see {@link RunAsDeployment}). It starts no
 * transaction, so each boundary call commits or rolls back on its own, as it does from a page.
 */
@Stateless
@PermitAll
@RunAs(Role.Names.SAFEGUARDING)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AsSafeguardingLead {

    public static final DemoAccount ACCOUNT = DemoAccount.NADIA;

    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }

    public void run(Work work) throws Exception {
        work.run();
    }

    /** A call that returns nothing. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }
}
