package org.peersupport.portal.platform.control;

/**
 * The portal's one rule for control characters in what people and clients send: NUL and the other C0 controls, DEL
 * and the C1 controls are refused everywhere (PostgreSQL cannot store NUL, and none of them is text a person means).
 * Tab, carriage return and line feed are text: multi-line fields hold them, and a browser cannot put them into a
 * single-line field. Applied to every Faces input by {@code TextConverter} and to every other request's parameters by
 * {@code ControlCharacterFilter}.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** Whether the text holds a character the portal refuses; null holds none. */
    public static boolean refused(CharSequence text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (refused(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static boolean refused(char c) {
        return c < 0x20 && c != '\t' && c != '\r' && c != '\n' || c >= 0x7F && c <= 0x9F;
    }
}
