package org.peersupport.portal.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;
import org.jboss.shrinkwrap.resolver.api.maven.ScopeType;

/**
 * The deployments the integration tests share: the WAR that {@code mvn package} built, exactly as it ships,
 * plus (for in-container tests) the test classes themselves.
 */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive portal() {
        File war = ItServices.Paths.buildDirectory().resolve("portal.war").toFile();
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }

    /**
     * The portal with {@link CoordinatorFixtureServlet} and what it needs, with the {@code @RunAs} callers enabled.
     * (Kept here, not on the servlet: a servlet class that names ShrinkWrap types fails to load in the container.)
     */
    public static WebArchive withCoordinatorFixture() {
        return RunAsDeployment.enable(portalWith(CoordinatorFixtureServlet.class, TestCohorts.class, Sql.class,
                org.peersupport.portal.demo.DemoAccount.class));
    }

    /**
     * The shipped WAR plus test classes, with one change to web.xml: Arquillian's test-runner servlet is made
     * reachable without signing in (the portal denies every other unlisted URL by default).
     */
    public static WebArchive portalWith(Class<?>... testClasses) {
        return withPublicPath(portal().addClasses(testClasses), ARQUILLIAN_RUNNER);
    }

    /**
     * The WAR with {@link SessionSerialisationCheck}: every browser test fails when a request left something in the
     * session that cannot be replicated to another node ({@link PortalBrowserTest}).
     */
    public static WebArchive checkingSessions(WebArchive war) {
        return withPublicPath(war.addClasses(SessionSerialisationCheck.class).addClasses(SessionSerialisationCheck.class.getDeclaredClasses()),
                SessionSerialisationCheck.PATH);
    }

    /**
     * The WAR with one more URL pattern (a path without its leading slash) beside the sign-in page's in web.xml's
     * unprotected list, so the path is served without signing in.
     */
    public static WebArchive withPublicPath(WebArchive war, String path) {
        String webXml;
        try (InputStream in = war.get("WEB-INF/web.xml").getAsset().openStream()) {
            webXml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String publicPattern = "<url-pattern>/signin.xhtml</url-pattern>";
        if (!webXml.contains(publicPattern)) {
            throw new IllegalStateException("web.xml no longer lists " + publicPattern);
        }
        webXml = webXml.replace(publicPattern, publicPattern + "\n<url-pattern>/" + path + "</url-pattern>");
        war.delete("WEB-INF/web.xml");
        return war.setWebXML(new StringAsset(webXml));
    }

    /**
     * A test-scoped library of the pom (e.g. {@code org.apache.poi:poi-ooxml}) with what it needs, for an
     * in-container test that uses it; the shipped WAR does not hold it.
     */
    public static File[] testLibrary(String groupAndArtifact) {
        return Maven.resolver().loadPomFromFile(ItServices.Paths.buildDirectory().getParent().resolve("pom.xml").toFile())
                .importDependencies(ScopeType.TEST).resolve(groupAndArtifact).withTransitivity().asFile();
    }

    private static final String ARQUILLIAN_RUNNER = "ArquillianServletRunnerEE9";
}
