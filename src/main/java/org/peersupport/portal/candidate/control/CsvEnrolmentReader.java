package org.peersupport.portal.candidate.control;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a coordinator's enrolment file: a CSV whose first line names the columns ({@code username} is required;
 * {@code name} and {@code email} may be given to help the coordinator check the file, in any order and case).
 * Every row comes back with its line number; every bad row is reported with its line and reason, so the
 * coordinator can fix them all at once. Blank rows (spreadsheets leave them) are skipped. Whether each username is
 * a person in the directory is for the caller to check.
 */
public class CsvEnrolmentReader {

    /** The columns the file may have. */
    public static final List<String> COLUMNS = List.of("username", "name", "email");

    /** More rows than a cohort could ever take: the file is refused rather than read without end. */
    public static final int MAX_ROWS = 1000;

    /** A row that names someone to enrol. */
    public record Row(int line, String username, String name, String email) {
    }

    /** A bad row (or header, line 1) and why. */
    public record Problem(int line, String reason) {
        @Override
        public String toString() {
            return "line " + line + ": " + reason;
        }
    }

    /** What the file holds: rows to enrol and problems; the file is usable only when there are no problems. */
    public record Result(List<Row> rows, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public Result read(Reader input) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(true).build();
        try (CSVParser parser = CSVParser.parse(input, format)) {
            Map<String, Integer> columns = null;
            Map<String, Integer> seen = new HashMap<>();
            for (CSVRecord record : parser) {
                int line = (int) record.getRecordNumber();
                if (columns == null) {
                    columns = header(record, problems);
                    if (columns == null) {
                        return new Result(List.of(), problems);
                    }
                    continue;
                }
                if (isBlank(record)) {
                    continue;
                }
                if (rows.size() + problems.size() >= MAX_ROWS) {
                    problems.add(new Problem(line, "the file has more than " + MAX_ROWS + " rows; split it"));
                    break;
                }
                if (record.size() > columns.size()) {
                    problems.add(new Problem(line, "the row has " + record.size() + " values but the header names "
                            + columns.size() + " columns"));
                    continue;
                }
                String username = value(record, columns.get("username"));
                if (username.isEmpty()) {
                    problems.add(new Problem(line, "the username is missing"));
                    continue;
                }
                if (!username.matches("[\\p{L}\\p{N}._@-]{1,100}")) {
                    problems.add(new Problem(line, "\"" + username + "\" is not a username"));
                    continue;
                }
                Integer first = seen.putIfAbsent(username.toLowerCase(Locale.ROOT), line);
                if (first != null) {
                    problems.add(new Problem(line, username + " is already on line " + first));
                    continue;
                }
                rows.add(new Row(line, username, emptyToNull(value(record, columns.get("name"))),
                        emptyToNull(value(record, columns.get("email")))));
            }
            if (columns == null) {
                problems.add(new Problem(1, "the file is empty; its first line must name the columns, e.g. username,name,email"));
            } else if (rows.isEmpty() && problems.isEmpty()) {
                problems.add(new Problem(2, "the file names nobody to enrol"));
            }
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            problems.add(new Problem(0, "the file is not valid CSV: " + e.getMessage()));
        }
        return new Result(rows, problems);
    }

    private static Map<String, Integer> header(CSVRecord record, List<Problem> problems) {
        Map<String, Integer> columns = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty() && i == record.size() - 1 && i > 0) {
                continue; // a trailing comma
            }
            if (!COLUMNS.contains(name)) {
                unknown.add(name.isEmpty() ? "(a column with no name)" : "\"" + name + "\"");
            } else if (columns.putIfAbsent(name, i) != null) {
                problems.add(new Problem(1, "the column \"" + name + "\" is named twice"));
            }
        }
        if (!unknown.isEmpty()) {
            problems.add(new Problem(1, "unknown column" + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown)
                    + "; the columns are " + String.join(", ", COLUMNS)));
        }
        if (!columns.containsKey("username")) {
            problems.add(new Problem(1, "the first line must name the columns and include \"username\""));
        }
        return problems.isEmpty() ? columns : null;
    }

    private static boolean isBlank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String value(CSVRecord record, Integer column) {
        return column == null || column >= record.size() ? "" : record.get(column).strip();
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
