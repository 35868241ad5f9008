package org.peersupport.portal.reporting.boundary;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.peersupport.portal.reporting.entity.Measure;
import org.peersupport.portal.reporting.entity.ReportFilter;

/**
 * A report's URL parameters as typed (pages, exports and the API share the names: {@code organisation},
 * {@code department}, {@code course}, {@code cohort}, {@code from}, {@code to}, {@code measure}, {@code month}),
 * read into a {@link ReportFilter}. A value that cannot be read becomes a problem named by its parameter, with the
 * message key to show next to its field; the typed text is kept so the form shows it again.
 */
public final class ReportParameters {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> problems = new LinkedHashMap<>();

    public ReportParameters(Function<String, String> parameter) {
        for (String name : new String[] {"organisation", "department", "course", "cohort", "from", "to", "measure", "month"}) {
            String value = parameter.apply(name);
            if (value != null && !value.isBlank()) {
                values.put(name, value.strip());
            }
        }
    }

    public String value(String name) {
        return values.get(name);
    }

    /** The filter, leaving out any part that could not be read (see {@link #problems()}). */
    public ReportFilter filter() {
        Long cohort = null;
        if (values.containsKey("cohort")) {
            try {
                cohort = Long.valueOf(values.get("cohort"));
            } catch (NumberFormatException e) {
                problems.put("cohort", "report.filter.cohort.invalid");
            }
        }
        LocalDate from = date("from");
        LocalDate to = date("to");
        if (from != null && to != null && to.isBefore(from)) {
            problems.put("to", "report.filter.range");
            to = null;
        }
        return new ReportFilter(values.get("organisation"), values.get("department"), values.get("course"), cohort, from, to);
    }

    public Measure measure() {
        String value = values.get("measure");
        if (value == null) {
            return Measure.ENROLLED;
        }
        return Measure.fromParameter(value).orElseGet(() -> {
            problems.put("measure", "report.measure.invalid");
            return Measure.ENROLLED;
        });
    }

    public YearMonth month() {
        String value = values.get("month");
        if (value == null) {
            return null;
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            problems.put("month", "report.month.invalid");
            return null;
        }
    }

    /** Parameters that could not be read, each with the message key that explains it. */
    public Map<String, String> problems() {
        return problems;
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    private LocalDate date(String name) {
        String value = values.get(name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.put(name, "report.filter.date.invalid");
            return null;
        }
    }

    /** A query string ({@code a=1&b=2}) of these parameters, each value URL-encoded; empty values are left out. */
    public static String query(Map<String, ?> parameters) {
        return parameters.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().toString().isEmpty())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
