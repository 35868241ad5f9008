package org.peersupport.portal.course.control;

import java.util.List;
import java.util.Locale;

/** Suggests the known word a misspelt one was meant to be ("did you mean ...?"). */
final class SpellingSuggestions {

    private static final int MAX_EDITS = 2;

    private SpellingSuggestions() {
    }

    /** The known word nearest to a misspelt one (at most two edits, ignoring case), or {@code null}. */
    static String closest(String word, List<String> known) {
        String best = null;
        int bestDistance = MAX_EDITS + 1;
        for (String candidate : known) {
            int d = distance(word.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /** The Levenshtein distance: how many single-character insertions, deletions and changes turn a into b. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
