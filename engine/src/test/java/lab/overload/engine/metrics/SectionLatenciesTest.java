package lab.overload.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import lab.overload.engine.run.BatchRunner;
import lab.overload.engine.run.RunResult;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Per-second latency histograms by section: their resolution, a chain whose last stage is an M/M/1 queue with a known
 * response-time p99, seconds that merge into the run's histogram, and the sole case that records nothing extra.
 */
class SectionLatenciesTest {
    /** 1/32: a bucket is at most that share of its lowest value wide. */
    private static final double RESOLUTION = 1.0 / 32;

    @Test
    void aBucketHoldsItsValueWithinTheResolution() {
        SplittableRandom r = new SplittableRandom(3);
        int last = -1;
        for (long v = 0; v < 5_000; v++) {
            int b = LatencyHistogram.bucket(v);
            assertTrue(b >= last, "buckets rise with the value at " + v);
            last = b;
        }
        for (int i = 0; i < 200_000; i++) {
            long v = r.nextLong(1L << r.nextInt(1, 37));
            long high = LatencyHistogram.highestMicros(LatencyHistogram.bucket(v));
            assertTrue(high >= v && high <= v + v * RESOLUTION, v + " reported as " + high);
            assertEquals(LatencyHistogram.bucket(v), LatencyHistogram.bucket(high), "the highest value of " + v);
        }
        assertEquals(LatencyHistogram.BUCKETS - 1, LatencyHistogram.bucket(Long.MAX_VALUE), "the last bucket");
        for (long v = 0; v < 64; v++) {
            assertEquals(v, LatencyHistogram.highestMicros(LatencyHistogram.bucket(v)), "exact below 64 us");
        }
    }

    @Test
    void aPercentileIsTheBucketOfTheValueOfItsRank() {
        SplittableRandom r = new SplittableRandom(11);
        long[] values = new long[2_001];
        long[] dense = new long[LatencyHistogram.BUCKETS];
        for (int i = 0; i < values.length; i++) {
            values[i] = (long) (-Math.log(1 - r.nextDouble()) * 40_000); // exponential, mean 40 ms
            dense[LatencyHistogram.bucket(values[i])]++;
        }
        Arrays.sort(values);
        LatencyHistogram h = LatencyHistogram.of(0, dense, 0, LatencyHistogram.BUCKETS - 1);
        for (double p : new double[] {0, 50, 90, 99, 99.9, 100}) {
            long exact = values[(int) Math.max(1, Math.ceil(p * values.length / 100)) - 1];
            double got = h.percentileMillis(p) * 1000;
            assertTrue(got >= exact && got <= exact * (1 + RESOLUTION) + 1,
                    "p" + p + ": " + got + " us against the exact " + exact + " us, within 1/32 above");
        }
        assertEquals(values.length, h.count());
    }

    /** Client web to service a (50 workers, 5 ms) calling service b (1 worker, 10 ms, exponential; Poisson 50/s). */
    private static Scenario chain(double seconds) {
        return ScenarioCodec.read("{\"name\": \"chain\", \"seed\": 12, \"durationSeconds\": " + seconds
                + ", \"warmupSeconds\": 0, \"intervalMillis\": 100, \"clients\": [{\"name\": \"web\", \"target\": \"a\","
                + " \"ratePerSecond\": 50, \"timeoutKind\": \"NONE\"}], \"services\": ["
                + "{\"name\": \"a\", \"workersPerHost\": 50, \"serviceTimeMillis\": 5,"
                + " \"dependency\": {\"enabled\": true, \"target\": \"b\"}},"
                + "{\"name\": \"b\", \"workersPerHost\": 1, \"queueCapacity\": 100000, \"serviceTimeMillis\": 10}]}");
    }

    private static LatencyHistogram merged(RunResult run, Function<IntervalSnapshot, List<LatencyHistogram>> of) {
        List<LatencyHistogram> all = new ArrayList<>();
        long lastStart = -1;
        for (IntervalSnapshot s : run.intervals()) {
            for (LatencyHistogram h : of.apply(s)) {
                assertTrue(h.startMicros() > lastStart && h.startMicros() % 1_000_000 == 0,
                        "whole seconds, each once, in order: " + h.startMicros());
                lastStart = h.startMicros();
                all.add(h);
            }
        }
        return LatencyHistogram.merge(all);
    }

