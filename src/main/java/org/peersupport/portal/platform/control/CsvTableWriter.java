package org.peersupport.portal.platform.control;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV with Commons CSV (RFC 4180, UTF-8 with a byte-order mark so that Excel reads names correctly). What the
 * export is goes first as {@code #} comment lines; every text cell and every such line is neutralised against formula
 * injection ({@link CsvCells}).
 */
final class CsvTableWriter implements TableWriter {

    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setCommentMarker('#').get();

    private final Writer writer;
    private final CSVPrinter printer;

    CsvTableWriter(OutputStream out) throws IOException {
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.printer = new CSVPrinter(writer, FORMAT);
    }

    @Override
    public void about(List<String[]> lines) throws IOException {
        for (String[] line : lines) {
            printer.printComment(CsvCells.neutraliseLine(line[0] + ": " + line[1]));
        }
    }

    @Override
    public void header(List<String> names) throws IOException {
        row(names);
    }

    @Override
    public void row(List<?> cells) throws IOException {
        List<String> values = new ArrayList<>(cells.size());
        for (Object cell : cells) {
            values.add(cell == null ? "" : cell instanceof LocalDate || cell instanceof Number ? cell.toString()
                    : CsvCells.neutralise(cell.toString()));
        }
        printer.printRecord(values);
    }

    @Override
    public void close() throws IOException {
        printer.flush();
        writer.flush();
    }
}
