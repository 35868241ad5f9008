package org.peersupport.portal.governance.control;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;
import org.peersupport.portal.platform.control.PersonalData;
import org.peersupport.portal.platform.control.PersonalRecordClass;
import org.peersupport.portal.governance.entity.Disclosure;
import org.peersupport.portal.platform.control.UkTime;

/**
 * Writes one person's subject access export as a ZIP, streaming: a readable document ({@code index.html}, every
 * section in plain English), one JSON file per feature ({@code data/<feature>.json}) and the person's own files
 * ({@code files/}). Rows are read through a database cursor and written as they come; the readable document is
 * spooled to a temporary file while the JSON is written, and files are copied chunk by chunk after it, so a large
 * portfolio never needs its size in heap.
 */
public final class SubjectAccessWriter {

    /** Where the bytes of a stored file come from. */
    @FunctionalInterface
    public interface FileSource {
        void copy(long fileId, OutputStream out) throws IOException;
    }

    /**
     * What the export says at the top (for whom, produced by whom, when) and what it includes: a person's own download
     * leaves out the classes that name other people; the governance role's applies its rule to each ({@code rules}).
     */
    public record Heading(String personName, String producedBy, Instant producedAt, boolean review,
            Map<String, Rule> rules) {

        public Heading {
            rules = Map.copyOf(rules);
        }
    }

    /** The governance role's rule for a class of record that names other people, and why. */
    public record Rule(Disclosure.Decision decision, String reason) {
    }

    private static final int FETCH_SIZE = 200;

    private final ResourceBundle text;
    private final Connection db;
    private final FileSource files;
    private final List<FileEntry> fileEntries = new ArrayList<>();
    private long rows;

    private record FileEntry(long fileId, String path) {
    }

    public SubjectAccessWriter(ResourceBundle text, Connection db, FileSource files) {
        this.text = text;
        this.db = db;
        this.files = files;
    }

    /** Rows written, all classes together. */
    public long rows() {
        return rows;
    }

