package org.peersupport.portal.assessment.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.peersupport.portal.platform.control.BusinessException;

/** Issue 5: the sampling plan's arithmetic, as documented on {@link SamplingPlan}. */
class SamplingPlanTest {

    @Test
    void issue5_everyOneOfTheFirstNIsSampledThenEveryKthForARateThatDividesAHundred() {
        assertEquals(List.of(1, 2, 3, 7, 11, 15, 19), sampled(3, 25, 20), "first 3, then every 4th");
        assertEquals(List.of(2, 4, 6, 8, 10), sampled(0, 50, 10), "every second");
        assertEquals(List.of(10, 20), sampled(0, 10, 20), "every tenth");
        assertEquals(IntStream.rangeClosed(1, 12).boxed().toList(), sampled(0, 100, 12), "all of them");
        assertEquals(List.of(1, 2, 3, 4, 5), sampled(5, 0, 40), "the first five and no more");
        assertEquals(List.of(), sampled(0, 0, 40), "nothing");
    }

    @Test
    void issue5_anyOtherRateSamplesItsShareRoundedDownAndEvenlySpread() {
        assertEquals(List.of(4, 7, 10, 13, 16, 19), sampled(0, 33, 20));
        for (int rate = 0; rate <= 100; rate++) {
            for (int n = 1; n <= 300; n++) {
                int r = rate;
                long count = IntStream.rangeClosed(1, n).filter(k -> SamplingPlan.reasonFor(k, 0, r).isPresent()).count();
                assertEquals(n * rate / 100, count, "after " + n + " sign-offs at " + rate + "%");
            }
        }
    }

    @Test
    void issue5_sampledSignOffsAreMarkedFirstOrRate() {
        assertEquals(SampleReason.FIRST, SamplingPlan.reasonFor(2, 2, 50).orElseThrow());
        assertEquals(SampleReason.RATE, SamplingPlan.reasonFor(4, 2, 50).orElseThrow());
        assertEquals(false, SamplingPlan.reasonFor(3, 2, 50).isPresent());
        assertThrows(IllegalArgumentException.class, () -> SamplingPlan.reasonFor(0, 2, 50));
    }

    @Test
    void issue5_aPlanOutOfRangeIsRefusedNamingTheField() {
        assertEquals("sampling.firstN.range", assertThrows(BusinessException.class, () -> SamplingPlan.check(-1, 10)).key());
        assertEquals("sampling.firstN.range", assertThrows(BusinessException.class, () -> SamplingPlan.check(1001, 10)).key());
        assertEquals("sampling.rate.range", assertThrows(BusinessException.class, () -> SamplingPlan.check(0, 101)).key());
    }

    private static List<Integer> sampled(int firstN, int rate, int signOffs) {
        List<Integer> sampled = new ArrayList<>();
        for (int k = 1; k <= signOffs; k++) {
            if (SamplingPlan.reasonFor(k, firstN, rate).isPresent()) {
                sampled.add(k);
            }
        }
        return sampled;
    }
}
