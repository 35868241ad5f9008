package org.peersupport.portal.reporting.control;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * XLSX with Apache POI's streaming workbook (SXSSF): it keeps a window of 100 rows in memory and flushes the rest
 * to a temporary file, so a report of any size takes the same memory. The temporary file is not compressed and the
 * file sent is deflated at the fastest level: a larger file for less time (measured in docs/performance.md). The rows are on the first sheet,
 * from its first row, ready to filter and sort; what the export is goes on a second sheet. Text is written as text
 * cells, which a spreadsheet never runs as a formula; dates are real dates.
 */
final class XlsxTableWriter implements TableWriter {

    private static final int WINDOW = 100;

    private final OutputStream out;
    private final SXSSFWorkbook workbook;
    private final SXSSFSheet sheet;
    private final CellStyle dateStyle;
    private final CellStyle headerStyle;
    private List<String[]> about = List.of();
    private int rowNumber;

    XlsxTableWriter(OutputStream out, String sheetName) {
        this.out = out;
        this.workbook = new FastWorkbook();
        this.sheet = workbook.createSheet(sheetName);
        this.dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        this.headerStyle = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        headerStyle.setFont(bold);
    }

    @Override
    public void about(List<String[]> lines) {
        this.about = lines;
    }

    @Override
    public void header(List<String> names) {
        Row row = sheet.createRow(rowNumber++);
        for (int i = 0; i < names.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(names.get(i));
            cell.setCellStyle(headerStyle);
        }
        sheet.createFreezePane(0, 1);
    }

    @Override
    public void row(List<?> cells) {
        Row row = sheet.createRow(rowNumber++);
        for (int i = 0; i < cells.size(); i++) {
            Object value = cells.get(i);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (value instanceof LocalDate date) {
                cell.setCellValue(date);
                cell.setCellStyle(dateStyle);
            } else if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else {
                cell.setCellValue(value.toString());
            }
        }
    }

    /** SXSSF, deflating the file it writes at the fastest level. */
    private static final class FastWorkbook extends SXSSFWorkbook {

        FastWorkbook() {
            super(WINDOW);
        }

        @Override
        protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream stream) {
            ZipArchiveOutputStream zip = super.createArchiveOutputStream(stream);
            zip.setLevel(Deflater.BEST_SPEED);
            return zip;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            Sheet info = workbook.createSheet("About this export");
            int r = 0;
            for (String[] line : about) {
                Row row = info.createRow(r++);
                row.createCell(0).setCellValue(line[0]);
                row.createCell(1).setCellValue(line[1]);
            }
            workbook.write(out);
            out.flush();
        } finally {
            workbook.close();
            workbook.dispose();
        }
    }
}
