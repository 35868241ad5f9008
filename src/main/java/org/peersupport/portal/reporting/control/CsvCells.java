package org.peersupport.portal.reporting.control;

/**
 * Neutralises CSV cells that a spreadsheet would run as a formula (CSV injection, OWASP): a cell beginning with
 * {@code = + - @}, a tab or a carriage return gets a leading apostrophe, so it is shown as the text it is.
 */
public final class CsvCells {

    private CsvCells() {
    }

    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
