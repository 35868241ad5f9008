package org.peersupport.portal.candidate.control;

import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.peersupport.portal.course.control.LessonHtml;

/**
 * A course's agreement, ready to sit inside a page: sanitised with the lessons' policy, its own title dropped when
 * a heading naming the agreement opens the text (the page gives it a heading), and its headings moved down to
 * follow the page's heading, so the page keeps one {@code h1} and headings in order.
 */
public final class AgreementText {

    private AgreementText() {
    }

    /**
     * @param html the course's agreement HTML, or {@code null}
     * @param headingLevel the level of the page heading the text sits under (1 to 5)
     * @return safe HTML whose headings start at {@code headingLevel + 1}; {@code null} when there is no text
     */
    public static String under(String html, int headingLevel) {
        String safe = LessonHtml.sanitise(html).strip();
        if (safe.isEmpty()) {
            return null;
        }
        Document document = Jsoup.parseBodyFragment(safe);
        Element first = document.body().children().first();
        if (first != null && first.tagName().matches("h[1-6]") && first.text().toLowerCase(Locale.ROOT).contains("agreement")) {
            first.remove();
        }
        for (Element heading : document.body().select("h1, h2, h3, h4, h5, h6")) {
            int level = heading.tagName().charAt(1) - '0';
            heading.tagName("h" + Math.min(6, Math.max(headingLevel + 1, level + headingLevel - 1)));
        }
        document.outputSettings().prettyPrint(false);
        return document.body().html();
    }
}
