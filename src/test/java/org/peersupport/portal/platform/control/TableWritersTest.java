package org.peersupport.portal.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.peersupport.portal.support.SpreadsheetView;

/**
 * Issue 13 (point 6): what a spreadsheet makes of an export whose texts begin formulas. Every text (about lines,
 * header, cells) opens as text; numbers, negative ones included, and dates stay numbers and dates.
 */
class TableWritersTest {

    /** Names that start a formula in Excel or LibreOffice, as a person could type them for a cohort or a course. */
    static final List<String> ATTACKS = List.of("=HYPERLINK(\"http://example.invalid\",\"open\")",
            "x,=HYPERLINK(\"http://example.invalid\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)*cmd|' /C calc'!A0",
            "\t=1+1", "\r=1+1", "x;=1+1", "x, =1+1", "x,\"=1+1\"", "x\t=1+1", "ordinary, with a comma");

    @Test
    void issue13_csvOpensEveryFormulaLikeTextAsTextInAboutLinesHeaderAndCells() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter writer = ExportFormat.CSV.open(out, "Sheet")) {
            List<String[]> about = new ArrayList<>();
            for (String attack : ATTACKS) {
                about.add(new String[] {"Cohort", attack});
            }
            about.add(new String[] {"=Label", "value"});
            writer.about(about);
            writer.header(ATTACKS);
            writer.row(new ArrayList<Object>(ATTACKS));
            writer.row(List.of(-5, -2.5, 0, LocalDate.of(2026, 12, 6), "-5"));
        }
        String csv = new String(out.toByteArray(), StandardCharsets.UTF_8).substring(1); // the byte-order mark

        assertEquals(1, SpreadsheetView.formulas("# Cohort: x,=1+1\r\n").size(), "the check sees a raw # line");
        assertEquals(List.of(), SpreadsheetView.formulas(csv), "what a spreadsheet would run");
        List<String> lines = csv.lines().toList();
        assertTrue(lines.contains("# Cohort: x,'=HYPERLINK(\"http://example.invalid\")"), csv);
        assertTrue(lines.contains("# Cohort: ordinary, with a comma"), "a harmless line is left as it was: " + csv);

        // What the portal's own readers see: the # lines are comments, the texts carry the apostrophe, numbers stay
        List<CSVRecord> records = CsvTableWriter.FORMAT.parse(new StringReader(csv)).getRecords();
        assertEquals(3, records.size());
        for (int row = 0; row < 2; row++) {
            for (int i = 0; i < ATTACKS.size(); i++) {
                String expected = ATTACKS.get(i).equals("ordinary, with a comma") || ATTACKS.get(i).startsWith("x")
                        ? ATTACKS.get(i) : "'" + ATTACKS.get(i);
                assertEquals(expected, records.get(row).get(i));
            }
        }
        assertEquals(List.of("-5", "-2.5", "0", "2026-12-06", "'-5"), records.get(2).toList(),
                "numbers and dates stay as they are; only text is neutralised");
    }

    @Test
    void issue13_xlsxWritesEveryTextAsATextCellAndNumbersAsNumbers() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter writer = ExportFormat.XLSX.open(out, "Sheet")) {
            List<String[]> about = new ArrayList<>();
            for (String attack : ATTACKS) {
                about.add(new String[] {"Cohort", attack});
            }
            writer.about(about);
            writer.header(ATTACKS);
            writer.row(new ArrayList<Object>(ATTACKS));
            writer.row(List.of(-5, -2.5, "-5"));
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet rows = workbook.getSheetAt(0);
            for (int r = 0; r <= 1; r++) {
                for (int i = 0; i < ATTACKS.size(); i++) {
                    Cell cell = rows.getRow(r).getCell(i);
                    assertEquals(CellType.STRING, cell.getCellType(), "never a formula: " + ATTACKS.get(i));
                    assertEquals(ATTACKS.get(i), cell.getStringCellValue(), "the text exactly as typed");
                }
            }
            Row numbers = rows.getRow(2);
            assertEquals(CellType.NUMERIC, numbers.getCell(0).getCellType());
            assertEquals(-5.0, numbers.getCell(0).getNumericCellValue());
            assertEquals(-2.5, numbers.getCell(1).getNumericCellValue());
            assertEquals(CellType.STRING, numbers.getCell(2).getCellType());
            Sheet info = workbook.getSheet("About this export");
            for (int r = 0; r < ATTACKS.size(); r++) {
                assertEquals(CellType.STRING, info.getRow(r).getCell(1).getCellType());
                assertEquals(ATTACKS.get(r), info.getRow(r).getCell(1).getStringCellValue());
            }
        }
    }
}
