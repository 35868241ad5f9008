package org.peersupport.portal.identity.control;

import java.util.regex.Pattern;

/**
 * What the sign-in path keeps of a name someone typed or sent: without control characters (NUL and the like,
 * Unicode category Cc), which PostgreSQL refuses in text and which would garble the audit trail.
 */
public final class SignInNames {

    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    private SignInNames() {
    }

    public static boolean hasControlCharacters(String text) {
        return text != null && CONTROL.matcher(text).find();
    }

    /** The text without control characters and surrounding white space; "" for null. */
    public static String clean(String text) {
        return text == null ? "" : CONTROL.matcher(text).replaceAll("").strip();
    }
}
