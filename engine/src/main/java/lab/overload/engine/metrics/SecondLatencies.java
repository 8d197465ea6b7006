package lab.overload.engine.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * One section's latencies in the current simulated second, counted into the buckets of {@link LatencyHistogram} (one
 * long per bucket, 8.4 kB, whatever the run's length). When a value or a drain falls in a later second, the second is
 * sealed into an immutable {@link LatencyHistogram} (only when it holds a value) and its buckets are cleared; the
 * histograms wait until the recorder drains them into the next interval snapshot. Single writer: the simulation
 * thread.
 */
final class SecondLatencies {
    private static final long SECOND_MICROS = 1_000_000;

    private final long[] counts = new long[LatencyHistogram.BUCKETS];
    private int lowest = LatencyHistogram.BUCKETS;
    private int highest = -1;
    private long secondEndMicros = SECOND_MICROS;
    private List<LatencyHistogram> sealed = new ArrayList<>();

    /** A value of {@code micros} at time {@code nowMicros}; returns its bucket. */
    int record(long micros, long nowMicros) {
        return record(micros, 1, nowMicros);
    }

    /** {@code count} values of {@code micros} at time {@code nowMicros}; returns their bucket. */
    int record(long micros, long count, long nowMicros) {
        if (nowMicros >= secondEndMicros) {
            roll(nowMicros);
        }
        int b = LatencyHistogram.bucket(micros);
        counts[b] += count;
        lowest = Math.min(lowest, b);
        highest = Math.max(highest, b);
        return b;
    }

    /** The histograms of the seconds that ended by {@code nowMicros} and were not drained yet, oldest first. */
    List<LatencyHistogram> drain(long nowMicros) {
        if (nowMicros >= secondEndMicros) {
            roll(nowMicros);
        }
        if (sealed.isEmpty()) {
            return List.of();
        }
        List<LatencyHistogram> out = List.copyOf(sealed);
        sealed = new ArrayList<>();
        return out;
    }

    /** Seals the current second (when it holds a value) and moves to the second holding {@code nowMicros}. */
    private void roll(long nowMicros) {
        if (highest >= 0) {
            sealed.add(LatencyHistogram.of(secondEndMicros - SECOND_MICROS, counts, lowest, highest));
            java.util.Arrays.fill(counts, lowest, highest + 1, 0);
            lowest = LatencyHistogram.BUCKETS;
            highest = -1;
        }
        secondEndMicros = (nowMicros / SECOND_MICROS + 1) * SECOND_MICROS;
    }
}
