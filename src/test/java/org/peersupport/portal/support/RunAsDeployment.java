package org.peersupport.portal.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Lets in-container tests call boundaries as real signed-in roles with a real caller principal, through the
 * {@code @RunAs} beans {@link AsCandidate}, {@link AsCoordinator}, {@link AsSupervisor}, {@link AsHr},
 * {@link AsVerifier} and {@link AsSafeguardingLead}.
 *
 * <p>On Payara a {@code @RunAs} bean's outgoing calls are authorised only when its run-as role is mapped to a
 * principal and the bean names that principal: the portal maps roles to directory groups only, so a plain
 * {@code @RunAs} call is refused ({@code EJBAccessException}). For the test WAR only, this adds the demo
 * account's username as a principal of its role in {@code payara-web.xml}, and names it as the run-as principal
 * of its bean in {@code glassfish-ejb-jar.xml}. {@code SessionContext.getCallerPrincipal()} in the boundary then
 * returns that username, exactly as after a sign-in. The shipped WAR is unchanged.
 */
public final class RunAsDeployment {

    private record Caller(String bean, String role, String username) {
    }

    private static final List<Caller> CALLERS = List.of(
            new Caller(AsCandidate.class.getSimpleName(), "candidate", AsCandidate.ACCOUNT.username()),
            new Caller(AsCoordinator.class.getSimpleName(), "coordinator", AsCoordinator.ACCOUNT.username()),
            new Caller(AsHr.class.getSimpleName(), "hr", AsHr.ACCOUNT.username()),
            new Caller(AsSupervisor.class.getSimpleName(), "supervisor", AsSupervisor.ACCOUNT.username()),
            new Caller(AsVerifier.class.getSimpleName(), "verifier", AsVerifier.ACCOUNT.username()),
            new Caller(AsSafeguardingLead.class.getSimpleName(), "safeguarding", AsSafeguardingLead.ACCOUNT.username()));

    private RunAsDeployment() {
    }

    public static WebArchive enable(WebArchive war) {
        war.addClasses(AsCandidate.class, AsCandidate.Work.class, AsCoordinator.class, AsCoordinator.Work.class,
                AsHr.class, AsHr.Work.class, AsSupervisor.class, AsSupervisor.Work.class, AsVerifier.class, AsVerifier.Work.class,
                AsSafeguardingLead.class, AsSafeguardingLead.Work.class, RunAsDeployment.class, RunAsDeployment.Caller.class);
        String payaraWeb = read(war, "WEB-INF/payara-web.xml");
        for (Caller caller : CALLERS) {
            String group = "<group-name>" + caller.role() + "</group-name>";
            if (!payaraWeb.contains(group)) {
                throw new IllegalStateException("payara-web.xml no longer maps the role " + caller.role());
            }
            payaraWeb = payaraWeb.replace(group, group + "\n        <principal-name>" + caller.username() + "</principal-name>");
        }
        war.delete("WEB-INF/payara-web.xml");
        war.addAsWebInfResource(new StringAsset(payaraWeb), "payara-web.xml");

        StringBuilder ejbJar = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE glassfish-ejb-jar PUBLIC "-//GlassFish.org//DTD GlassFish Application Server 3.1 EJB 3.1//EN" "http://glassfish.org/dtds/glassfish-ejb-jar_3_1-1.dtd">
                <glassfish-ejb-jar>
                  <enterprise-beans>
                """);
        for (Caller caller : CALLERS) {
            ejbJar.append("    <ejb>\n      <ejb-name>").append(caller.bean()).append("</ejb-name>\n      <principal><name>")
                    .append(caller.username()).append("</name></principal>\n    </ejb>\n");
        }
        ejbJar.append("  </enterprise-beans>\n</glassfish-ejb-jar>\n");
        war.addAsWebInfResource(new StringAsset(ejbJar.toString()), "glassfish-ejb-jar.xml");
        return war;
    }

    private static String read(WebArchive war, String path) {
        try (InputStream in = war.get(path).getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
