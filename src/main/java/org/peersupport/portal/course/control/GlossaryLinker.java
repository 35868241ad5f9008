package org.peersupport.portal.course.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

/**
 * Links the glossary terms a lesson uses to their definitions on the glossary page.
 *
 * <p>Only text is searched, never markup, so a term can neither break an element nor turn escaped
 * text into markup. Each term links once, at its first occurrence outside links, headings,
 * {@code code} and {@code pre}; matches are case-insensitive, on whole words, and also find a
 * simple plural ending in "s" or "es". Where terms overlap the longer wins: in "peer support
 * worker" the words belong to that term, even after it has been linked, and never to "peer
 * support". The link keeps the lesson's own spelling of the words. The result passes through
 * {@link LessonHtml#sanitise} so it is safe whatever came in.
 */
public final class GlossaryLinker {

    /** Letters and digits; a term matches only where neither side continues a word. */
    private static final String WORD_CHAR = "[\\p{L}\\p{N}_]";
    private static final Set<String> SKIPPED = Set.of("a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /**
     * A glossary term and the anchor of its definition on the glossary page.
     *
     * @param term   the term as the glossary spells it, e.g. "peer support worker"
     * @param anchor the definition's anchor without {@code #}; {@code null} or blank gives
     *               {@link GlossaryLinker#anchorFor(String)}
     */
    public record Term(String term, String anchor) {

        public Term {
            Objects.requireNonNull(term, "term");
            if (anchor == null || anchor.isBlank()) {
                anchor = anchorFor(term);
            }
        }
    }

    private GlossaryLinker() {
    }

    /**
     * Links the first use of each term in the lesson.
     *
     * @param safeHtml          lesson HTML (sanitised again here), or {@code null}
     * @param terms             the glossary, or {@code null} for none
     * @param glossaryPageHref  the glossary page's address, e.g. {@code /course/glossary.xhtml?course=3}
     * @return safe HTML with glossary links, {@code ""} for {@code null}
     */
    public static String link(String safeHtml, List<GlossaryLinker.Term> terms, String glossaryPageHref) {
        if (safeHtml == null) {
            return "";
        }
        List<Term> usable = longestFirst(terms);
        if (usable.isEmpty()) {
            return LessonHtml.sanitise(safeHtml);
        }
        Document document = Jsoup.parseBodyFragment(safeHtml);
        document.outputSettings().prettyPrint(false);
        new Linking(usable, glossaryPageHref == null ? "" : glossaryPageHref).linkIn(document.body());
        return LessonHtml.sanitise(document.body().html());
    }

    /**
     * A stable, URL-safe anchor for a term: "term-" and the term in lower-case ASCII words joined
     * by hyphens, e.g. {@code term-peer-support-worker}. A term with no ASCII letters or digits
     * gets a short hash of itself instead.
     */
    public static String anchorFor(String term) {
        Objects.requireNonNull(term, "term");
        String ascii = MARKS.matcher(Normalizer.normalize(term, Normalizer.Form.NFKD)).replaceAll("");
        String slug = NOT_SLUG.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = slug.replaceAll("^-+|-+$", "");
        if (slug.isEmpty()) {
            slug = shortHash(term.strip().toLowerCase(Locale.ROOT));
        }
        return "term-" + slug;
    }

    private static List<Term> longestFirst(List<Term> terms) {
        if (terms == null) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        List<Term> usable = new ArrayList<>();
        for (Term term : terms) {
            if (term != null && !term.term().isBlank() && seen.add(normalised(term.term()))) {
                usable.add(term);
            }
        }
        usable.sort(Comparator.comparingInt((Term t) -> normalised(t.term()).length()).reversed());
        return usable;
    }

    private static String normalised(String term) {
        return term.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** One pass over a document; remembers which terms it has linked. */
    private static final class Linking {

        private final List<Term> terms;
        private final String glossaryPageHref;
        private final Pattern pattern;
        private final boolean[] linked;

        Linking(List<Term> terms, String glossaryPageHref) {
            this.terms = terms;
            this.glossaryPageHref = glossaryPageHref;
            this.linked = new boolean[terms.size()];
            // One group per term, longest first, so the regex engine prefers the longer term
            // wherever two could start at the same place.
            String alternatives = terms.stream()
                    .map(t -> "(" + wordsOf(t.term()) + ")")
                    .collect(Collectors.joining("|"));
            this.pattern = Pattern.compile(
                    "(?<!" + WORD_CHAR + ")(?:" + alternatives + ")(?:es|s)?(?!" + WORD_CHAR + ")",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }

        private static String wordsOf(String term) {
            return Pattern.compile("\\s+").splitAsStream(term.strip())
                    .map(Pattern::quote)
                    .collect(Collectors.joining("[\\s\\u00A0]+"));
        }

        void linkIn(Element body) {
            List<TextNode> candidates = new ArrayList<>();
            NodeTraversor.traverse((node, depth) -> {
                if (node instanceof TextNode text && !insideSkipped(text)) {
                    candidates.add(text);
                }
            }, body);
            for (TextNode text : candidates) {
                if (allLinked()) {
                    return;
                }
                linkIn(text);
            }
        }

        private void linkIn(TextNode text) {
            TextNode rest = text;
            Matcher matcher = pattern.matcher(rest.getWholeText());
            int from = 0;
            while (matcher.find(from)) {
                int index = matchedTerm(matcher);
                if (linked[index]) {
                    from = matcher.end();
                    continue;
                }
                linked[index] = true;
                // jsoup splits only strictly inside a text node, so a match at either end is not split there.
                TextNode match = matcher.start() == 0 ? rest : rest.splitText(matcher.start());
                int length = matcher.end() - matcher.start();
                TextNode after = length < match.getWholeText().length() ? match.splitText(length) : null;
                Element link = new Element("a")
                        .attr("href", glossaryPageHref + "#" + terms.get(index).anchor())
                        .addClass("glossary-term")
                        .appendText(match.getWholeText());
                match.replaceWith(link);
                if (after == null) {
                    return;
                }
                rest = after;
                matcher = pattern.matcher(rest.getWholeText());
                from = 0;
            }
        }

        private int matchedTerm(Matcher matcher) {
            for (int group = 1; group <= matcher.groupCount(); group++) {
                if (matcher.group(group) != null) {
                    return group - 1;
                }
            }
            throw new IllegalStateException("a match without a term");
        }

        private boolean allLinked() {
            for (boolean done : linked) {
                if (!done) {
                    return false;
                }
            }
            return true;
        }

        private static boolean insideSkipped(Node node) {
            for (Element parent = (Element) node.parent(); parent != null; parent = parent.parent()) {
                if (SKIPPED.contains(parent.normalName())) {
                    return true;
                }
            }
            return false;
        }
    }
}
