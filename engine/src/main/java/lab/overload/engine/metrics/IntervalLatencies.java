package lab.overload.engine.metrics;

import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * The latencies of the requests that succeeded in the current interval, for the interval snapshot's percentiles.
 * While there are at most {@link #BUFFER} of them they are kept in a plain array: an interval usually holds few
 * requests, and scanning and clearing a histogram's ~4k buckets at every seal cost more than all the rest of the
 * engine (profiled: 53% of an M/M/10 run). Percentiles from the sorted buffer equal the histogram's exactly (see
 * {@link #bufferedPct}); past the cap the values move into a 2-digit HdrHistogram, which is used from then on until the
 * interval is cleared. Single writer (the simulation thread); steady state allocates nothing.
 */
final class IntervalLatencies {
    static final int BUFFER = 2048;

    private final Histogram histogram = new Histogram(ClientMetrics.MAX_LATENCY_MICROS, 2);
    private final long[] values = new long[BUFFER];
    private int count;
    private boolean inHistogram;
    private boolean sorted;

    /** A success's latency (already capped at the histogram's maximum). */
    void record(long micros) {
        if (inHistogram) {
            histogram.recordValue(micros);
        } else if (count < BUFFER) {
            values[count++] = micros;
        } else {
            for (int i = 0; i < count; i++) {
                histogram.recordValue(values[i]);
            }
            histogram.recordValue(micros);
            inHistogram = true;
        }
    }

    /** Hands the interval's latencies to the sole case's per-second histograms (see {@link LatencySeconds#feedSole}). */
    void feedSole(LatencySeconds seconds, long nowMicros) {
        seconds.feedSole(values, count, inHistogram ? histogram : null, nowMicros);
    }

    /** A percentile of the interval's latencies in milliseconds, NaN if none; sorts the buffer in place. */
    double pctMillis(double p) {
        if (inHistogram) {
            return LatencyStats.pct(histogram, p);
        }
        if (count == 0) {
            return Double.NaN;
        }
        if (!sorted) {
            sortBuffer(values, count);
            sorted = true;
        }
        return bufferedPct(p) / 1000.0;
    }

    /** Starts the next interval. */
    void clear() {
        if (inHistogram) {
            histogram.reset();
            inHistogram = false;
        }
        count = 0;
        sorted = false;
    }

    /**
     * Sorts v[0..n). Up to 16 values (a typical interval) by insertion, beyond that Arrays.sort. (Measured in paired
     * runs on M/M/10, about 9 values per interval: insertion 3% faster overall than counting each value's rank with
     * branch-free comparisons, whose n^2 comparisons outweigh the mispredicted branches they avoid.)
     */
    private static void sortBuffer(long[] v, int n) {
        if (n > 16) {
            Arrays.sort(v, 0, n);
            return;
        }
        for (int i = 1; i < n; i++) {
            long x = v[i];
            int j = i - 1;
            while (j >= 0 && v[j] > x) {
                v[j + 1] = v[j];
                j--;
            }
            v[j + 1] = x;
        }
    }

    /**
     * {@link Histogram#getValueAtPercentile} of the buffered values, without the histogram: it returns the highest
     * value equivalent to the first bucket at which the running count reaches {@code max(1, ceil(p' n / 100))}, with
     * p' the percentile less one ulp; that bucket is the one holding the value of that rank in sorted order.
     */
    private long bufferedPct(double p) {
        double requested = Math.min(Math.max(Math.nextAfter(p, Double.NEGATIVE_INFINITY), 0.0D), 100.0D);
        long rank = Math.max(1, (long) Math.ceil(requested * count / 100.0D));
        return histogram.highestEquivalentValue(values[(int) rank - 1]);
    }
}
