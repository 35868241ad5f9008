package org.peersupport.portal.course.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.owasp.html.AttributePolicy;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlStreamEventProcessor;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.HtmlStreamEventReceiverWrapper;
import org.owasp.html.PolicyFactory;

/**
 * Lesson bodies as safe HTML. Course packages write lessons in Markdown, coordinators edit them in
 * a rich-text (Quill) editor; both pass through one sanitising policy before they are stored or
 * shown, so a lesson can never carry script, styles, frames, forms, images or event handlers.
 *
 * <p>The policy allows paragraphs, line breaks, rules, h2 to h4, inline emphasis, block quotes,
 * lists, code, sub/superscript, simple tables and links (http, https, mailto and relative URLs).
 * A lesson sits under the page's own h1, so h1 becomes h2; h5 and h6 become h4 rather than
 * plain text. Classes survive only where the portal uses them: {@code glossary-term} on links and
 * Quill's {@code ql-align-*} and {@code ql-indent-1..8} on paragraphs, list items and headings.
 * A link with {@code target="_blank"} (Quill's default) and every absolute http(s) link get
 * {@code rel="noopener noreferrer"}. The output is stable: sanitising it again changes nothing.
 */
public final class LessonHtml {

    private static final Pattern QUILL_CLASS =
            Pattern.compile("ql-align-(?:center|right|justify)|ql-indent-[1-8]");
    private static final Pattern GLOSSARY_CLASS = Pattern.compile("glossary-term");
    private static final Pattern EXTERNAL_HREF =
            Pattern.compile("^(?:https?:|//)", Pattern.CASE_INSENSITIVE);
    private static final String NO_OPENER = "noopener noreferrer";

    /** Headings the policy renames before it applies; the rest keep their name. */
    private static final Map<String, String> HEADING_RENAMES = Map.of("h1", "h2", "h5", "h4", "h6", "h4");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .withPreprocessor(LessonHtml::renameHeadings)
            .allowElements("p", "br", "hr", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s",
                    "blockquote", "ul", "ol", "li", "code", "pre", "span", "sub", "sup",
                    "table", "thead", "tbody", "tr", "th", "td")
            .allowAttributes("class").matching(classesMatching(QUILL_CLASS))
                    .onElements("p", "li", "h2", "h3", "h4")
            .allowAttributes("scope").matching(true, "row", "col", "rowgroup", "colgroup").onElements("th")
            .allowElements(LessonHtml::relOnExternalLinks, "a")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").onElements("a")
            .allowAttributes("target").matching(true, "_blank").onElements("a")
            .allowAttributes("class").matching(classesMatching(GLOSSARY_CLASS)).onElements("a")
            .toFactory();

    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer MARKDOWN_HTML = HtmlRenderer.builder().build();

    private LessonHtml() {
    }

    /**
     * Renders CommonMark as safe HTML. Raw HTML in the Markdown is rendered as written and then
     * sanitised like any other lesson HTML.
     *
     * @param markdown the lesson body, or {@code null}
     * @return safe HTML, {@code ""} for {@code null}
     */
    public static String fromMarkdown(String markdown) {
        if (markdown == null) {
            return "";
        }
        return sanitise(MARKDOWN_HTML.render(MARKDOWN.parse(markdown))).strip();
    }

    /**
     * Removes everything the lesson policy does not allow, keeping the text.
     *
     * @param html untrusted HTML, or {@code null}
     * @return safe HTML, {@code ""} for {@code null}
     */
    public static String sanitise(String html) {
        if (html == null) {
            return "";
        }
        return POLICY.sanitize(html);
    }

    /**
     * The text a reader sees, with blocks separated by spaces, for word counts and search.
     *
     * @param html lesson HTML, or {@code null}
     * @return the visible text, {@code ""} for {@code null}
     */
    public static String plainText(String html) {
        if (html == null) {
            return "";
        }
        return Jsoup.parseBodyFragment(html).body().text();
    }

    private static HtmlStreamEventReceiver renameHeadings(HtmlStreamEventReceiver next) {
        return new HtmlStreamEventReceiverWrapper(next) {
            @Override
            public void openTag(String elementName, List<String> attrs) {
                underlying.openTag(HEADING_RENAMES.getOrDefault(elementName, elementName), attrs);
            }

            @Override
            public void closeTag(String elementName) {
                underlying.closeTag(HEADING_RENAMES.getOrDefault(elementName, elementName));
            }
        };
    }

    /**
     * Adds {@code rel} to absolute links that have no target; the sanitiser itself adds it to
     * links with a target, and adding it twice would repeat the values.
     */
    private static String relOnExternalLinks(String elementName, List<String> attrs) {
        String href = attribute("href", attrs);
        if (href != null && attribute("target", attrs) == null && EXTERNAL_HREF.matcher(href).find()) {
            attrs.add("rel");
            attrs.add(NO_OPENER);
        }
        return elementName;
    }

    private static String attribute(String name, List<String> attrs) {
        for (int i = 0; i + 1 < attrs.size(); i += 2) {
            if (name.equals(attrs.get(i))) {
                return attrs.get(i + 1);
            }
        }
        return null;
    }

    /** Keeps the classes of a class list that match, dropping the attribute when none do. */
    private static AttributePolicy classesMatching(Pattern allowed) {
        return (element, attribute, value) -> {
            List<String> kept = new ArrayList<>();
            for (String name : value.trim().split("\\s+")) {
                String lower = name.toLowerCase(Locale.ROOT);
                if (allowed.matcher(lower).matches() && !kept.contains(lower)) {
                    kept.add(lower);
                }
            }
            return kept.isEmpty() ? null : String.join(" ", kept);
        };
    }
}
