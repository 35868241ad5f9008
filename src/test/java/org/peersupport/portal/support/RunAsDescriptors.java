package org.peersupport.portal.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The descriptors that let a {@code @RunAs} bean call the portal's boundaries as a named person, for a WAR that is
 * not the shipped one (the in-container tests' and the demo's). On Payara a run-as call is authorised only when its
 * run-as role is mapped to a principal and the bean names that principal: the portal maps roles to directory groups
 * only, so a plain {@code @RunAs} call is refused. This adds each caller's username as a principal of its role in
 * {@code payara-web.xml} and names it as the run-as principal of its bean in {@code glassfish-ejb-jar.xml};
 * {@code SessionContext.getCallerPrincipal()} in a boundary then returns that username, exactly as after a sign-in.
 */
public final class RunAsDescriptors {

    /** A bean (by EJB name) that runs as {@code role} with the principal {@code username}. */
    public record Caller(String ejbName, String role, String username) {
    }

    private RunAsDescriptors() {
    }

    /** Writes both descriptors into {@code war} for these callers; {@code war} must have no glassfish-ejb-jar.xml. */
    public static WebArchive enable(WebArchive war, List<Caller> callers) {
        String payaraWeb = read(war, "WEB-INF/payara-web.xml");
        for (Caller caller : callers) {
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
        for (Caller caller : callers) {
            ejbJar.append("    <ejb>\n      <ejb-name>").append(caller.ejbName()).append("</ejb-name>\n      <principal><name>")
                    .append(caller.username()).append("</name></principal>\n    </ejb>\n");
        }
        ejbJar.append("  </enterprise-beans>\n</glassfish-ejb-jar>\n");
        war.addAsWebInfResource(new StringAsset(ejbJar.toString()), "glassfish-ejb-jar.xml");
        return war;
    }

    static String read(WebArchive war, String path) {
        try (InputStream in = war.get(path).getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
