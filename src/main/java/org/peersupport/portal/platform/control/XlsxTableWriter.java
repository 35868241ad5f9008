package org.peersupport.portal.platform.control;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.Deflater;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * XLSX with fastexcel: rows go straight into the deflated file as they come, flushed every {@value #FLUSH_EVERY}
 * rows, so a report of any size takes the same memory and no temporary file. The file is deflated at the fastest
 * level: a larger file for less time (measured in docs/performance.md). The rows are on the first sheet, from its
 * first row, ready to filter and sort; what the export is goes on a second sheet. Text is written as text cells,
 * which a spreadsheet never runs as a formula; dates are real dates.
 */
final class XlsxTableWriter implements TableWriter {

    private static final int FLUSH_EVERY = 1_000;
    private static final String DATE_FORMAT = "yyyy-mm-dd";

    private final OutputStream out;
    private final Workbook workbook;
    private final Worksheet sheet;
    private List<String[]> about = List.of();
    private int rowNumber;

    XlsxTableWriter(OutputStream out, String sheetName) {
        this.out = out;
        this.workbook = new Workbook(out, "Peer Support Training Portal", "1.0");
        workbook.setCompressionLevel(Deflater.BEST_SPEED);
        this.sheet = workbook.newWorksheet(sheetName);
    }

    @Override
    public void about(List<String[]> lines) {
        this.about = lines;
    }

    @Override
    public void header(List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            sheet.value(rowNumber, i, names.get(i));
            sheet.style(rowNumber, i).bold().set();
        }
        sheet.freezePane(0, 1);
        rowNumber++;
    }

    @Override
    public void row(List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            Object value = cells.get(i);
            if (value instanceof LocalDate date) {
                sheet.value(rowNumber, i, date);
                sheet.style(rowNumber, i).format(DATE_FORMAT).set();
            } else if (value instanceof Number number) {
                sheet.value(rowNumber, i, number);
            } else if (value != null) {
                sheet.value(rowNumber, i, value.toString());
            }
        }
        rowNumber++;
        if (rowNumber % FLUSH_EVERY == 0) {
            sheet.flush();
        }
    }

    @Override
    public void close() throws IOException {
        sheet.finish();
        Worksheet info = workbook.newWorksheet("About this export");
        for (int r = 0; r < about.size(); r++) {
            info.value(r, 0, about.get(r)[0]);
            info.value(r, 1, about.get(r)[1]);
        }
        info.finish();
        workbook.finish();
        out.flush();
    }
}
