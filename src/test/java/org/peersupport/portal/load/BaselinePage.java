package org.peersupport.portal.load;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.peersupport.portal.support.Deployments;

/**
 * The load benchmark's Faces baseline: a Facelets page of about the lesson page's size that runs through the Faces
 * servlet (view built, rendered, no form, so no view state and no HTTP session) and reads nothing from the
 * database, signed out. It is added only to the WAR the benchmark and its smoke test deploy, never to the shipped
 * WAR, together with one public URL pattern for it in web.xml (the portal denies unlisted URLs by default).
 */
final class BaselinePage {

    static final String PATH = "benchmark/baseline.xhtml";
    static final String MARKER = "portal-load-baseline";
    /** About the size of a Peer2Peer lesson page as the benchmark receives it (sessions 2 and 5: 11,127 and 6,267 bytes). */
    static final int BYTES = 9_000;

    private BaselinePage() {
    }

    static WebArchive addTo(WebArchive war) {
        return Deployments.withPublicPath(war, PATH).add(new StringAsset(xhtml(BYTES)), PATH);
    }

    /** Static paragraphs in h:outputText components until the page reaches {@code bytes}. */
    static String xhtml(int bytes) {
        StringBuilder page = new StringBuilder("""
                <!DOCTYPE html>
                <html xmlns="http://www.w3.org/1999/xhtml" xmlns:h="jakarta.faces.html" lang="en">
                <h:head><title>Load benchmark baseline</title></h:head>
                <h:body styleClass="%s">
                <h1>Baseline page</h1>
                """.formatted(MARKER));
        String paragraph = "Recovery is a personal journey: peer support workers share their own experience of mental "
                + "distress to offer hope, understanding and practical help to the people they work alongside.";
        for (int i = 0; page.length() < bytes - 200; i++) {
            page.append("<p><h:outputText value=\"").append(i).append(". ").append(paragraph).append("\"/></p>\n");
        }
        return page.append("</h:body>\n</html>\n").toString();
    }
}
