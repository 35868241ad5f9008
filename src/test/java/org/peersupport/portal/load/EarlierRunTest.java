package org.peersupport.portal.load;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EarlierRunTest {

    @Test
    void thePreviousRunsTablesAreKeptUnderItsDateWithoutHeadings() {
        String previous = LoadBenchmark.SECTION + "\n\nMeasured by ...\n\n### Run\n\n- Date: 2026-11-23T07:47:09Z[Europe/London]"
                + " (took 14 min)\n\n### Scenario: lesson\n\n| users | request |\n|---|---|\n| 16 | lesson |\n";

        String kept = LoadBenchmark.earlierRun(previous);

        assertTrue(kept.startsWith("\n### Earlier run: 2026-11-23T07:47:09Z[Europe/London]\n"), kept);
        assertTrue(kept.contains("**Scenario: lesson**\n"), kept);
        assertTrue(kept.contains("| 16 | lesson |"), "the table is kept");
        assertFalse(kept.contains("Measured by"), "the method paragraph is not repeated");
        assertFalse(kept.contains("\n### Scenario"), "no headings inside the folded part");
        assertTrue(kept.strip().endsWith("</details>"));
    }
}
