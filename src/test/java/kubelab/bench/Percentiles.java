package kubelab.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Latency samples in nanoseconds, and their percentiles (nearest rank).
 *
 * <p>Real Kubernetes: none here; the apiserver reports latency as Prometheus histograms
 * ({@code apiserver_request_duration_seconds}).
 */
record Percentiles(long[] sorted) {
    static Percentiles of(long[] samples) {
        long[] s = samples.clone();
        Arrays.sort(s);
        return new Percentiles(s);
    }

    /** The {@code p}th percentile (0 &lt; p ≤ 100), in milliseconds. */
    double ms(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    int count() {
        return sorted.length;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms, max %.2f ms (%,d samples)",
                ms(50), ms(99), ms(100), count());
    }
}
