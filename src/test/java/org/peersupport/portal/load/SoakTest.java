package org.peersupport.portal.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoakTest {

    private static final String SECTION = Soak.SECTION + "\n\nnew figures\n\n" + Soak.SECTION_END + "\n";

    @Test
    void theFirstSoakAddsItsSectionAtTheEndOfTheDocument() {
        String document = "# Performance\n\n## Load benchmark\n\ntables\n\n";

        assertEquals("# Performance\n\n## Load benchmark\n\ntables\n\n" + SECTION, Soak.replaceSection(document, SECTION));
    }

    @Test
    void aLaterSoakReplacesItsOwnSectionAndKeepsWhatFollows() {
        String document = "# Performance\n\n" + Soak.SECTION + "\n\nold figures\n\n" + Soak.SECTION_END
                + "\n\n### What the soak says\n\nwritten by hand\n";

        String updated = Soak.replaceSection(document, SECTION);

        assertEquals("# Performance\n\n" + SECTION + "\n### What the soak says\n\nwritten by hand\n", updated);
    }

    @Test
    void theLiveHeapIsTheWholeHeapsUsedFigureOfGcHeapInfo() {
        String heapInfo = """
                12345:
                 garbage-first heap   total 262144K, used 153600K [0x00000000d0000000, 0x0000000100000000)
                  region size 1024K, 3 young (3072K), 0 survivors (0K)
                 Metaspace       used 98765K, committed 99000K, reserved 1114112K
                """;

        assertEquals(150L * 1024 * 1024, Soak.usedHeapBytes(heapInfo));
    }

    @Test
    void theUsersAreSpreadEvenlyOverTheFourJourneys() {
        assertEquals(50, options(200).perJourney());
        assertEquals(50, options(203).perJourney(), "rounded down");
        assertEquals(1, options(2).perJourney(), "at least one a journey");
    }

    @Test
    void connectionsAboveBothPoolsLimitAreNotBounded() {
        List<Soak.ConnectionSample> samples = List.of(new Soak.ConnectionSample(0, Map.of("idle", 10), 0),
                new Soak.ConnectionSample(1, Map.of("idle", 40, "active", 30), 1));

        String bounded = Soak.connectionsSection(samples, 80, 0, 1);
        String unbounded = Soak.connectionsSection(samples, 64, 0, 1);

        assertTrue(bounded.contains("at most **70** (limit 80: **bounded**)"), bounded);
        assertTrue(unbounded.contains("at most **70** (limit 64: **NOT bounded**)"), unbounded);
        assertTrue(bounded.contains("active=30, idle=40"), "the most in each state: " + bounded);
    }

    @Test
    void theGcLogTellsTheForcedFullCollectionsFromTheOthers() {
        Soak.GcLog log = Soak.GcLog.parse(List.of(
                "[61.204s] Using G1",
                "[70.100s] GC(12) Pause Young (Normal) (G1 Evacuation Pause) 300M->120M(512M) 12.345ms",
                "[75.020s] GC(13) Pause Full (Diagnostic Command) 310M->180M(512M) 412.500ms",
                "[80.000s] GC(14) Pause Young (Concurrent Start) (G1 Humongous Allocation) 200M->190M(512M) 3.100ms",
                "[90.000s] GC(15) Pause Full (G1 Compaction Pause) 760M->700M(768M) 2100.000ms",
                "[95.000s] GC(16) Pause Remark 300M->300M(512M) 1.000ms"));

        assertEquals(List.of(412.5), log.forced());
        assertEquals(List.of(180L * 1024 * 1024), log.forcedAfter(), "the heap the forced collection left");
        assertEquals(List.of(2100.0), log.otherFull(), "a full collection the heap needed is kept apart");
        assertEquals(List.of(12.345, 3.1), log.young());
        assertTrue(log.summary().startsWith("1 forced full collections (pause median 413 ms, max 413 ms), 1 other full "
                + "collections (max 2100 ms), 2 young collections"), log.summary());
    }

    @Test
    void theLoadBalancersOutagesAreCountedByNodeAndWhenNoneWasLeft() {
        Soak.Outages outages = Soak.Outages.parse(List.of(
                "[WARNING]  (29162) : Server nodes/node1 is DOWN, reason: Layer7 timeout, check duration: 1126ms. 1 active "
                        + "and 0 backup servers left. 33 sessions active, 0 requeued, 0 remaining in queue.",
                "[WARNING]  (29162) : Server nodes/node2 is DOWN, reason: Layer7 timeout, check duration: 1067ms. 0 active "
                        + "and 0 backup servers left. 71 sessions active, 0 requeued, 0 remaining in queue.",
                "[WARNING]  (29162) : Server nodes/node1 is UP, reason: Layer7 check passed, code: 200, check duration: 910ms.",
                "[WARNING]  (29162) : Server nodes/node1 is DOWN, reason: Layer7 timeout, check duration: 1004ms. 1 active "
                        + "and 0 backup servers left."));

        assertEquals(Map.of("node1", 2, "node2", 1), outages.down());
        assertEquals(1, outages.noneLeft());
        assertEquals(new Soak.Outages(Map.of(), 0), Soak.Outages.parse(List.of("[NOTICE] haproxy started")));
    }

    private static Soak.Options options(int users) {
        return new Soak.Options(users, 10, 3, 30, 60, 30, 60, 10, 1000, 42);
    }
}
