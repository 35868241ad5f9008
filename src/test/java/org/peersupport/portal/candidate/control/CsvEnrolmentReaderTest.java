package org.peersupport.portal.candidate.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peersupport.portal.candidate.control.CsvEnrolmentReader.Problem;
import org.peersupport.portal.candidate.control.CsvEnrolmentReader.Result;
import org.peersupport.portal.candidate.control.CsvEnrolmentReader.Row;

/** Issue 4: a coordinator's enrolment file is read with line numbers, and every bad row is reported. */
class CsvEnrolmentReaderTest {

    private static Result read(String csv) throws IOException {
        return new CsvEnrolmentReader().read(new StringReader(csv));
    }

    @Test
    void issue4_aGoodFileGivesEveryRowWithItsLine() throws IOException {
        Result result = read("\uFEFFUsername,Name,Email\r\namara.okafor,Amara Okafor,amara@example.org\r\n"
                + "dylan.hughes,,\r\n\r\n,,\r\n\"priya.raman\",\"Raman, Priya\",\r\n");
        assertTrue(result.ok(), result.problems().toString());
        assertEquals(List.of(new Row(2, "amara.okafor", "Amara Okafor", "amara@example.org"),
                new Row(3, "dylan.hughes", null, null), new Row(6, "priya.raman", "Raman, Priya", null)), result.rows());
    }

    @Test
    void issue4_columnsMayComeInAnyOrderAndOnlyUsernameIsRequired() throws IOException {
        Result result = read("email,username\nx@example.org,tom.barker\n");
        assertTrue(result.ok());
        assertEquals(List.of(new Row(2, "tom.barker", null, "x@example.org")), result.rows());
        assertTrue(read("username\ntom.barker").ok(), "no final line break");
    }

    @Test
    void issue4_aHeaderWithoutUsernameOrWithUnknownColumnsIsRefusedOnLineOne() throws IOException {
        Result missing = read("name,email\nAmara,amara@example.org\n");
        assertFalse(missing.ok());
        assertEquals(1, missing.problems().get(0).line());
        assertTrue(missing.problems().get(0).reason().contains("username"), missing.problems().toString());
        assertTrue(missing.rows().isEmpty());

        Result unknown = read("username,department,Shoe size\namara.okafor,x,5\n");
        assertEquals(List.of(new Problem(1, "unknown columns \"department\", \"shoe size\"; the columns are username, name, email")),
                unknown.problems());

        Result twice = read("username,username\na,b\n");
        assertEquals(1, twice.problems().get(0).line());
        assertTrue(twice.problems().get(0).reason().contains("named twice"));
    }

    @Test
    void issue4_everyBadRowIsReportedWithItsLineAndReason() throws IOException {
        Result result = read("username,name\n"
                + "amara.okafor,Amara\n"
                + ",Nobody\n"
                + "AMARA.OKAFOR,Amara again\n"
                + "x)(uid=*,Injection\n"
                + "dylan.hughes,Dylan,extra\n"
                + "priya.raman,Priya\n");
        assertEquals(List.of(new Problem(3, "the username is missing"),
                new Problem(4, "AMARA.OKAFOR is already on line 2"),
                new Problem(5, "\"x)(uid=*\" is not a username"),
                new Problem(6, "the row has 3 values but the header names 2 columns")), result.problems());
        assertEquals(List.of(2, 7), result.rows().stream().map(Row::line).toList());
        assertFalse(result.ok());
    }

    @Test
    void issue4_anEmptyFileOrOneWithNobodyIsRefused() throws IOException {
        assertEquals(1, read("").problems().get(0).line());
        assertEquals(List.of(new Problem(2, "the file names nobody to enrol")), read("username\n\n,\n").problems());
    }

    @Test
    void issue4_aHugeFileIsRefused() throws IOException {
        StringBuilder csv = new StringBuilder("username\n");
        for (int i = 0; i < CsvEnrolmentReader.MAX_ROWS + 5; i++) {
            csv.append("person").append(i).append('\n');
        }
        Result result = read(csv.toString());
        assertFalse(result.ok());
        assertTrue(result.problems().get(0).reason().contains("more than 1000 rows"));
    }
}