    /**
     * b is M/M/1 with lambda 50/s and mu 100/s: its response time is exponential with rate mu - lambda = 50/s, so its
     * p99 is ln(100)/50 s = 92.1 ms, its median ln(2)/50 s = 13.9 ms. 2,000 s give about 100,000 answers; the p99 of
     * so many (correlated) samples has a standard error of about 2 % (runs of 400 s spread by 5 % around it), and the
     * bucket adds at most 3.2 % above: within 7 %. a's response time is b's plus a's own 5 ms of work, so its p99 is
     * higher (by more than the resolution).
     */
    @Test
    void theLastStageOfAChainHasTheMm1ResponseTimeP99() {
        RunResult run = BatchRunner.run(chain(2_000), List.of(), true);
        LatencyHistogram b = merged(run, s -> s.latencies().stage("b"));
        LatencyHistogram a = merged(run, s -> s.latencies().stage("a"));
        double theory = Math.log(100) / 50 * 1000;
        assertEquals(theory, b.percentileMillis(99), 0.07 * theory, "b's p99 against ln(100)/(mu - lambda)");
        assertEquals(20 * Math.log(2), b.percentileMillis(50), 0.07 * 20 * Math.log(2), "b's median, ln 2/50 s");
        assertTrue(a.percentileMillis(99) > b.percentileMillis(99) * (1 + RESOLUTION) + 1,
                "a waits for b and then works: " + a.percentileMillis(99) + " ms against b's " + b.percentileMillis(99));
        assertEquals(run.summary().byStage().get("b").attempts().completedUseful(), b.count(),
                "every answer of b is in exactly one second");
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> response = (java.util.Map<String, Object>) run.summary().byStage().get("b")
                .toMap().get("responseMillis");
        assertEquals(b.percentileMillis(99), (double) response.get("p99"), 0,
                "with no warm-up the summary's run-long p99 is that of the merged seconds");
        assertEquals(b.percentileMillis(50), (double) response.get("p50"), 0);
        assertNull(run.intervals().get(0).latencies().derivedStage(), "recorded, not derived");
    }

    /**
     * With no warm-up every success is in the summary's run-long histogram (HdrHistogram, 3 significant digits) and in
     * exactly one second's histogram: the merged seconds hold the same count, and their percentiles equal the run's
     * within the resolution (1/32 above the value of that rank, the run's histogram within 0.1 %).
     */
    @Test
    void theSecondsMergeIntoTheRunsHistogram() {
        RunResult run = BatchRunner.run(chain(120), List.of(), true);
        LatencyHistogram web = merged(run, s -> s.latencies().client("web"));
        ClientSummary c = run.summary().byClient().get("web");
        assertEquals(c.requests().succeeded(), web.count(), "every success once");
        for (double[] p : new double[][] {{50, c.latency().p50()}, {90, c.latency().p90()}, {99, c.latency().p99()},
            {99.9, c.latency().p999()}}) {
            assertEquals(p[1], web.percentileMillis(p[0]), (RESOLUTION + 0.001) * p[1],
                    "p" + p[0] + " of the merged seconds against the run's histogram");
        }
    }

    /**
     * One client group calling its only stage: no section keeps a histogram; the seconds come from the totals'. And
     * none is made while nobody reads the snapshots.
     */
    @Test
    void theSoleCaseRecordsNothingExtra() {
        Recorder rec = new Recorder(0);
        StageMetrics api = rec.stage("api", "service", true, true);
        ClientMetrics web = rec.client("web");
        rec.secondLatencies(true);
        assertNull(web.latencies, "the sole client group records nothing per request");
        assertNull(api.latencies, "the sole stage records nothing per attempt");
        long[] latencies = new long[3_000];
        SplittableRandom r = new SplittableRandom(5);
        long[] dense = new long[LatencyHistogram.BUCKETS];
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] = r.nextLong(1_000, 900_000);
            long now = 1_000_000 + i * 300L; // all in second 1, 3000 in 0.9 s (past the interval buffer)
            rec.requestEnded(web, RequestOutcome.SUCCEEDED, latencies[i], true, now);
            if (now % 100_000 > (now + 300) % 100_000) {
                rec.seal((now / 100_000 + 1) * 100_000, -1);
            }
            dense[LatencyHistogram.bucket(latencies[i])]++;
        }
        List<LatencyHistogram> seconds = new ArrayList<>();
        for (long t = 1_000_000 / 100_000 * 100_000; t <= 2_000_000; t += 100_000) {
            IntervalSnapshot s = rec.seal(Math.max(t, 1_900_000), -1);
            seconds.addAll(s.latencies().client("web"));
            if (!s.latencies().client("web").isEmpty()) {
                assertEquals(s.latencies().client("web"), s.latencies().stage("api"), "the stage's are the client's");
                assertEquals("api", s.latencies().derivedStage());
            }
        }
        assertEquals(1, seconds.size(), "one second with successes");
        assertEquals(1_000_000, seconds.get(0).startMicros());
        assertEquals(latencies.length, seconds.get(0).count());
        LatencyHistogram exact = LatencyHistogram.of(0, dense, 0, LatencyHistogram.BUCKETS - 1);
        for (double p : new double[] {50, 99}) {
            assertEquals(exact.percentileMillis(p), seconds.get(0).percentileMillis(p),
                    0.011 * exact.percentileMillis(p), "p" + p + " (the interval histogram keeps 2 digits)");
        }
        Recorder two = new Recorder(0);
        StageMetrics db = two.stage("db", "service", false, false);
        ClientMetrics web2 = two.client("web");
        assertNull(web2.latencies, "none made before someone reads the snapshots");
        assertNull(db.latencies);
        two.requestEnded(web2, RequestOutcome.SUCCEEDED, 1_000, true, 500_000);
        assertEquals(SectionLatencies.NONE, two.seal(1_000_000, -1).latencies());
        two.secondLatencies(true);
        assertNotNull(web2.latencies, "a client group of a chain records its successes");
        assertNotNull(db.latencies, "a stage of a chain records its answers");
    }
}
