package lab.overload.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The recorder's interval percentiles and level integrals, against direct computations. */
class RecorderTest {
    private static final long MAX = 86_400_000_000L;

    /**
     * Interval percentiles come from a small sorted buffer, not from a histogram; they must be exactly what a
     * 2-digit HdrHistogram of the same latencies reports, for any count (below and above the buffer's 2048), with ties.
     */
    @Test
    void intervalPercentilesEqualTheHistogramsExactly() {
        SplittableRandom r = new SplittableRandom(3);
        Recorder rec = new Recorder(0);
        ClientMetrics client = rec.client("web");
        long now = 0;
        int[] counts = {1, 2, 3, 5, 9, 10, 11, 16, 17, 99, 100, 101, 999, 1000, 1001, 2047, 2048, 2049, 5000};
        for (int round = 0; round < 3; round++) {
            for (int n : counts) {
                Histogram h = new Histogram(MAX, 2);
                for (int i = 0; i < n; i++) {
                    long v = switch (round) {
                        case 0 -> 1 + r.nextLong(5_000_000);
                        case 1 -> 1000 * (1 + r.nextInt(4)); // many ties
                        default -> (long) Math.exp(r.nextDouble() * 20); // spans decades
                    };
                    h.recordValue(v);
                    rec.requestEnded(client, RequestOutcome.SUCCEEDED, v, true, now);
                }
                now += 100_000;
                IntervalSnapshot s = rec.seal(now, -1);
                String what = n + " latencies, round " + round;
                assertEquals(h.getValueAtPercentile(50) / 1000.0, s.latencyP50Millis(), "p50 of " + what);
                assertEquals(h.getValueAtPercentile(90) / 1000.0, s.latencyP90Millis(), "p90 of " + what);
                assertEquals(h.getValueAtPercentile(99) / 1000.0, s.latencyP99Millis(), "p99 of " + what);
                assertEquals(h.getValueAtPercentile(99.9) / 1000.0, s.latencyP999Millis(), "p99.9 of " + what);
            }
        }
        IntervalSnapshot empty = rec.seal(now + 100_000, -1);
        assertTrue(Double.isNaN(empty.latencyP50Millis()), "no successes: NaN");
    }

    /**
     * Time-averaged levels against a direct step-by-step integral, with a warm-up that ends inside an interval, a
     * summary taken between seals midway, and the final summary between seals.
     */
    @ParameterizedTest(name = "stage alone {0}")
    @ValueSource(booleans = {true, false})
    void levelIntegralsMatchADirectSum(boolean alone) {
        long warmup = 1_234_567;
        long interval = 100_000;
        Recorder rec = new Recorder(warmup);
        StageMetrics stage = rec.stage("api", "service", alone, false);
        long[] none = {0};
        SplittableRandom r = new SplittableRandom(5);
        long value = 0;
        long last = 0;
        double measuredArea = 0;
        double intervalArea = 0;
        long measuredMax = 0;
        long nextSeal = interval;
        long now = 0;
        long end = 3_456_789;
        boolean summarisedMidway = false;
        while (true) {
            long next = now + r.nextLong(30_000);
            long t = Math.min(Math.min(next, nextSeal), end);
            // integrate [last, t] directly
            intervalArea += (double) value * (t - last);
            if (t > warmup) {
                measuredArea += (double) value * (t - Math.max(last, warmup));
            }
            if (last <= warmup && t >= warmup) {
                measuredMax = Math.max(measuredMax, value);
            }
            last = t;
            if (t == end) {
                break;
            }
            if (t == nextSeal) {
                IntervalSnapshot s = rec.seal(t, -1);
                assertEquals(intervalArea / interval, s.queueLengthMean(), 1e-12, "interval ending " + t);
                assertEquals(s.queueLengthMean(), s.byStage().get("api").queueLengthMean(), "the stage's own level");
                intervalArea = 0;
                nextSeal += interval;
            } else {
                if (!summarisedMidway && t > 2_000_000) {
                    rec.summary("levels", 1, t, new long[0], new long[0], none); // a summary between seals must not disturb what follows
                    summarisedMidway = true;
                }
                int delta = value == 0 || r.nextBoolean() ? 1 + r.nextInt(3) : -1;
                value += delta;
                stage.queueChanged(t, delta);
                if (t >= warmup) {
                    measuredMax = Math.max(measuredMax, value);
                }
            }
            now = t;
        }
        Summary s = rec.summary("levels", 1, end, new long[0], new long[0], none);
        assertEquals(measuredArea / (end - warmup), s.queueLengthMean(), 1e-12, "measured-period mean");
        assertEquals(measuredMax, s.queueLengthMax(), "measured-period max");
        assertEquals(s.queueLengthMean(), s.byStage().get("api").queueLengthMean(), "the stage's own mean");
        assertEquals(s.queueLengthMax(), s.byStage().get("api").queueLengthMax(), "the stage's own max");
    }
}
