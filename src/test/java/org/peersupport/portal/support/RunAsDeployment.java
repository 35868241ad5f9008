package org.peersupport.portal.support;

import java.util.List;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Lets in-container tests call boundaries as real signed-in roles with a real caller principal, through the
 * {@code @RunAs} beans {@link AsCandidate}, {@link AsCoordinator}, {@link AsSupervisor}, {@link AsHr},
 * {@link AsVerifier}, {@link AsSafeguardingLead} and {@link AsGovernance}: each names its demo account as its run-as principal
 * ({@link RunAsDescriptors}). For the test WAR only; the shipped WAR is unchanged.
 */
public final class RunAsDeployment {

    private static final List<RunAsDescriptors.Caller> CALLERS = List.of(
            new RunAsDescriptors.Caller(AsCandidate.class.getSimpleName(), "candidate", AsCandidate.ACCOUNT.username()),
            new RunAsDescriptors.Caller(AsCoordinator.class.getSimpleName(), "coordinator", AsCoordinator.ACCOUNT.username()),
            new RunAsDescriptors.Caller(AsHr.class.getSimpleName(), "hr", AsHr.ACCOUNT.username()),
            new RunAsDescriptors.Caller(AsSupervisor.class.getSimpleName(), "supervisor", AsSupervisor.ACCOUNT.username()),
            new RunAsDescriptors.Caller(AsVerifier.class.getSimpleName(), "verifier", AsVerifier.ACCOUNT.username()),
            new RunAsDescriptors.Caller(AsSafeguardingLead.class.getSimpleName(), "safeguarding",
                    AsSafeguardingLead.ACCOUNT.username()),
            new RunAsDescriptors.Caller(AsGovernance.class.getSimpleName(), "governance", AsGovernance.ACCOUNT.username()));

    private RunAsDeployment() {
    }

    /** The demo accounts' callers, and {@code more} (a test's own {@code @RunAs} beans). */
    public static WebArchive enable(WebArchive war, RunAsDescriptors.Caller... more) {
        war.addClasses(RunAsCaller.class, RunAsCaller.Work.class, RoleMatrix.class, RoleMatrix.Call.class,
                RoleMatrix.Runner.class, RoleMatrix.Check.class, AsCandidate.class, AsCoordinator.class, AsHr.class,
                AsSupervisor.class, AsVerifier.class, AsSafeguardingLead.class, AsGovernance.class, RunAsDeployment.class,
                RunAsDescriptors.class, RunAsDescriptors.Caller.class);
        List<RunAsDescriptors.Caller> callers = new java.util.ArrayList<>(CALLERS);
        callers.addAll(List.of(more));
        return RunAsDescriptors.enable(war, callers);
    }
}
