package lab.overload.engine.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lab.overload.engine.metrics.Stats;

/**
 * A paired comparison of two designs, A and B, run on the same seeds (common random numbers: the client arrival and
 * jitter streams are named by client, so a change to a server path leaves them unchanged). Replication i of A and of B
 * share a seed, so each metric gives n paired differences d_i = B_i - A_i; the row reports the means of both sides,
 * the mean difference and the half-width of its 95% confidence interval, t(0.975, n-1) * s_d / sqrt(n). Pairing
 * removes the variance the two sides share, so the interval is usually much narrower than that of two independent
 * samples. Pure: it reads summary trees ({@code Summary.toMap()}) and runs nothing.
 */
public final class Compare {
    /** The summary paths compared, in print order (dotted paths into the summary tree). */
    public static final List<String> METRICS = List.of(
            "ratesPerSecond.offered", "ratesPerSecond.attempts", "ratesPerSecond.throughput",
            "ratesPerSecond.goodput", "requests.total", "requests.succeeded", "requests.failedTimeout",
            "requests.failedRejected", "attempts.retries", "attempts.completedWasted", "attempts.shed",
            "latencyMillis.mean", "latencyMillis.p50", "latencyMillis.p99", "queueWaitMillis.mean",
            "concurrency.mean", "queueLength.mean", "utilization", "workSeconds.useful", "workSeconds.wasted");

    /**
     * One compared metric: the means of A and B over the n pairs in which both are defined, and their difference.
     *
     * @param n            pairs in which both sides are defined (a latency is undefined in a run with no success)
     * @param halfWidth95  half-width of the 95% confidence interval of the mean difference; NaN when n &lt; 2
     */
    public record Row(String metric, double meanA, double meanB, double meanDifference, double halfWidth95, int n) {
        /** The difference relative to A's mean, in percent; NaN when A's mean is 0 or undefined. */
        public double relativePercent() {
            return meanA == 0 || !Double.isFinite(meanA) ? Double.NaN : 100 * meanDifference / Math.abs(meanA);
        }
    }

    private Compare() {
    }

    /**
     * Compares every metric of {@link #METRICS} over paired runs.
     *
     * @param a summary trees of design A, one per replication, in seed order
     * @param b summary trees of design B on the same seeds, in the same order
     */
    public static List<Row> paired(List<Map<String, Object>> a, List<Map<String, Object>> b) {
        if (a.size() != b.size() || a.isEmpty()) {
            throw new IllegalArgumentException("paired runs need the same, non-zero number of runs on each side, "
                    + "were " + a.size() + " and " + b.size());
        }
        List<Row> rows = new ArrayList<>();
        for (String metric : METRICS) {
            rows.add(row(metric, values(a, metric), values(b, metric)));
        }
        return rows;
    }

    /** One row from the paired values; pairs where either side is NaN are left out. */
    public static Row row(String metric, double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(metric + ": " + a.length + " values of A but " + b.length + " of B");
        }
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
                n++;
            }
        }
        double[] pa = new double[n];
        double[] pb = new double[n];
        double[] d = new double[n];
        int k = 0;
        for (int i = 0; i < a.length; i++) {
            if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
                pa[k] = a[i];
                pb[k] = b[i];
                d[k] = b[i] - a[i];
                k++;
            }
        }
        return new Row(metric, Stats.mean(pa), Stats.mean(pb), Stats.mean(d), Stats.halfWidth95(d), n);
    }

    private static double[] values(List<Map<String, Object>> runs, String metric) {
        double[] xs = new double[runs.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = value(runs.get(i), metric);
        }
        return xs;
    }

    /** The number at a dotted path of a summary tree; NaN when absent or not a number. */
    public static double value(Map<String, Object> tree, String path) {
        Object node = tree;
        for (String key : path.split("\\.")) {
            node = node instanceof Map<?, ?> m ? m.get(key) : null;
        }
        return node instanceof Number x ? x.doubleValue() : Double.NaN;
    }
}
