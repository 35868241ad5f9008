package org.peersupport.portal.support;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.ejb.EJBAccessException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.function.Executable;

/**
 * The role matrix of a feature's boundaries, as the in-container tests check it: each public method is called as
 * every role, and the container must refuse exactly the roles its {@code @RolesAllowed} leaves out. A call a role may
 * make can still be refused by a rule or a record-level check (the arguments are made up); only
 * {@link EJBAccessException} counts as the role being refused.
 */
public final class RoleMatrix {

    private RoleMatrix() {
    }

    /** A boundary call made as one role or another. */
    @FunctionalInterface
    public interface Call {
        void run() throws Exception;
    }

    /** Runs a call as one role. */
    @FunctionalInterface
    public interface Runner {
        void run(Call call) throws Exception;
    }

    /** One boundary method and the roles that may call it. */
    public record Check(String name, Set<String> allowed, Call call) {
    }

    /** Calls made through a run-as caller bean carry its role and principal. */
    public static Runner runner(RunAsCaller as) {
        return call -> as.run(call::run);
    }

    /** Every check as every role: allowed roles are not refused by the container, every other role is. */
    public static void assertOnlyAllowedRolesCall(List<Check> checks, Map<String, Runner> roles) {
        List<Executable> expectations = new ArrayList<>();
        for (Check check : checks) {
            for (Map.Entry<String, Runner> role : roles.entrySet()) {
                String label = check.name() + " as " + role.getKey();
                if (check.allowed().contains(role.getKey())) {
                    expectations.add(() -> {
                        try {
                            role.getValue().run(check.call());
                        } catch (EJBAccessException e) {
                            fail(label + " is refused but should be allowed");
                        } catch (Exception e) {
                            // allowed: a rule or a record-level check may still refuse these arguments
                        }
                    });
                } else {
                    expectations.add(() -> assertThrows(EJBAccessException.class, () -> role.getValue().run(check.call()),
                            label));
                }
            }
        }
        assertAll(expectations);
    }
}
