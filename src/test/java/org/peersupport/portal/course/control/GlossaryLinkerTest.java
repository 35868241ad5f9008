package org.peersupport.portal.course.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Glossary terms in lesson text link to their definitions. */
class GlossaryLinkerTest {

    private static final String GLOSSARY = "/course/glossary.xhtml";

    private static GlossaryLinker.Term term(String term) {
        return new GlossaryLinker.Term(term, GlossaryLinker.anchorFor(term));
    }

    private static String link(String html, String... terms) {
        return GlossaryLinker.link(html, Arrays.stream(terms).map(GlossaryLinkerTest::term).toList(), GLOSSARY);
    }

    private static String anchor(String anchor, String text) {
        return "<a href=\"" + GLOSSARY + "#" + anchor + "\" class=\"glossary-term\">" + text + "</a>";
    }

    @Test
    void linksOnlyTheFirstOccurrence() {
        assertEquals("<p>A " + anchor("term-recovery", "recovery") + " plan supports recovery.</p>",
                link("<p>A recovery plan supports recovery.</p>", "recovery"));
    }

    @Test
    void firstOccurrenceCountsAcrossTheWholeLesson() {
        assertEquals("<p>" + anchor("term-boundaries", "Boundaries") + " matter.</p><p>Keep boundaries.</p>",
                link("<p>Boundaries matter.</p><p>Keep boundaries.</p>", "boundaries"));
    }

    @Test
    void longestTermWins() {
        String html = link("<p>A peer support worker offers peer support.</p>", "peer support", "peer support worker");
        assertEquals("<p>A " + anchor("term-peer-support-worker", "peer support worker") + " offers "
                + anchor("term-peer-support", "peer support") + ".</p>", html);
    }

    @Test
    void wordsOfALinkedLongerTermDoNotLinkAShorterOne() {
        String html = link("<p>The peer support worker meets another peer support worker.</p>",
                "peer support worker", "peer support");
        assertEquals(1, count(html, "class=\"glossary-term\""), html);
        assertFalse(html.contains("#term-peer-support\""), html);
    }

    @Test
    void keepsTheLessonsCasing() {
        assertEquals("<p>" + anchor("term-peer-support", "Peer Support") + " works.</p>",
                link("<p>Peer Support works.</p>", "peer support"));
    }

    @Test
    void matchesWholeWordsOnly() {
        assertEquals("<p>Carers and careful " + anchor("term-care", "care") + ".</p>",
                link("<p>Carers and careful care.</p>", "care"));
    }

    @Test
    void matchesSimplePlurals() {
        assertEquals("<p>Set " + anchor("term-boundary", "boundarys") + " early.</p>",
                link("<p>Set boundarys early.</p>", "boundary"));
        assertEquals("<p>Two " + anchor("term-crisis-plan", "crisis plans") + ".</p>",
                link("<p>Two crisis plans.</p>", "crisis plan"));
        assertEquals("<p>Local " + anchor("term-approach", "approaches") + ".</p>",
                link("<p>Local approaches.</p>", "approach"));
    }

    @Test
    void matchesATermBrokenOverALine() {
        assertEquals("<p>A " + anchor("term-peer-support", "peer\nsupport") + " role.</p>",
                link("<p>A peer\nsupport role.</p>", "peer support"));
    }

    @Test
    void neverLinksInsideLinksHeadingsCodeOrPre() {
        String html = link("<h2>Recovery</h2><p><a href=\"/x\">recovery</a></p><p><code>recovery</code></p>"
                + "<pre>recovery</pre><p>Real recovery.</p>", "recovery");
        assertEquals("<h2>Recovery</h2><p><a href=\"/x\">recovery</a></p><p><code>recovery</code></p>"
                + "<pre>recovery</pre><p>Real " + anchor("term-recovery", "recovery") + ".</p>", html);
    }

    @Test
    void linksInsideEmphasisAndLists() {
        assertEquals("<ul><li><strong>" + anchor("term-empathy", "Empathy") + "</strong> first</li></ul>",
                link("<ul><li><strong>Empathy</strong> first</li></ul>", "empathy"));
    }

    @Test
    void regexMetacharactersInATermAreLiteral() {
        // The sanitiser writes "+" as "&#43;".
        assertEquals("<p>Use " + anchor("term-c", "C&#43;&#43;") + " or (" + anchor("term-cbt", "CBT") + "), not CBT.</p>",
                link("<p>Use C++ or (CBT), not CBT.</p>", "C++", "CBT"));
        assertEquals("<p>Call aXb, then " + anchor("term-a-b", "a.b") + ".</p>",
                link("<p>Call aXb, then a.b.</p>", "a.b"));
        assertEquals("<p>Nothing here.</p>", link("<p>Nothing here.</p>", ".*", "\\E(", "[a-z]+"));
    }

    @Test
    void escapedTextStaysEscaped() {
        String html = link("<p>&lt;script&gt;alert(1)&lt;/script&gt; recovery &lt;b&gt;</p>", "recovery", "script");
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<b>"), html);
        assertTrue(html.contains("&lt;"), html);
        assertTrue(html.contains(anchor("term-recovery", "recovery")), html);
        assertEquals("<p>&lt;" + anchor("term-recovery", "recovery") + "&gt;</p>",
                link("<p>&lt;recovery&gt;</p>", "recovery"));
    }

    @Test
    void unsafeInputComesOutSafe() {
        String html = link("<p onclick=\"x()\">recovery<script>alert(1)</script></p>", "recovery");
        assertEquals("<p>" + anchor("term-recovery", "recovery") + "</p>", html);
    }

    @Test
    void anAnchorCannotBreakOutOfTheHref() {
        String html = GlossaryLinker.link("<p>recovery</p>",
                List.of(new GlossaryLinker.Term("recovery", "x\" onclick=\"alert(1)")), GLOSSARY);
        assertFalse(html.contains("onclick=\""), html);
        assertTrue(html.contains("class=\"glossary-term\""), html);
    }

    @Test
    void missingAnchorIsDerivedFromTheTerm() {
        assertEquals("term-peer-support", new GlossaryLinker.Term("peer support", null).anchor());
        assertEquals("term-peer-support", new GlossaryLinker.Term("peer support", " ").anchor());
    }

    @Test
    void noTermsOrNoHtml() {
        assertEquals("<p>x</p>", GlossaryLinker.link("<p>x</p>", List.of(), GLOSSARY));
        assertEquals("<p>x</p>", GlossaryLinker.link("<p>x</p>", null, GLOSSARY));
        assertEquals("", GlossaryLinker.link(null, List.of(term("x")), GLOSSARY));
    }

    @Test
    void anchorsAreStableAndUrlSafe() {
        assertEquals("term-peer-support-worker", GlossaryLinker.anchorFor("Peer Support Worker"));
        assertEquals("term-peer-support-worker", GlossaryLinker.anchorFor("  peer   support  worker "));
        assertEquals("term-cafe-naive", GlossaryLinker.anchorFor("Café naïve"));
        assertEquals("term-c", GlossaryLinker.anchorFor("C++"));
        assertEquals("term-wellness-recovery-action-plan-wrap",
                GlossaryLinker.anchorFor("Wellness Recovery Action Plan (WRAP)"));
        String nonLatin = GlossaryLinker.anchorFor("回復");
        assertTrue(nonLatin.matches("term-[0-9a-f]{12}"), nonLatin);
        assertEquals(nonLatin, GlossaryLinker.anchorFor("回復"));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}
