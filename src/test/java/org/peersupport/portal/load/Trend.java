package org.peersupport.portal.load;

import java.util.List;

/**
 * The least-squares line through a series of timed samples (the soak's live heap after each full collection): its
 * slope a minute, with a 95 % margin, and whether the series is flat. Flat means the line rises by less than
 * {@value #FLAT_SHARE} of the series' mean over the time it spans (a falling line is flat): a leak of a few per
 * cent over ten minutes shows, a collection's noise does not.
 */
record Trend(int samples, double slopePerMinute, double margin, double mean, double spanMinutes) {

    /** The share of the mean the fitted line may rise by, over its span, and still count as flat. */
    static final double FLAT_SHARE = 0.05;

    /** One sample: when (minutes from the start) and how much. */
    record Sample(double minute, double value) {
    }

    static Trend of(List<Sample> series) {
        int n = series.size();
        if (n < 2) {
            return new Trend(n, Double.NaN, Double.NaN, n == 0 ? Double.NaN : series.get(0).value(), 0);
        }
        double meanX = series.stream().mapToDouble(Sample::minute).average().orElseThrow();
        double meanY = series.stream().mapToDouble(Sample::value).average().orElseThrow();
        double sxx = 0;
        double sxy = 0;
        for (Sample s : series) {
            sxx += (s.minute() - meanX) * (s.minute() - meanX);
            sxy += (s.minute() - meanX) * (s.value() - meanY);
        }
        double span = series.stream().mapToDouble(Sample::minute).max().orElseThrow()
                - series.stream().mapToDouble(Sample::minute).min().orElseThrow();
        if (sxx == 0) {
            return new Trend(n, Double.NaN, Double.NaN, meanY, 0);
        }
        double slope = sxy / sxx;
        double margin = Double.NaN;
        if (n > 2) {
            double residuals = 0;
            for (Sample s : series) {
                double fitted = meanY + slope * (s.minute() - meanX);
                residuals += (s.value() - fitted) * (s.value() - fitted);
            }
            // the normal approximation of the slope's 95 % interval (a t-quantile would widen it for few samples)
            margin = 1.96 * Math.sqrt(residuals / (n - 2) / sxx);
        }
        return new Trend(n, slope, margin, meanY, span);
    }

    /** How much the fitted line rises over the series' span. */
    double rise() {
        return slopePerMinute * spanMinutes;
    }

    /** Whether there are enough samples (three, at different times) to say anything. */
    boolean known() {
        return samples >= 3 && !Double.isNaN(slopePerMinute);
    }

    boolean flat() {
        return known() && rise() < FLAT_SHARE * mean;
    }

    /** Whether the slope's 95 % interval lies above zero: a rise the samples' scatter does not explain. */
    boolean growing() {
        return known() && !Double.isNaN(margin) && slopePerMinute - margin > 0;
    }

    /**
     * "flat", "not flat", "not flat, within the scatter" (the line rises too much but its slope's 95 % interval
     * includes zero: a longer soak would tell) or "too few samples".
     */
    String verdict() {
        return !known() ? "too few samples" : flat() ? "flat" : growing() ? "not flat" : "not flat, within the scatter";
    }
}
