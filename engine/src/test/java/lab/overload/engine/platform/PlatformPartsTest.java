package lab.overload.engine.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lab.overload.engine.component.World;
import lab.overload.engine.component.platform.ApiBucket;
import lab.overload.engine.component.platform.ScalingBucket;
import lab.overload.engine.component.platform.WorkerManagers;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;

/** The platform's parts on their own, and invoke paths not covered by the single-function logs. */
class PlatformPartsTest {
    /**
     * The default 1,000 per 10 s: a full bucket allows 1,000 new sandboxes at once, not 1,001. Empty at t = 0, it
     * gains 1,000 units per µs and a sandbox costs 10,000,000 units, so the next one is allowed at
     * 10,000,000 / 1,000 = 10,000 µs and not at 9,999 µs; after 10 s idle it holds 1,000 again, never more.
     */
    @Test
    void scalingBucketArithmetic() {
        ScalingBucket b = new ScalingBucket(1000);
        for (int i = 0; i < 1000; i++) {
            assertTrue(b.tryTake(0), "sandbox " + (i + 1));
        }
        assertFalse(b.tryTake(0));
        assertFalse(b.tryTake(9_999));
        assertTrue(b.tryTake(10_000));
        assertFalse(b.tryTake(10_000));
        assertEquals(1000, b.available(10_000 + 60_000_000L), "not banked beyond n");
        b.reconfigure(10, 70_010_000L);
        assertEquals(10, b.available(70_010_000L), "clipped to the new capacity");
    }

    /** Rate 2/s, burst 3: full at the start, 0.5 token per 250 ms, clipped to the burst. */
    @Test
    void apiBucketArithmetic() {
        ApiBucket b = new ApiBucket(2, 3);
        assertTrue(b.tryTake(0) && b.tryTake(0) && b.tryTake(0));
        assertFalse(b.tryTake(0));
        assertFalse(b.tryTake(250_000), "0.5 tokens");
        assertTrue(b.tryTake(500_000), "1.0 token");
        assertEquals(3, b.tokens(100_000_000L), 1e-12, "never more than the burst");
    }

    /** Home manager first, then the most free slots, lowest index on a tie; -1 when all are full. */
    @Test
    void placementSpreadsOverWorkerManagers() {
        WorkerManagers w = new WorkerManagers(3, 2);
        assertEquals(List.of(1, 1, 0, 2, 0, 2), List.of(w.place(4), w.place(4), w.place(4), w.place(4), w.place(4),
                w.place(4)));
        assertEquals(-1, w.place(0));
        w.release(2);
        assertEquals(2, w.place(0));
    }

    /**
     * One worker-manager slot, two functions: f invoked at 1 and 2 s, g at 1.25 s (rate 0.8/s), work 100 ms. f's
     * sandbox is idle when g's invoke comes, so it is evicted to make room for g's; at 2 s g's is evicted for f's.
     */
    @Test
    void aFullAccountEvictsTheLeastRecentlyUsedIdleSandbox() {
        Scenario s = PlatformTraces.scenario("""
                {'name': 't', 'durationSeconds': 10,
                 'clients': [{'name': 'web', 'target': 'f', 'arrivals': 'CONSTANT', 'ratePerSecond': 1,
                              'timeoutKind': 'NONE'},
                             {'name': 'batch', 'target': 'g', 'arrivals': 'CONSTANT', 'ratePerSecond': 0.8,
                              'timeoutKind': 'NONE'}],
                 'platform': [{'name': 'acct', 'placementMillis': 0, 'workerManagers': 1,
                               'slotsPerWorkerManager': 1}],
                 'functions': [{'name': 'f', 'durationDistribution': 'CONSTANT', 'durationMillis': 100,
                                'initMillis': 0},
                               {'name': 'g', 'durationDistribution': 'CONSTANT', 'durationMillis': 100,
                                'initMillis': 0}]}""");
        List<String> trace = PlatformTraces.trace(s, 2.05);
        assertEquals(List.of(
                "1.000000 web send r1 a1", "1.000000 f cold sandbox 0 wm0 r1 a1",
                "1.100000 f COMPLETED_USEFUL r1 a1", "1.100000 web SUCCEEDED r1 a1",
                "1.250000 batch send r2 a1", "1.250000 f sandbox 0 evicted wm0 r0 a0",
                "1.250000 g cold sandbox 0 wm0 r2 a1",
                "1.350000 g COMPLETED_USEFUL r2 a1", "1.350000 batch SUCCEEDED r2 a1",
                "2.000000 web send r3 a1", "2.000000 g sandbox 0 evicted wm0 r0 a0",
                "2.000000 f cold sandbox 0 wm0 r3 a1"), trace);
    }

