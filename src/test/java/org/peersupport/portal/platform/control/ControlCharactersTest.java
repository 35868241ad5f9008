package org.peersupport.portal.platform.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 13, point 8: which characters the portal refuses in what people and clients send. */
class ControlCharactersTest {

    @Test
    void issue13_nulAndOtherControlCharactersAreRefused() {
        for (String text : List.of("a\u0000b", "\u0001", "bell\u0007", "esc\u001B[31m", "\u000B", "\u000C", "del\u007F",
                "next line\u0085", "\u009F")) {
            assertTrue(ControlCharacters.refused(text), () -> "refused: " + text.codePoints().boxed().toList());
        }
    }

    @Test
    void issue13_textWithTabsLineBreaksAndAnyLanguageIsAccepted() {
        for (String text : List.of("", "Amara O'Kafor", "line one\r\nline two\nthree\tfour", "Zoë Brontë – café",
                "Łódź 東京 مرحبا", "🙂 emoji", "\u00A0non-breaking space")) {
            assertFalse(ControlCharacters.refused(text), text);
        }
        assertFalse(ControlCharacters.refused(null));
    }
}