    /**
     * Writes the export of {@code personId} to {@code out} (which is not closed). Classes that wait for review are
     * included only when {@code heading.review()}; otherwise the document says how many such records are held and
     * how to ask for them.
     */
    public void write(long personId, Heading heading, List<PersonalData> features, OutputStream out) throws IOException {
        Path html = Files.createTempFile("subject-access-", ".html");
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
                Writer page = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
            for (PersonalData feature : features) {
                if (feature.recordClasses().stream().anyMatch(c -> c.exportSql() != null)) {
                    writeFeature(personId, heading, feature, zip, page);
                }
            }
            page.flush();
            zip.putNextEntry(new ZipEntry("index.html"));
            Writer index = new java.io.OutputStreamWriter(zip, StandardCharsets.UTF_8);
            writeDocumentStart(index, heading);
            index.flush();
            Files.copy(html, zip);
            writeDocumentEnd(index);
            index.flush();
            zip.closeEntry();
            for (FileEntry file : fileEntries) {
                zip.putNextEntry(new ZipEntry(file.path()));
                files.copy(file.fileId(), zip);
                zip.closeEntry();
            }
            zip.finish();
        } catch (SQLException e) {
            throw new IOException("Could not read the person's data for the export", e);
        } finally {
            Files.deleteIfExists(html);
        }
    }

    private void writeFeature(long personId, Heading heading, PersonalData feature, ZipOutputStream zip, Writer page)
            throws IOException, SQLException {
        zip.putNextEntry(new ZipEntry("data/" + feature.feature() + ".json"));
        JsonGenerator json = Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createGenerator(new NonClosing(zip), StandardCharsets.UTF_8);
        json.writeStartObject();
        json.write("feature", feature.feature());
        json.write("title", text.getString("data.feature." + feature.feature()));
        json.writeStartObject("records");
        page.write("<section><h2>" + escape(text.getString("data.feature." + feature.feature())) + "</h2>\n");
        for (PersonalRecordClass recordClass : feature.recordClasses()) {
            if (recordClass.exportSql() == null) {
                continue;
            }
            String name = text.getString("data.class." + recordClass.key() + ".name");
            page.write("<h3>" + escape(name) + "</h3>\n<p>" + escape(text.getString("data.class." + recordClass.key()
                    + ".holds")) + "</p>\n");
            Rule rule = null;
            if (recordClass.disclosure() == PersonalRecordClass.Disclosure.REVIEW) {
                rule = heading.review() ? heading.rules().get(recordClass.key()) : null;
                if (rule == null || rule.decision() == Disclosure.Decision.WITHHOLD) {
                    String why = rule == null ? text.getString("sar.withheld.review") : java.text.MessageFormat.format(
                            text.getString("sar.withheld.because"), rule.reason());
                    long held = count(recordClass, personId);
                    json.writeStartObject(recordClass.key());
                    json.write("withheld", held);
                    json.write("why", why);
                    json.writeEnd();
                    page.write("<p class=\"withheld\">" + escape(java.text.MessageFormat.format(
                            text.getString("sar.withheld.count"), held)) + " " + escape(why) + "</p>\n");
                    continue;
                }
                if (rule.decision() == Disclosure.Decision.REDACT) {
                    String why = java.text.MessageFormat.format(text.getString("sar.redacted.because"), rule.reason());
                    json.write(recordClass.key() + "Redacted", why);
                    page.write("<p class=\"withheld\">" + escape(why) + "</p>\n");
                }
            }
            json.writeStartArray(recordClass.key());
            writeRows(personId, feature, recordClass, rule != null && rule.decision() == Disclosure.Decision.REDACT
                    ? java.util.Set.copyOf(recordClass.otherPeoplesColumns()) : java.util.Set.of(), json, page);
            json.writeEnd();
        }
        json.writeEnd();
        json.writeEnd();
        json.close();
        page.write("</section>\n");
        zip.closeEntry();
    }

    private void writeRows(long personId, PersonalData feature, PersonalRecordClass recordClass,
            java.util.Set<String> redacted, JsonGenerator json, Writer page) throws IOException, SQLException {
        try (PreparedStatement query = db.prepareStatement(recordClass.jdbcSql())) {
            query.setFetchSize(FETCH_SIZE);
            for (int i = 1; i <= recordClass.personParameters(); i++) {
                query.setLong(i, personId);
            }
            try (ResultSet rs = query.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                int columns = meta.getColumnCount();
                boolean any = false;
                while (rs.next()) {
                    if (!any) {
                        page.write("<table>\n");
                        any = true;
                    }
                    page.write("<tbody class=\"record\">\n");
                    json.writeStartObject();
                    Long fileId = null;
                    for (int c = 1; c <= columns; c++) {
                        String column = meta.getColumnLabel(c);
                        Object value = rs.getObject(c);
                        if ("file_id".equals(column)) {
                            fileId = value == null ? null : ((Number) value).longValue();
                            continue;
                        }
                        if ("file_name".equals(column) && fileId != null) {
                            String path = "files/" + feature.feature() + "/" + fileId + "-" + safeName(value);
                            fileEntries.add(new FileEntry(fileId, path));
                            value = path;
                        }
                        if (redacted.contains(column) && value != null) {
                            value = text.getString("sar.redacted");
                        }
                        writeField(json, page, column, value);
                    }
                    json.writeEnd();
                    page.write("</tbody>\n");
                    rows++;
                }
                page.write(any ? "</table>\n" : "<p>" + escape(text.getString("sar.none")) + "</p>\n");
            }
        }
    }

    private void writeField(JsonGenerator json, Writer page, String column, Object value) throws IOException {
        String label = text.getString("data.field." + column);
        Object plain = plain(value);
        if (plain == null) {
            json.writeNull(column);
        } else if (plain instanceof Boolean b) {
            json.write(column, b);
        } else if (plain instanceof Long l) {
            json.write(column, l);
        } else if (plain instanceof Integer i) {
            json.write(column, i);
        } else if (plain instanceof BigDecimal d) {
            json.write(column, d);
        } else {
            json.write(column, plain.toString());
        }
        if (plain == null) {
            return;
        }
        String shown;
        if (column.endsWith("_html")) {
            shown = Jsoup.clean(plain.toString(), Safelist.basic());
        } else if (column.equals("file_name")) {
            shown = "<a href=\"" + escape(plain.toString()) + "\">" + escape(plain.toString()) + "</a>";
        } else {
            shown = escape(readable(value, plain));
        }
        page.write("<tr><th scope=\"row\">" + escape(label) + "</th><td>" + shown + "</td></tr>\n");
    }

    /** The value as JSON holds it: instants and dates in ISO 8601, arrays as text. */
    private static Object plain(Object value) throws IOException {
        try {
            if (value instanceof Timestamp t) {
                return t.toInstant().toString();
            }
            if (value instanceof java.sql.Date d) {
                return d.toLocalDate().toString();
            }
            if (value instanceof Array a) {
                return java.util.Arrays.toString((Object[]) a.getArray());
            }
            if (value instanceof java.time.OffsetDateTime o) {
                return o.toInstant().toString();
            }
            return value;
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }

    /** The value as a person reads it: times in UK time, as the portal's pages write them. */
    private String readable(Object value, Object plain) {
        if (value instanceof Timestamp t) {
            return UkTime.DATE_TIME.format(t.toInstant().atZone(UkTime.ZONE));
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return UkTime.DATE_TIME.format(o.atZoneSameInstant(UkTime.ZONE));
        }
        if (value instanceof java.sql.Date d) {
            return UkTime.DATE.format(d.toLocalDate());
        }
        if (value instanceof LocalDate d) {
            return UkTime.DATE.format(d);
        }
        if (value instanceof LocalDateTime d) {
            return UkTime.DATE_TIME.format(d);
        }
        if (value instanceof Boolean b) {
            return text.getString(b ? "sar.yes" : "sar.no");
        }
        return plain.toString();
    }

    private long count(PersonalRecordClass recordClass, long personId) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("select count(*) from (" + recordClass.jdbcSql() + ") held")) {
            for (int i = 1; i <= recordClass.personParameters(); i++) {
                query.setLong(i, personId);
            }
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void writeDocumentStart(Writer out, Heading heading) throws IOException {
        String title = java.text.MessageFormat.format(text.getString("sar.document.title"), heading.personName());
        out.write("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n<style>body{font-family:Arial,sans-serif;max-width:60em;margin:2em auto;color:#0b0c0c;"
                + "line-height:1.5}table{border-collapse:collapse;margin:0 0 1.5em;width:100%}th,td{text-align:left;"
                + "vertical-align:top;padding:.25em .5em;border-bottom:1px solid #b1b4b6}tbody.record{border-top:"
                + "3px solid #505a5f}th{width:30%;font-weight:600}.withheld{background:#f3f2f1;padding:.5em}</style>\n"
                + "</head>\n<body>\n<main>\n<h1>" + escape(title) + "</h1>\n<p>" + escape(java.text.MessageFormat.format(
                        text.getString("sar.document.produced"), UkTime.DATE_TIME.format(ZonedDateTime.ofInstant(
                                heading.producedAt(), UkTime.ZONE)), heading.producedBy())) + "</p>\n<p>"
                + escape(text.getString("sar.document.about")) + "</p>\n<p>" + escape(text.getString(heading.review()
                        ? "sar.document.reviewed" : "sar.document.self")) + "</p>\n");
    }

    private void writeDocumentEnd(Writer out) throws IOException {
        out.write("<p>" + escape(text.getString("sar.document.files")) + "</p>\n</main>\n</body>\n</html>\n");
    }

    private static String escape(String text) {
        return Entities.escape(text == null ? "" : text);
    }

    /** A file name safe inside a ZIP on any system: letters, digits, dot, dash and underscore. */
    static String safeName(Object name) {
        String cleaned = name == null ? "file" : name.toString().replaceAll("[^A-Za-z0-9._-]", "_");
        cleaned = cleaned.replaceAll("^\\.+", "_");
        return cleaned.length() > 100 ? cleaned.substring(cleaned.length() - 100) : cleaned;
    }

    /** The ZIP entry stays open when the JSON generator closes. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