    /** Two provisioned sandboxes are warm from the start; the third invoke in progress spills to a cold one. */
    @Test
    void provisionedConcurrencySpillsOverToOnDemand() {
        Scenario s = PlatformTraces.scenario("""
                {'name': 't', 'durationSeconds': 10,
                 'clients': [{'name': 'web', 'target': 'f', 'arrivals': 'CONSTANT', 'ratePerSecond': 1,
                              'timeoutKind': 'NONE'}],
                 'functions': [{'name': 'f', 'durationDistribution': 'CONSTANT', 'durationMillis': 2500,
                                'initMillis': 100, 'provisionedConcurrency': 2}]}""");
        World w = new World(s);
        List<String> lines = new java.util.ArrayList<>();
        w.onTrace(e -> lines.add(e.toString()));
        w.runUntil(3_050_000);
        assertEquals(List.of("1.000000 web send r1 a1", "1.000000 f warm sandbox 1 r1 a1",
                "2.000000 web send r2 a1", "2.000000 f warm sandbox 0 r2 a1",
                "3.000000 web send r3 a1", "3.000000 f cold sandbox 2 wm0 r3 a1"), lines);
        assertEquals(3, w.functionStats("f").sandboxesByWorkerManager()[0][0]
                + w.functionStats("f").sandboxesByWorkerManager()[0][1], "one initialising, two busy");
        PlatformTheoryTest.checkPlatformConservation(w.functionStats("f"));
    }

    /**
     * An invoke at 1 s, cold with the default 20 ms placement and no init; f calls its dependency first. Built-in:
     * 200 ms of constant latency, then 100 ms of work, so it ends at 1.32 s. As a stage: f calls the service db at
     * 1.02 s (50 ms of work) and works after its answer, ending at 1.17 s.
     */
    @Test
    void aFunctionCallsItsDependencyBeforeItsWork() {
        String json = """
                {'name': 't', 'durationSeconds': 5,
                 'clients': [{'name': 'web', 'target': 'f', 'arrivals': 'CONSTANT', 'ratePerSecond': 1,
                              'timeoutKind': 'NONE'}],
                 'services': [{'name': 'db', 'serviceTimeDistribution': 'CONSTANT', 'serviceTimeMillis': 50}],
                 'functions': [{'name': 'f', 'durationDistribution': 'CONSTANT', 'durationMillis': 100, 'initMillis': 0,
                                'dependency': {'enabled': true, 'latencyDistribution': 'CONSTANT',
                                               'latencyMillis': 200, 'target': 'TARGET'}}]}""";
        List<String> builtIn = PlatformTraces.trace(PlatformTraces.scenario(json.replace("TARGET", "")), 1.5);
        assertEquals(List.of("1.000000 web send r1 a1", "1.000000 f cold sandbox 0 wm0 r1 a1",
                "1.320000 f COMPLETED_USEFUL r1 a1", "1.320000 web SUCCEEDED r1 a1"), builtIn);
        List<String> stage = PlatformTraces.trace(PlatformTraces.scenario(json.replace("TARGET", "db")), 1.5);
        assertEquals(List.of("1.000000 web send r1 a1", "1.000000 f cold sandbox 0 wm0 r1 a1",
                "1.020000 f call db r1 a1", "1.020000 db start r1 a1", "1.070000 db COMPLETED_USEFUL r1 a1",
                "1.170000 f COMPLETED_USEFUL r1 a1", "1.170000 web SUCCEEDED r1 a1"), stage);
    }
}
