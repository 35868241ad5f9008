package org.peersupport.portal.platform.control;

/**
 * The portal's one rule against formula injection in CSV files (OWASP "CSV injection"): a text that a spreadsheet
 * would take as a cell beginning with {@code = + - @}, a tab or a carriage return gets a leading apostrophe, so it is
 * shown as the text it is. Numbers and dates are written as themselves (a negative number stays a number); only text
 * passes through here.
 */
public final class CsvCells {

    private CsvCells() {
    }

    /** A text cell, neutralised if it begins a formula. */
    public static String neutralise(String value) {
        return value == null || value.isEmpty() || !startsFormula(value.charAt(0)) ? value : "'" + value;
    }

    /**
     * A {@code #} line (what the export is), which a spreadsheet reads as a row like any other: it splits the line at
     * every comma, semicolon or tab (the list separators spreadsheets use) and unquotes a piece in double quotes. Each
     * piece that would then begin a formula gets the apostrophe where it begins (before any spaces or quote), so a
     * cohort named {@code x,=HYPERLINK("…")} stays text in every cell.
     */
    public static String neutraliseLine(String line) {
        if (line == null || line.isEmpty()) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length() + 8);
        boolean pieceStarts = true;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (pieceStarts && beginsFormula(line, i)) {
                out.append('\'');
            }
            out.append(c);
            pieceStarts = c == ',' || c == ';' || c == '\t';
        }
        return out.toString();
    }

    /** Whether the piece starting at {@code from} begins a formula once leading spaces and quotes are dropped. */
    private static boolean beginsFormula(String line, int from) {
        int i = from;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '"')) {
            i++;
        }
        return i < line.length() && startsFormula(line.charAt(i));
    }

    private static boolean startsFormula(char first) {
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
