package org.peersupport.portal.support;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * What a spreadsheet makes of a CSV export, for tests of formula injection: a {@code #} line is not quoted as a
 * whole, so a spreadsheet splits it at every separator (comma, semicolon, tab) and drops the quotes around a piece; the
 * other lines are CSV records. A cell is a formula if it begins with {@code = + - @}, a tab or a carriage return and
 * is not a number.
 */
public final class SpreadsheetView {

    private SpreadsheetView() {
    }

    /** Every cell of the file (byte-order mark removed) that a spreadsheet would run as a formula. */
    public static List<String> formulas(String csv) {
        List<String> formulas = new ArrayList<>();
        StringBuilder records = new StringBuilder();
        for (String line : csv.split("\r\n|\n", -1)) {
            if (line.startsWith("#")) {
                for (String piece : line.split("[,;\t]", -1)) {
                    String cell = piece.replaceFirst("^[ \"]+", "");
                    if (formula(cell)) {
                        formulas.add(cell + "    (in the line " + line + ")");
                    }
                }
            } else {
                records.append(line).append("\r\n");
            }
        }
        try {
            for (CSVRecord record : CSVFormat.RFC4180.parse(new StringReader(records.toString()))) {
                record.forEach(cell -> {
                    if (formula(cell)) {
                        formulas.add(cell);
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return formulas;
    }

    private static boolean formula(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-\\d+(\\.\\d+)?");
    }
}
