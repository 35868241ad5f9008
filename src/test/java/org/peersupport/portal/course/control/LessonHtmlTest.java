package org.peersupport.portal.course.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lesson bodies from Markdown and the rich-text editor come out as safe HTML. */
class LessonHtmlTest {

    private static final List<String> ATTACKS = List.of(
            "<p>Hello</p><script>alert(1)</script>",
            "<p onclick=\"alert(1)\">Click</p>",
            "<img src=x onerror=alert(1)>",
            "<a href=\"javascript:alert(1)\">link</a>",
            "<a href=\"JaVaScRiPt:alert(1)\">link</a>",
            "<a href=\"&#106;avascript:alert(1)\">link</a>",
            "<a href=\" javascript:alert(1)\">link</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">link</a>",
            "<svg onload=alert(1)><circle r=\"5\"/></svg>",
            "<iframe src=\"https://evil.example/\"></iframe>",
            "<p style=\"background:url(javascript:alert(1))\">styled</p>",
            "<style>body{display:none}</style><p>text</p>",
            "<object data=\"evil.swf\"></object><embed src=\"evil.swf\">",
            "<form action=\"https://evil.example/\"><input name=\"q\"><button>Go</button></form>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
            "<a href=\"https://example.org/\" onmouseover=\"alert(1)\">hover</a>",
            "<details open ontoggle=alert(1)>x</details>",
            "<base href=\"https://evil.example/\"><link rel=stylesheet href=\"https://evil.example/x.css\">");

    @ParameterizedTest
    @ValueSource(strings = {
        "<p>Hello</p><script>alert(1)</script>",
        "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
        "<scr<script>ipt>alert(1)</script>"
    })
    void scriptNeverSurvives(String html) {
        String safe = LessonHtml.sanitise(html);
        assertFalse(safe.toLowerCase(Locale.ROOT).contains("<script"), safe);
    }

    @Test
    void attacksLeaveNoActiveContent() {
        for (String attack : ATTACKS) {
            String safe = LessonHtml.sanitise(attack).toLowerCase(Locale.ROOT);
            for (String forbidden : List.of("<script", "<img", "<svg", "<iframe", "<style", "<object",
                    "<embed", "<form", "<input", "<button", "<math", "<base", "<link", "<details",
                    "onerror", "onload", "onclick", "onmouseover", "ontoggle", "javascript:", "data:", "style=")) {
                assertFalse(safe.contains(forbidden), () -> attack + " -> " + safe + " contains " + forbidden);
            }
        }
    }

    @Test
    void textOfRemovedElementsStaysButScriptTextGoes() {
        assertEquals("<p>Hello</p>", LessonHtml.sanitise("<p>Hello</p><script>alert(1)</script>"));
        assertEquals("<p>styled</p>", LessonHtml.sanitise("<p style=\"color:red\">styled</p>"));
        assertEquals("link", LessonHtml.sanitise("<a href=\"javascript:alert(1)\">link</a>"));
    }

    @Test
    void markdownWithEmbeddedScriptIsSafe() {
        String html = LessonHtml.fromMarkdown("""
                # Listening

                Some *text*.

                <script>alert('x')</script>

                <img src=x onerror="alert(1)">

                [click](javascript:alert(1))
                """);
        String lower = html.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<script"), html);
        assertFalse(lower.contains("onerror"), html);
        assertFalse(lower.contains("javascript:"), html);
        assertTrue(html.contains("<h2>Listening</h2>"), html);
        assertTrue(html.contains("<em>text</em>"), html);
    }

    @Test
    void markdownStructureSurvives() {
        String html = LessonHtml.fromMarkdown("""
                ## Active listening

                1. **Pay attention**
                2. Reflect

                - one
                - two

                > A quote

                Use `code` and [the guide](https://example.org/guide).

                ```
                block
                ```
                """);
        assertTrue(html.contains("<h2>Active listening</h2>"), html);
        assertTrue(html.contains("<ol><li><strong>Pay attention</strong></li><li>Reflect</li></ol>"), html);
        assertTrue(html.contains("<ul><li>one</li><li>two</li></ul>"), html);
        assertTrue(html.contains("<blockquote>"), html);
        assertTrue(html.contains("<code>code</code>"), html);
        assertTrue(html.contains("<pre><code>block"), html);
        assertTrue(html.contains("<a href=\"https://example.org/guide\" rel=\"noopener noreferrer\">the guide</a>"), html);
    }

    @Test
    void rawHtmlTableInMarkdownSurvives() {
        String html = LessonHtml.fromMarkdown("""
                <table><thead><tr><th scope="col">Skill</th></tr></thead>
                <tbody><tr><td>Listening</td></tr></tbody></table>
                """);
        assertTrue(html.contains("<th scope=\"col\">Skill</th>"), html);
        assertTrue(html.contains("<td>Listening</td>"), html);
    }

