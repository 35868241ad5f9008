package org.peersupport.portal.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendTest {

    private static List<Trend.Sample> series(double... values) {
        List<Trend.Sample> samples = new ArrayList<>();
        for (int minute = 0; minute < values.length; minute++) {
            samples.add(new Trend.Sample(minute, values[minute]));
        }
        return samples;
    }

    @Test
    void aHeapThatGrowsTwoMegabytesAMinuteIsNotFlat() {
        Trend trend = Trend.of(series(200, 202, 204, 206, 208, 210, 212, 214, 216, 218, 220));

        assertEquals(2.0, trend.slopePerMinute(), 1e-9);
        assertEquals(0.0, trend.margin(), 1e-9, "a perfect line has no margin");
        assertEquals(20.0, trend.rise(), 1e-9);
        assertFalse(trend.flat(), "20 MB on a mean of 210 MB over ten minutes is a leak");
        assertTrue(trend.growing());
        assertEquals("not flat", trend.verdict());
    }

    @Test
    void aHeapThatWobblesAroundTheSameLevelIsFlat() {
        Trend trend = Trend.of(series(210, 204, 213, 207, 209, 203, 211, 206, 212, 205, 208));

        assertTrue(Math.abs(trend.slopePerMinute()) < 0.5, "slope " + trend.slopePerMinute());
        assertTrue(trend.margin() > 0, "noise gives the slope a margin");
        assertTrue(trend.flat());
        assertEquals("flat", trend.verdict());
    }

    @Test
    void aRiseThatTheScatterExplainsIsNotFlatButNotGrowingEither() {
        Trend trend = Trend.of(series(200, 260, 190, 250, 210, 270, 200, 240, 230, 215, 250));

        assertFalse(trend.flat(), "the line rises " + trend.rise() + " MB on " + trend.mean());
        assertFalse(trend.growing(), "slope " + trend.slopePerMinute() + " ± " + trend.margin());
        assertEquals("not flat, within the scatter", trend.verdict());
    }

    @Test
    void aFallingHeapIsFlat() {
        Trend trend = Trend.of(series(260, 250, 240, 235, 230));

        assertTrue(trend.slopePerMinute() < 0);
        assertTrue(trend.flat());
    }

    @Test
    void theSlopeIsPerMinuteWhateverTheSpacingOfTheSamples() {
        Trend trend = Trend.of(List.of(new Trend.Sample(0.5, 100), new Trend.Sample(1.0, 101), new Trend.Sample(2.5, 104)));

        assertEquals(2.0, trend.slopePerMinute(), 1e-9);
        assertEquals(2.0, trend.spanMinutes(), 1e-9);
        assertEquals(4.0, trend.rise(), 1e-9);
    }

    @Test
    void twoSamplesOrNoneSayNothing() {
        assertEquals("too few samples", Trend.of(series(200, 300)).verdict());
        assertEquals("too few samples", Trend.of(List.of()).verdict());
        assertFalse(Trend.of(series(200)).flat());
    }
}
