package org.peersupport.portal.demo;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.concurrent.Callable;

/**
 * One person of the demo story acting through the portal's boundaries. The class is declared once per person in
 * the demo WAR's {@code ejb-jar.xml}, each declaration with that person's role as its run-as role and, in
 * {@code glassfish-ejb-jar.xml}, their username as its run-as principal ({@link DemoWar}): a boundary called through
 * it sees that person as its caller, exactly as after their sign-in. It joins the story's one transaction.
 */
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class DemoActor {

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
