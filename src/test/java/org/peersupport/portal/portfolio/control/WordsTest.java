package org.peersupport.portal.portfolio.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void issue5_wordsAreCountedInTheTextAReaderSeesNotInTheMarkup() {
        assertEquals(0, Words.count(null));
        assertEquals(0, Words.count(""));
        assertEquals(0, Words.count("<p><br></p>"));
        assertEquals(5, Words.count("<p>My <strong>recovery</strong> story, <em>in brief</em></p>"));
        assertEquals(4, Words.count("<p>one</p><p>two</p><ul><li>three</li><li>four</li></ul>"),
                "blocks are separate words even with no space between the tags");
        assertEquals(3, Words.count("<p>peer-led support \u2013 don't</p>"), "a dash on its own is not a word");
        assertEquals(2, Words.count("<p>caf&eacute;&nbsp;visits</p>"), "entities are text, a non-breaking space separates");
        assertEquals(3, Words.count("<p>Session 10 matters</p>"), "numbers count as words");
    }
}
