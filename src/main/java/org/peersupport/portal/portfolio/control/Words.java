package org.peersupport.portal.portfolio.control;

import java.util.regex.Pattern;
import org.peersupport.portal.course.control.LessonHtml;

/**
 * Counts the words of a written piece as a reader sees them: the text of the sanitised HTML (tags and entities
 * are not words), split on white space, counting only runs that hold a letter or a digit (a dash on its own is not a
 * word; "don't" and "peer-led" are one each). The count on the server is the one that is stored; the page's live
 * count follows the same rule in JavaScript.
 */
public final class Words {

    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern WORDLIKE = Pattern.compile("[\\p{L}\\p{N}]");

    private Words() {
    }

    public static int count(String html) {
        String text = LessonHtml.plainText(html).replace('\u00a0', ' ').strip();
        if (text.isEmpty()) {
            return 0;
        }
        int words = 0;
        for (String token : SPACE.split(text)) {
            if (WORDLIKE.matcher(token).find()) {
                words++;
            }
        }
        return words;
    }
}
