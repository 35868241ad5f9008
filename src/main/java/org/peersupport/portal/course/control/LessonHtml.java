package org.peersupport.portal.course.control;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Interim version until branch course-content lands (same signatures): Markdown to HTML, and HTML made safe
 * with the OWASP sanitiser.
 */
public final class LessonHtml {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().build();
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES).and(Sanitizers.IMAGES)
            .and(new HtmlPolicyBuilder().allowElements("hr", "pre", "code", "br").toFactory());

    private LessonHtml() {
    }

    public static String fromMarkdown(String md) {
        return sanitise(RENDERER.render(PARSER.parse(md == null ? "" : md)));
    }

    public static String sanitise(String html) {
        return html == null ? "" : POLICY.sanitize(html);
    }
}
