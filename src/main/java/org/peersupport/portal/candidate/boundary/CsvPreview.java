package org.peersupport.portal.candidate.boundary;

import java.util.List;

/**
 * What an enrolment file would do: the people it names (found in the directory) and every problem, one line each
 * ("line 4: ..."). Nothing is imported unless there are no problems and the coordinator confirms.
 */
public record CsvPreview(List<CsvPreviewRow> rows, List<String> problems, int freePlaces) {

    public boolean ok() {
        return problems.isEmpty();
    }

    /** A row that names a person in the directory. */
    public record CsvPreviewRow(int line, String username, String displayName, String department) {
    }
}
