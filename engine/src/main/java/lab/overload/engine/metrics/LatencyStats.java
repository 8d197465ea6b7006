package lab.overload.engine.metrics;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Client-observed latency of the successful requests of a cohort, in milliseconds: exact mean, sample standard
 * deviation and maximum; percentiles from a 3-digit HdrHistogram. Every field is NaN when no request succeeded (the
 * standard deviation also with only one).
 */
public record LatencyStats(double mean, double stdDev, double p50, double p90, double p99, double p999, double max) {

    static LatencyStats of(Moments m, Histogram h, long maxMicros) {
        boolean none = m.count() == 0;
        return new LatencyStats(m.meanMillis(), m.stdDevMillis(), pct(h, 50), pct(h, 90), pct(h, 99), pct(h, 99.9),
                none ? Double.NaN : maxMicros / 1000.0);
    }

    static double pct(Histogram h, double p) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(p) / 1000.0;
    }

    /** The summary JSON's {@code latencyMillis} block. */
    public Map<String, Object> toMap() {
        return Summary.ordered("mean", mean, "stdDev", stdDev, "p50", p50, "p90", p90, "p99", p99, "p999", p999,
                "max", max);
    }
}
