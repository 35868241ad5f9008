package org.peersupport.portal.platform.control;

import java.io.IOException;
import java.util.List;

/**
 * Writes a report as a table, one row at a time, straight to the response: nothing but the current row is held, so
 * an export takes the same memory whatever its size. First what the export is (title, when, which filters), then
 * the header, then the rows. Cells are text, numbers, {@link java.time.LocalDate}s or null.
 */
public interface TableWriter extends AutoCloseable {

    /** What the export is: each line a label and its value, e.g. "Exported at" and the time. */
    void about(List<String[]> lines) throws IOException;

    void header(List<String> names) throws IOException;

    void row(List<?> cells) throws IOException;

    /** Finishes the file; the output stream stays open for the caller. */
    @Override
    void close() throws IOException;
}