    @Test
    void richTextFromTheEditorSurvives() {
        String quill = "<h2 class=\"ql-align-center\">Title</h2>"
                + "<p class=\"ql-indent-2 ql-align-justify\">Text with <strong>bold</strong>, <em>em</em>,"
                + " <u>under</u>, <s>strike</s>, x<sub>2</sub> and y<sup>3</sup>.</p>"
                + "<ul><li class=\"ql-indent-1\">item</li></ul>"
                + "<p><a href=\"https://example.org/\" rel=\"noopener noreferrer\" target=\"_blank\">site</a></p>";
        String html = LessonHtml.sanitise(quill);
        assertTrue(html.contains("<h2 class=\"ql-align-center\">Title</h2>"), html);
        assertTrue(html.contains("<p class=\"ql-indent-2 ql-align-justify\">"), html);
        assertTrue(html.contains("<strong>bold</strong>"), html);
        assertTrue(html.contains("<u>under</u>"), html);
        assertTrue(html.contains("<s>strike</s>"), html);
        assertTrue(html.contains("x<sub>2</sub>"), html);
        assertTrue(html.contains("<li class=\"ql-indent-1\">item</li>"), html);
        assertTrue(html.contains("<a href=\"https://example.org/\" target=\"_blank\" rel=\"noopener noreferrer\">site</a>"), html);
    }

    @Test
    void onlyKnownClassesSurvive() {
        assertEquals("<p class=\"ql-align-right\">x</p>",
                LessonHtml.sanitise("<p class=\"evil ql-align-right ql-indent-9\">x</p>"));
        assertEquals("<p>x</p>", LessonHtml.sanitise("<p class=\"modal-backdrop\">x</p>"));
        assertEquals("<a href=\"#term-a\" class=\"glossary-term\">a</a>",
                LessonHtml.sanitise("<a href=\"#term-a\" class=\"glossary-term\">a</a>"));
        assertEquals("<a href=\"#x\">a</a>", LessonHtml.sanitise("<a href=\"#x\" class=\"ql-align-center\">a</a>"));
    }

    @Test
    void h1BecomesH2AndDeepHeadingsBecomeH4() {
        assertEquals("<h2>Lesson</h2><h3>Part</h3><h4>Deep</h4><h4>Deeper</h4>",
                LessonHtml.sanitise("<h1>Lesson</h1><h3>Part</h3><h5>Deep</h5><h6>Deeper</h6>"));
        assertEquals("<h2>Lesson</h2>", LessonHtml.fromMarkdown("# Lesson"));
    }

    @Test
    void linksKeepOnlySafeUrlsAndGetRelWhenTheyLeaveThePortal() {
        assertEquals("<a href=\"/course/glossary.xhtml#term-x\">rel</a>",
                LessonHtml.sanitise("<a href=\"/course/glossary.xhtml#term-x\">rel</a>"));
        assertEquals("<a href=\"mailto:tutor&#64;example.org\">mail</a>",
                LessonHtml.sanitise("<a href=\"mailto:tutor@example.org\">mail</a>"));
        assertEquals("<a href=\"http://example.org\" rel=\"noopener noreferrer\">ext</a>",
                LessonHtml.sanitise("<a href=\"http://example.org\" rel=\"opener\">ext</a>"));
        assertEquals("<a href=\"//example.org\" rel=\"noopener noreferrer\">ext</a>",
                LessonHtml.sanitise("<a href=\"//example.org\">ext</a>"));
        assertEquals("<a href=\"page.xhtml\" target=\"_blank\" rel=\"noopener noreferrer\">new tab</a>",
                LessonHtml.sanitise("<a href=\"page.xhtml\" target=\"_blank\">new tab</a>"));
        assertEquals("<a href=\"page.xhtml\">frame</a>",
                LessonHtml.sanitise("<a href=\"page.xhtml\" target=\"top\">frame</a>"));
        assertEquals("ftp", LessonHtml.sanitise("<a href=\"ftp://example.org/\">ftp</a>"));
    }

    @Test
    void escapedTextStaysEscaped() {
        String safe = LessonHtml.sanitise("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
        assertFalse(safe.contains("<script"), safe);
        assertEquals("<script>alert(1)</script>", LessonHtml.plainText(safe));
    }

    @Test
    void sanitisingTwiceChangesNothing() {
        List<String> inputs = new java.util.ArrayList<>(ATTACKS);
        inputs.addAll(List.of(
                "<h1>T</h1><p class=\"ql-align-center\">a &amp; b &lt; c \"quoted\" it's = + @ `x`</p>",
                "<a href=\"https://example.org/?a=1&b=2\" target=\"_blank\">x</a><a href=\"https://e.org\">y</a>",
                "<table><tr><th scope=\"row\">h</th><td>d</td></tr></table>",
                "<p>unclosed <b>bold <i>both</p> after",
                "<ul><li>one<li>two</ul><pre>  keep\n  spaces</pre>"));
        inputs.add(LessonHtml.fromMarkdown("# Title\n\nSome **bold** & [link](https://example.org).\n"));
        for (String input : inputs) {
            String once = LessonHtml.sanitise(input);
            assertEquals(once, LessonHtml.sanitise(once), input);
        }
    }

    @Test
    void nullGivesEmpty() {
        assertEquals("", LessonHtml.sanitise(null));
        assertEquals("", LessonHtml.fromMarkdown(null));
        assertEquals("", LessonHtml.plainText(null));
    }

    @Test
    void plainTextIsWhatAReaderSees() {
        assertEquals("Title First paragraph with bold. Second.",
                LessonHtml.plainText("<h2>Title</h2><p>First paragraph with <strong>bold</strong>.</p><p>Second.</p>"));
        assertEquals("a & b", LessonHtml.plainText("<p>a &amp; b</p>"));
    }
}
