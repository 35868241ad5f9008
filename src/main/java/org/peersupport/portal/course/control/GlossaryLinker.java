package org.peersupport.portal.course.control;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Interim version until branch course-content lands (same signatures): links the first use of each glossary
 * term in a lesson's safe HTML to its entry on the glossary page.
 */
public final class GlossaryLinker {

    public record Term(String term, String anchor) {
    }

    private GlossaryLinker() {
    }

    public static String anchorFor(String term) {
        String plain = Normalizer.normalize(term, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return "term-" + (slug.isEmpty() ? "x" : slug);
    }

    public static String link(String safeHtml, List<Term> terms, String glossaryPageHref) {
        if (safeHtml == null || safeHtml.isEmpty() || terms.isEmpty()) {
            return safeHtml;
        }
        Document document = Jsoup.parseBodyFragment(safeHtml);
        document.outputSettings().prettyPrint(false);
        for (Term term : terms) {
            Pattern pattern = Pattern.compile("\\b" + Pattern.quote(term.term()) + "\\b",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            linkFirst(document.body(), pattern, term, glossaryPageHref);
        }
        return document.body().html();
    }

    private static boolean linkFirst(Element element, Pattern pattern, Term term, String href) {
        for (Node child : List.copyOf(element.childNodes())) {
            if (child instanceof TextNode text) {
                Matcher matcher = pattern.matcher(text.getWholeText());
                if (matcher.find()) {
                    String whole = text.getWholeText();
                    TextNode after = text.splitText(matcher.start());
                    after.splitText(matcher.end() - matcher.start());
                    Element link = new Element("a").attr("href", href + "#" + term.anchor()).addClass("glossary-term")
                            .text(whole.substring(matcher.start(), matcher.end()));
                    after.replaceWith(link);
                    return true;
                }
            } else if (child instanceof Element nested && !nested.normalName().equals("a")
                    && !nested.normalName().matches("h[1-6]|code|pre")) {
                if (linkFirst(nested, pattern, term, href)) {
                    return true;
                }
            }
        }
        return false;
    }
}
