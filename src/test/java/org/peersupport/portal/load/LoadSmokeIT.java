package org.peersupport.portal.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peersupport.portal.support.Deployments;
import org.peersupport.portal.support.ItServices;

/**
 * The load benchmark's smoke run, inside {@code mvn verify}: the same Gatling simulation as
 * {@code mvn -Pbenchmark-load}, every scenario at once with one user each for a few seconds, against the portal
 * deployed as shipped (plus the benchmark's baseline page), each user signed in with a demo account of its own. It
 * fails on any failed request, check or broken session, and never on timings: a shared CI machine's timings say
 * nothing. The demo data has no submitted work, so the review scenario opens the queue only; the benchmark opens
 * submissions too.
 */
@ExtendWith(ArquillianExtension.class)
class LoadSmokeIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return BaselinePage.addTo(Deployments.portal());
    }

    /**
     * The portfolio scenario's drafts go, so the demo candidates' portfolios in the shared test database are as the
     * other test classes expect them (never submitted: a submission copies its items, it does not refer to them).
     */
    @AfterAll
    static void removeTheDraftsTheRunWrote() throws Exception {
        try (Connection db = ItServices.get().portalDatabase(); PreparedStatement delete = db.prepareStatement(
                "delete from evidence_item where title like ?")) {
            delete.setString(1, PortalSimulation.DRAFT_TITLE + " %");
            delete.executeUpdate();
        }
    }

    @Test
    void everyScenarioRunsUnderLoadWithoutAnError() throws Exception {
        LoadSettings settings = new LoadSettings(base.toString(), PortalSimulation.SCENARIOS, 1,
                Integer.getInteger("load.smoke.seconds", 8), LoadSettings.DEMO_ACCOUNTS, "resources/portal/portal.css");
        LoadRun.Result run = LoadRun.run(settings, ItServices.Paths.buildDirectory().resolve("load-smoke"));
        run.requests().forEach(r -> System.out.printf("[load smoke] %-28s %5d requests %3d errors median %4d ms p95 %4d ms%n",
                r.request(), r.count(), r.errors(), r.median(), r.p95()));
        assertEquals(List.of(), run.errors(), "errors under load (report: " + run.report() + ")");
        String failed = run.requests().stream().filter(r -> r.errors() > 0).map(r -> r.request() + " (" + r.errors() + ")")
                .collect(Collectors.joining(", "));
        assertEquals("", failed, "requests that failed under load");
        Set<String> made = run.requests().stream().filter(r -> r.count() > 0).map(LoadRun.RequestStats::request)
                .collect(Collectors.toSet());
        for (String page : List.of("sign in", "lesson", "next lesson", "candidate home", "portfolio", "start a written piece",
                "save draft", "review queue", "dashboard", "completion export CSV", "dashboard alone", "static file", "bare Faces page")) {
            assertTrue(made.contains(page), page + " was requested: " + made);
        }
    }
}
