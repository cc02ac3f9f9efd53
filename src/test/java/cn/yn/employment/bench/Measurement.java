package cn.yn.employment.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One scenario's samples (at least 3 repetitions) with its target, optionally beside the same-run baseline.
 * {@code higherIsBetter} for rates (submissions/s), false for durations (ms).
 */
public record Measurement(String id, String scenario, String unit, boolean higherIsBetter, String target,
                          List<Double> samples, List<Double> baseline, String baselineName, String note) {

    public Measurement {
        samples = List.copyOf(samples);
        baseline = baseline == null ? List.of() : List.copyOf(baseline);
    }

    public double min() { return stat(samples, 0); }
    public double median() { return stat(samples, 50); }
    public double max() { return stat(samples, 100); }
    public double p95() { return stat(samples, 95); }

    public Double baselineMedian() {
        return baseline.isEmpty() ? null : stat(baseline, 50);
    }

    public Double baselineP95() {
        return baseline.isEmpty() ? null : stat(baseline, 95);
    }

    /** How many times better than the baseline (rates: ours / theirs; durations: theirs / ours), by medians. */
    public Double ratio() {
        Double b = baselineMedian();
        if (b == null || b == 0 || median() == 0) {
            return null;
        }
        return higherIsBetter ? median() / b : b / median();
    }

    static double stat(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
