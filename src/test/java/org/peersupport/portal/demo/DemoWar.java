package org.peersupport.portal.demo;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.peersupport.portal.support.RunAsCaller;
import org.peersupport.portal.support.RunAsDescriptors;

/**
 * The demo's WAR: the shipped {@code portal.war} plus the demo story ({@link DemoStory}), its clock and one
 * {@link DemoActor} bean per person of the {@link DemoCast}, declared in {@code ejb-jar.xml} with the person's role
 * as run-as role and their username as run-as principal ({@link RunAsDescriptors}). {@code ejb-jar.xml} also makes
 * {@code DemoCohortLoader} wait for the story. The shipped WAR is unchanged: no demo account is mapped in it.
 */
public final class DemoWar {

    private DemoWar() {
    }

    /**
     * Writes {@code target/demo/portal.war} (named as the shipped one, so the portal keeps its address
     * {@code /portal/}) and returns it.
     */
    public static Path build(Path target) throws java.io.IOException {
        Path demoWar = java.nio.file.Files.createDirectories(target.resolve("demo")).resolve("portal.war");
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, target.resolve("portal.war").toFile());
        war.addClasses(DemoStory.class, DemoSignIns.class, DemoTexts.class, DemoCast.class, DemoActor.class, RunAsCaller.class, RunAsCaller.Work.class,
                DemoClock.class);
        war.addClass(DemoClock.class.getName() + "$Shifted");
        war.addAsWebInfResource(new StringAsset(ejbJar()), "ejb-jar.xml");
        RunAsDescriptors.enable(war, Arrays.stream(DemoCast.values())
                .map(p -> new RunAsDescriptors.Caller(p.ejbName(), p.role(), p.username())).toList());
        war.as(ZipExporter.class).exportTo(demoWar.toFile(), true);
        return demoWar;
    }

    static String ejbJar() {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <ejb-jar xmlns="https://jakarta.ee/xml/ns/jakartaee" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="https://jakarta.ee/xml/ns/jakartaee https://jakarta.ee/xml/ns/jakartaee/ejb-jar_4_0.xsd"
                         version="4.0">
                  <enterprise-beans>
                    <session>
                      <ejb-name>DemoCohortLoader</ejb-name>
                      <depends-on><ejb-name>DemoStory</ejb-name></depends-on>
                    </session>
                """);
        for (DemoCast person : DemoCast.values()) {
            xml.append("    <session>\n      <ejb-name>").append(person.ejbName()).append("</ejb-name>\n")
                    .append("      <local-bean/>\n      <ejb-class>").append(DemoActor.class.getName()).append("</ejb-class>\n")
                    .append("      <session-type>Stateless</session-type>\n")
                    .append("      <transaction-type>Container</transaction-type>\n")
                    .append("      <security-identity><run-as><role-name>").append(person.role())
                    .append("</role-name></run-as></security-identity>\n    </session>\n");
        }
        xml.append("  </enterprise-beans>\n  <assembly-descriptor>\n");
        for (String role : new TreeSet<>(Arrays.stream(DemoCast.values()).map(DemoCast::role).toList())) {
            xml.append("    <security-role><role-name>").append(role).append("</role-name></security-role>\n");
        }
        List<String> names = Arrays.stream(DemoCast.values()).map(DemoCast::ejbName).toList();
        xml.append("    <method-permission>\n      <unchecked/>\n");
        names.forEach(n -> xml.append("      <method><ejb-name>").append(n).append("</ejb-name><method-name>*</method-name></method>\n"));
        xml.append("    </method-permission>\n    <container-transaction>\n");
        names.forEach(n -> xml.append("      <method><ejb-name>").append(n).append("</ejb-name><method-name>*</method-name></method>\n"));
        xml.append("      <trans-attribute>Mandatory</trans-attribute>\n    </container-transaction>\n");
        xml.append("  </assembly-descriptor>\n</ejb-jar>\n");
        return xml.toString();
    }
}
