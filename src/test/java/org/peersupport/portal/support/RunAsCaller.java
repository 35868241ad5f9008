package org.peersupport.portal.support;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.concurrent.Callable;

/**
 * What every {@code @RunAs} caller of the tests and the demo does: runs the work it is given, so that the boundaries
 * the work calls see the caller's run-as role and principal ({@link RunAsDescriptors}). It starts no transaction, so
 * each boundary call commits or rolls back on its own, as it does from a page; a bean may declare otherwise (the demo
 * story's actors join its one transaction).
 */
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public abstract class RunAsCaller {

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
