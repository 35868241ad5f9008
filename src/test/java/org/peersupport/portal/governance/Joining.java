package org.peersupport.portal.governance;

import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.concurrent.Callable;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.support.RunAsCaller;

/**
 * Callers whose calls join the test's transaction ({@code Mandatory}), so a test can seed records, export or read
 * them through the boundaries as a real role, and roll everything back. Their run-as principals are given in
 * {@link SubjectAccessIT#deployment()}.
 */
public final class Joining {

    private Joining() {
    }

    /** The information governance officer (Iris Campbell). */
    @Stateless
    @RunAs(Role.Names.GOVERNANCE)
    public static class AsGovernanceJoining extends RunAsCaller {
        @Override
        @TransactionAttribute(TransactionAttributeType.MANDATORY)
        public <T> T call(Callable<T> work) throws Exception {
            return work.call();
        }
    }

    /** The coordinator Sana Iqbal. */
    @Stateless
    @RunAs(Role.Names.COORDINATOR)
    public static class AsCoordinatorJoining extends RunAsCaller {
        @Override
        @TransactionAttribute(TransactionAttributeType.MANDATORY)
        public <T> T call(Callable<T> work) throws Exception {
            return work.call();
        }
    }

    /** The verifier Helen Shaw. */
    @Stateless
    @RunAs(Role.Names.VERIFIER)
    public static class AsVerifierJoining extends RunAsCaller {
        @Override
        @TransactionAttribute(TransactionAttributeType.MANDATORY)
        public <T> T call(Callable<T> work) throws Exception {
            return work.call();
        }
    }

    /** The candidate Amara Okafor. */
    @Stateless
    @RunAs(Role.Names.CANDIDATE)
    public static class AsCandidateJoining extends RunAsCaller {
        @Override
        @TransactionAttribute(TransactionAttributeType.MANDATORY)
        public <T> T call(Callable<T> work) throws Exception {
            return work.call();
        }
    }
}
