package org.peersupport.portal.platform.control;

import java.util.Locale;

/**
 * A JPQL or SQL {@code like} pattern that finds text anywhere, in lower case, with {@code %} and {@code _} in the
 * text matched literally: use it with {@code lower(…) like :pattern escape '!'} and as a query parameter.
 */
public final class LikePattern {

    /** The escape character the queries name. */
    public static final char ESCAPE = '!';

    private LikePattern() {
    }

    /** The pattern for text anywhere; null for a blank text (no filter). */
    public static String containing(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String escaped = text.strip().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }
}
