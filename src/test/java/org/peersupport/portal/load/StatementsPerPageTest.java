package org.peersupport.portal.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the load benchmark judges statements per page: a count that grew with the data fails it. */
class StatementsPerPageTest {

    @Test
    void aPageWhoseStatementsGrewWithTheDataIsNamedWithBothCounts() {
        Map<String, Long> fewer = new LinkedHashMap<>(Map.of("lesson", 6L));
        fewer.put("dashboard", 9L);
        Map<String, Long> all = new LinkedHashMap<>(Map.of("lesson", 6L));
        all.put("dashboard", 12L);
        assertEquals(List.of("dashboard: 9 → 12"), StatementsPerPage.grown(fewer, all));
    }

    @Test
    void equalOrFewerStatementsAndAnUncomparedRunPass() {
        assertEquals(List.of(), StatementsPerPage.grown(Map.of("lesson", 6L, "review queue", 5L),
                Map.of("lesson", 6L, "review queue", 4L)));
        assertEquals(List.of(), StatementsPerPage.grown(Map.of(), Map.of("lesson", 6L)));
    }

    @Test
    void theReportShowsBothCountsOrSaysTheyWereNotCompared() {
        String compared = StatementsPerPage.table(Map.of("lesson", 6L), Map.of("lesson", 7L), 2_000, 100_000);
        assertTrue(compared.contains("| page | 2,000 staff | 100,000 staff |"), compared);
        assertTrue(compared.contains("| lesson | 6 | 7 |"), compared);
        String reused = StatementsPerPage.table(Map.of(), Map.of("lesson", 6L), 2_000, 100_000);
        assertTrue(reused.contains("not compared") && reused.contains("| lesson | 6 |"), reused);
    }
}
