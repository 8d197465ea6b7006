package lab.overload.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import lab.overload.engine.component.World;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.engine.metrics.Summary;
import lab.overload.engine.run.BatchRunner;
import lab.overload.engine.run.RunResult;
import lab.overload.models.scenario.ArrivalKind;
import lab.overload.models.scenario.Balancer;
import lab.overload.models.scenario.ClientSpec;
import lab.overload.models.scenario.Discipline;
import lab.overload.models.scenario.Distribution;
import lab.overload.models.scenario.ExpiredWork;
import lab.overload.models.scenario.Jitter;
import lab.overload.models.scenario.Lesson;
import lab.overload.models.scenario.LoopKind;
import lab.overload.models.scenario.RetrySpec;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.scenario.ServiceSpec;
import lab.overload.models.scenario.TimeoutKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conservation and range invariants on many kinds of scenario. {@link BatchRunner} already checks request and
 * attempt conservation on the final summary; this test also checks it at several moments mid-run, checks every
 * interval snapshot and the summary against ranges that hold by construction, and, for runs without warm-up (where
 * the cohort is every request), checks that the per-interval counters add up exactly to the summary's.
 */
class ConservationTest {

    /** A named scenario for the parameterised runs. */
    record Case(String name, Scenario scenario) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("overload, fixed timeouts, retries",
                scenario(1, 30, 0, open(300, TimeoutKind.FIXED, 200, retry(4, Jitter.FULL)),
                        svc(1, 10, 0, 1000, Discipline.FIFO, 0, ExpiredWork.PROCESS, Distribution.EXPONENTIAL, 50,
                                0, 0, 0, Balancer.ROUND_ROBIN))));
        cases.add(new Case("shedding, queue 0, costly rejections",
                scenario(2, 30, 0, open(250, TimeoutKind.FIXED, 1000, retry(3, Jitter.EQUAL)),
                        svc(1, 10, 0, 0, Discipline.FIFO, 2, ExpiredWork.PROCESS, Distribution.EXPONENTIAL, 50,
                                0, 0, 0, Balancer.ROUND_ROBIN))));
        cases.add(new Case("LIFO under overload",
                scenario(3, 30, 0, open(250, TimeoutKind.FIXED, 300, retry(2, Jitter.FULL)),
                        svc(1, 10, 0, 500, Discipline.LIFO, 0, ExpiredWork.PROCESS, Distribution.EXPONENTIAL, 50,
                                0, 0, 0, Balancer.ROUND_ROBIN))));
        cases.add(new Case("drop at dequeue",
                scenario(4, 30, 0, open(300, TimeoutKind.FIXED, 150, retry(3, Jitter.FULL)),
                        svc(1, 10, 0, 1000, Discipline.FIFO, 0, ExpiredWork.DROP_AT_DEQUEUE,
                                Distribution.EXPONENTIAL, 50, 0, 0, 0, Balancer.ROUND_ROBIN))));
        cases.add(new Case("exponential timeouts",
                scenario(5, 30, 0, open(220, TimeoutKind.EXPONENTIAL, 200, retry(3, Jitter.NONE)),
                        svc(1, 10, 0, 1000, Discipline.FIFO, 0, ExpiredWork.DROP_AT_DEQUEUE,
                                Distribution.EXPONENTIAL, 50, 0, 0, 0, Balancer.ROUND_ROBIN))));
        for (Balancer b : Balancer.values()) {
            cases.add(new Case("4 hosts, " + b,
                    scenario(6, 30, 0, open(200, TimeoutKind.FIXED, 400, retry(3, Jitter.FULL)),
                            svc(4, 3, 0, 10, Discipline.FIFO, 0.5, ExpiredWork.PROCESS, Distribution.LOGNORMAL, 50,
                                    0, 0, 0, b))));
        }
        cases.add(new Case("USL contention sigma and kappa (shared speed)",
                scenario(7, 30, 0, open(150, TimeoutKind.FIXED, 500, retry(2, Jitter.FULL)),
                        svc(1, 16, 0, 100, Discipline.FIFO, 1, ExpiredWork.PROCESS, Distribution.EXPONENTIAL, 50,
                                0, 0.05, 0.002, Balancer.ROUND_ROBIN))));
        cases.add(new Case("shared cores (coresPerHost 4 < 12 workers), two hosts",
                scenario(8, 30, 0, open(120, TimeoutKind.FIXED, 300, retry(3, Jitter.DECORRELATED)),
                        svc(2, 12, 4, 5, Discipline.LIFO, 3, ExpiredWork.DROP_AT_DEQUEUE, Distribution.EXPONENTIAL,
                                50, 0.05, 0.01, 0, Balancer.LEAST_OUTSTANDING))));
        cases.add(new Case("closed loop",
                scenario(9, 30, 0, closed(50, 100, TimeoutKind.FIXED, 200, retry(3, Jitter.FULL)),
                        svc(1, 5, 0, 20, Discipline.FIFO, 0, ExpiredWork.PROCESS, Distribution.EXPONENTIAL, 40,
                                0, 0, 0, Balancer.ROUND_ROBIN))));
        cases.add(new Case("closed loop, no think time, exponential patience",
                scenario(10, 20, 0, closed(30, 0, TimeoutKind.EXPONENTIAL, 100, retry(2, Jitter.EQUAL)),
                        svc(2, 4, 0, 3, Discipline.LIFO, 0.2, ExpiredWork.DROP_AT_DEQUEUE, Distribution.CONSTANT,
                                20, 0.1, 0, 0, Balancer.RANDOM))));
        cases.add(new Case("warm-up, constant arrivals, errors and retries",
                scenario(11, 40, 5.05, new ClientSpec("web", "api", LoopKind.OPEN, ArrivalKind.CONSTANT, 100, 0, 0,
                                Distribution.CONSTANT, 1, 0, TimeoutKind.FIXED, 500, retry(4, Jitter.FULL)),
                        svc(1, 8, 0, 50, Discipline.FIFO, 0, ExpiredWork.PROCESS, Distribution.CONSTANT, 60,
                                0.3, 0, 0, Balancer.ROUND_ROBIN))));
        cases.add(new Case("warm-up, overload with shared cores and waste",
                scenario(12, 30, 7.5, open(400, TimeoutKind.FIXED, 250, retry(3, Jitter.FULL)),
                        svc(1, 20, 2, 200, Discipline.FIFO, 1, ExpiredWork.PROCESS, Distribution.LOGNORMAL, 10,
                                0, 0.01, 0, Balancer.ROUND_ROBIN))));
        cases.add(new Case("idle (rate 0)",
                scenario(13, 10, 0, open(0, TimeoutKind.FIXED, 200, retry(3, Jitter.FULL)),
                        svc(1, 4, 0, 10, Discipline.FIFO, 0, ExpiredWork.PROCESS, Distribution.EXPONENTIAL, 50,
                                0, 0, 0, Balancer.ROUND_ROBIN))));
        return cases.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void conservationAndRangesHold(Case c) {
        Scenario s = c.scenario();
        RunResult result = BatchRunner.run(s, List.of(), true);
        Summary sum = result.summary();
        ServiceSpec svc = s.services().get(0);
        long workers = (long) svc.hosts() * svc.workersPerHost();
        long queueCap = (long) svc.hosts() * svc.queueCapacity();

        List<IntervalSnapshot> iv = result.intervals();
        long intervalMicros = s.intervalMillis() * 1000L;
        assertEquals(s.durationMicros() / intervalMicros, iv.size(), "one snapshot per interval up to the end");
        for (int i = 0; i < iv.size(); i++) {
            IntervalSnapshot x = iv.get(i);
            String at = c.name() + ", interval " + i + ": ";
            assertEquals(i, x.index(), at + "index");
            assertEquals((long) i * intervalMicros, x.startMicros(), at + "intervals are contiguous");
            assertEquals(x.startMicros() + intervalMicros, x.endMicros(), at + "interval length");
            checkSnapshot(x, workers, queueCap, svc, at);
        }

        checkSummary(sum, s, workers, queueCap, c.name());
        if (s.warmupMicros() == 0) {
            checkIntervalsAddUp(iv, sum, c.name());
        } else {
            long offered = iv.stream().filter(x -> x.startMicros() >= s.warmupMicros()
                    || x.endMicros() > s.warmupMicros()).mapToLong(IntervalSnapshot::offered).sum();
            // The warm-up may fall inside an interval; arrivals before it in that interval are not in the cohort.
            assertTrue(offered >= sum.requestsTotal(), c.name() + ": intervals overlapping the measured period"
                    + " hold every measured arrival");
        }
        checkMidRunConservation(s, c.name());
        System.out.printf(java.util.Locale.ROOT, "[conservation] %s: requests %d (ok %d, timeout %d, rejected %d,"
                        + " error %d, in flight %d), attempts %d (useful %d, wasted %d, error %d, shed %d,"
                        + " abandoned %d, in flight %d), utilization %.3f%n", c.name(), sum.requestsTotal(),
                sum.succeeded(), sum.failedTimeout(), sum.failedRejected(), sum.failedError(), sum.requestsInFlight(),
                sum.attemptsTotal(), sum.completedUseful(), sum.completedWasted(), sum.completedError(), sum.shed(),
                sum.abandonedByServer(), sum.attemptsInFlight(), sum.utilization());
        assertTrue(sum.requestsTotal() > 1000 || s.clients().get(0).ratePerSecond() == 0,
                c.name() + ": the scenario must carry load: " + sum);
    }

    /** Ranges every interval snapshot satisfies by construction. */
    private static void checkSnapshot(IntervalSnapshot x, long workers, long queueCap, ServiceSpec svc, String at) {
        long[] counts = {x.offered(), x.attempts(), x.retries(), x.succeeded(), x.failedTimeout(),
            x.failedRejected(), x.failedError(), x.expired(), x.completedUseful(), x.completedWasted(),
            x.completedError(), x.shed(), x.throttled(), x.abandonedByServer()};
        for (long n : counts) {
            assertTrue(n >= 0, at + "counts must be >= 0: " + x);
        }
        assertTrue(x.retries() <= x.attempts(), at + "retries are attempts: " + x);
        assertEquals(workers, x.workers(), at + "workers");
        assertTrue(x.utilization() >= 0 && x.utilization() <= 1 + 1e-12, at + "utilization in [0,1]: " + x);
        assertTrue(x.concurrencyMean() >= 0 && x.concurrencyMean() <= x.concurrencyMax() + 1e-9,
                at + "concurrency mean <= max: " + x);
        assertTrue(x.concurrencyMax() <= workers, at + "concurrency max <= workers " + workers + ": " + x);
        assertTrue(x.queueLengthMean() >= 0 && x.queueLengthMean() <= x.queueLengthMax() + 1e-9,
                at + "queue mean <= max: " + x);
        assertTrue(x.queueLengthMax() <= queueCap, at + "queue max <= capacity " + queueCap + ": " + x);
        assertTrue(x.inSystemMean() >= 0 && x.oldestQueuedAgeMillis() >= 0, at + "levels >= 0: " + x);
        if (x.queueLengthMax() == 0) {
            assertEquals(0.0, x.oldestQueuedAgeMillis(), at + "no queue, no queued age");
        }
        assertTrue(x.usefulWorkSeconds() >= 0 && x.wastedWorkSeconds() >= 0 && x.rejectionWorkSeconds() >= 0
                && x.abandonedWorkSeconds() >= 0, at + "work >= 0: " + x);
        // A rejection costs exactly rejectionCostMillis at full speed, at least that when the host is slowed.
        double rejectCost = x.shed() * Math.round(svc.rejectionCostMillis() * 1000) / 1e6;
        if (Host.sharedMode(svc)) {
            assertTrue(x.rejectionWorkSeconds() >= rejectCost * (1 - 1e-9), at + "rejection work >= cost: " + x);
        } else {
            assertEquals(rejectCost, x.rejectionWorkSeconds(), 1e-9, at + "rejection work = shed x cost: " + x);
        }
        checkPercentiles(x.succeeded(), x.latencyMeanMillis(), x.latencyP50Millis(), x.latencyP90Millis(),
                x.latencyP99Millis(), x.latencyP999Millis(), at);
        assertTrue(Double.isNaN(x.queueWaitMeanMillis()) || x.queueWaitMeanMillis() >= 0, at + "wait >= 0: " + x);
        // The busy split: serving waiting clients + serving clients already gone = all busy workers; rejections apart.
        assertTrue(x.busyClientWaitingMean() >= -1e-9 && x.busyClientGoneMean() >= -1e-9 && x.rejectingMean() >= 0,
                at + "busy split levels >= 0: " + x);
        assertEquals(x.concurrencyMean(), x.busyClientWaitingMean() + x.busyClientGoneMean(),
                1e-9 * Math.max(1, x.concurrencyMean()), at + "busy split adds up to the concurrency: " + x);
        if (svc.rejectionCostMillis() == 0) {
            assertEquals(0.0, x.rejectingMean(), at + "free rejections take no time: " + x);
        }
        assertTrue(Double.isNaN(x.requestMeanTimeMillis()) || x.requestMeanTimeMillis() >= 0,
                at + "time in system >= 0: " + x);
    }

    private static void checkPercentiles(long succeeded, double mean, double p50, double p90, double p99,
                                         double p999, String at) {
        if (succeeded == 0) {
            assertTrue(Double.isNaN(mean) && Double.isNaN(p50) && Double.isNaN(p999),
                    at + "no success: latency undefined (NaN)");
            return;
        }
        assertTrue(mean >= 0 && p50 >= 0, at + "latency >= 0");
        assertTrue(p50 <= p90 && p90 <= p99 && p99 <= p999,
                at + "percentiles ordered p50 <= p90 <= p99 <= p999: " + p50 + ", " + p90 + ", " + p99 + ", " + p999);
    }

    /** Ranges and identities of the summary. */
    private static void checkSummary(Summary s, Scenario sc, long workers, long queueCap, String name) {
        String at = name + " summary: ";
        long[] counts = {s.requestsTotal(), s.succeeded(), s.failedTimeout(), s.failedRejected(), s.failedError(),
            s.expired(), s.requestsInFlight(), s.attemptsTotal(), s.retries(), s.completedUseful(),
            s.completedWasted(), s.completedError(), s.shed(), s.throttled(), s.abandonedByServer(),
            s.attemptsInFlight(), s.requestsEnded()};
        for (long n : counts) {
            assertTrue(n >= 0, at + "counts must be >= 0: " + s);
        }
        assertEquals(sc.durationSeconds() - sc.warmupSeconds(), s.measuredSeconds(), 1e-9, at + "measured period");
        assertEquals(s.requestsTotal() - s.requestsInFlight(), s.requestsEnded(),
                at + "ended requests = total - in flight");
        assertTrue(s.utilization() >= 0 && s.utilization() <= 1 + 1e-12, at + "utilization in [0,1]");
        assertTrue(s.concurrencyMean() <= s.concurrencyMax() + 1e-9 && s.concurrencyMax() <= workers,
                at + "concurrency mean <= max <= workers " + workers + ": " + s);
        assertTrue(s.queueLengthMean() <= s.queueLengthMax() + 1e-9 && s.queueLengthMax() <= queueCap,
                at + "queue mean <= max <= capacity " + queueCap + ": " + s);
        assertTrue(s.usefulWork() >= 0 && s.wastedWork() >= 0 && s.rejectionWork() >= 0 && s.abandonedWork() >= 0,
                at + "work >= 0");
        assertEquals(0, s.throttled() + s.expired(), at + "no throttle and no async queue in these scenarios");
        checkPercentiles(s.succeeded(), s.latencyMean(), s.latencyP50(), s.latencyP90(), s.latencyP99(),
                s.latencyP999(), at);
        if (s.succeeded() > 0) {
            // HdrHistogram with 3 significant digits reports a bucket's highest equivalent value: up to 0.1% above.
            assertTrue(s.latencyP999() <= s.latencyMax() * 1.001 + 0.001 && s.latencyMean() <= s.latencyMax(),
                    at + "p999 and mean <= max (0.1% histogram resolution): " + s);
        }
        if (sc.warmupMicros() == 0) {
            // Without a warm-up the request and attempt cohorts are the same requests, so outcomes pair up.
            assertEquals(s.succeeded(), s.completedUseful(), at + "each success is one useful completion");
            assertTrue(s.failedError() <= s.completedError(), at + "each error failure ends on an error answer");
            assertTrue(s.failedRejected() <= s.shed() + s.throttled(), at + "each rejected failure was shed");
            double busySeconds = s.concurrencyMean() * s.measuredSeconds();
            assertTrue(s.usefulWork() + s.wastedWork() <= busySeconds * (1 + 1e-9) + 1e-9,
                    at + "work of finished attempts <= worker-seconds busy: " + s);
        }
    }

    /** Without warm-up every event is in the cohort, so interval counters (by event time) sum to the summary's. */
    private static void checkIntervalsAddUp(List<IntervalSnapshot> iv, Summary s, String name) {
        String at = name + ": sum over intervals of ";
        assertEquals(s.requestsTotal(), iv.stream().mapToLong(IntervalSnapshot::offered).sum(), at + "offered");
        assertEquals(s.attemptsTotal(), iv.stream().mapToLong(IntervalSnapshot::attempts).sum(), at + "attempts");
        assertEquals(s.retries(), iv.stream().mapToLong(IntervalSnapshot::retries).sum(), at + "retries");
        assertEquals(s.succeeded(), iv.stream().mapToLong(IntervalSnapshot::succeeded).sum(), at + "succeeded");
        assertEquals(s.failedTimeout(), iv.stream().mapToLong(IntervalSnapshot::failedTimeout).sum(),
                at + "failedTimeout");
        assertEquals(s.failedRejected(), iv.stream().mapToLong(IntervalSnapshot::failedRejected).sum(),
                at + "failedRejected");
        assertEquals(s.failedError(), iv.stream().mapToLong(IntervalSnapshot::failedError).sum(), at + "failedError");
        assertEquals(s.completedUseful(), iv.stream().mapToLong(IntervalSnapshot::completedUseful).sum(),
                at + "completedUseful");
        assertEquals(s.completedWasted(), iv.stream().mapToLong(IntervalSnapshot::completedWasted).sum(),
                at + "completedWasted");
        assertEquals(s.completedError(), iv.stream().mapToLong(IntervalSnapshot::completedError).sum(),
                at + "completedError");
        assertEquals(s.shed(), iv.stream().mapToLong(IntervalSnapshot::shed).sum(), at + "shed");
        assertEquals(s.abandonedByServer(), iv.stream().mapToLong(IntervalSnapshot::abandonedByServer).sum(),
                at + "abandonedByServer");
        double useful = iv.stream().mapToDouble(IntervalSnapshot::usefulWorkSeconds).sum();
        assertEquals(s.usefulWork(), useful, 1e-9 * Math.max(1, useful), at + "useful work seconds");
        double wasted = iv.stream().mapToDouble(IntervalSnapshot::wastedWorkSeconds).sum();
        assertEquals(s.wastedWork(), wasted, 1e-9 * Math.max(1, wasted), at + "wasted work seconds");
        double inSystem = iv.stream().mapToDouble(x -> x.inSystemMean() * x.seconds()).sum() / s.measuredSeconds();
        assertEquals(s.inSystemMean(), inSystem, 1e-9 * Math.max(1, inSystem), at + "in-system area");
        double busy = iv.stream().mapToDouble(x -> x.concurrencyMean() * x.seconds()).sum() / s.measuredSeconds();
        assertEquals(s.concurrencyMean(), busy, 1e-9 * Math.max(1, busy), at + "busy area");
        long maxBusy = iv.stream().mapToLong(IntervalSnapshot::concurrencyMax).max().orElse(0);
        assertEquals(s.concurrencyMax(), maxBusy, at + "max concurrency");
    }

    /** Conservation holds at any moment, not only at the end: check it at uneven times through the run. */
    private static void checkMidRunConservation(Scenario s, String name) {
        World world = new World(s);
        long step = 3_141_593;
        for (long t = step; t < s.durationMicros(); t += step) {
            world.runUntil(t);
            Summary mid = world.summary();
            try {
                mid.checkConservation();
            } catch (IllegalStateException e) {
                throw new AssertionError(name + " at " + t / 1e6 + " s: " + e.getMessage(), e);
            }
            assertTrue(world.busyWorkers() <= (long) s.services().get(0).hosts()
                    * s.services().get(0).workersPerHost(), name + ": busy workers within the limit");
        }
    }

    /**
     * A level held across the warm-up boundary must count towards the measured maximum. One worker, 60 s of
     * constant work, arrivals every 2 s from 2 s, warm-up 3 s: the worker is busy from 2 s to the end, so the
     * measured concurrency has mean 1 and must have max 1.
     */
    @Test
    void levelMaximumIncludesTheValueHeldAtWarmup() {
        Scenario s = scenario(1, 10, 3, new ClientSpec("web", "api", LoopKind.OPEN, ArrivalKind.CONSTANT, 0.5, 0, 0,
                        Distribution.CONSTANT, 1, 0, TimeoutKind.NONE, 1000, RetrySpec.NONE),
                svc(1, 1, 0, 10, Discipline.FIFO, 0, ExpiredWork.PROCESS, Distribution.CONSTANT, 60_000, 0, 0, 0,
                        Balancer.ROUND_ROBIN));
        Summary sum = BatchRunner.run(s).summary();
        assertEquals(1.0, sum.concurrencyMean(), 1e-12, "the one worker is busy all through the measured period");
        assertEquals(1, sum.concurrencyMax(), "max of a level that is 1 all through the measured period: " + sum);
    }

    /**
     * Every valid scenario must make progress in sim time. Closed loop, think time 0, queue capacity 0, free
     * rejection, no retries: a shed user ends its request and starts the next at the same instant, and is shed
     * again. A think time of at least 1 us keeps the clock moving: the 3 shed users then cost about 2 events per
     * microsecond each, so 100 ms of sim time takes about 600 000 events. Checked by stepping with a budget.
     */
    @Test
    void closedLoopWithZeroThinkAndInstantSheddingMakesProgress() {
        Scenario s = scenario(1, 10, 0, closed(5, 0, TimeoutKind.NONE, 1000, RetrySpec.NONE),
                svc(1, 2, 0, 0, Discipline.FIFO, 0, ExpiredWork.PROCESS, Distribution.CONSTANT, 100, 0, 0, 0,
                        Balancer.ROUND_ROBIN));
        World world = new World(s);
        long budget = 5_000_000;
        while (world.nowMicros() < 100_000 && world.eventsProcessed() < budget && world.simulation().step()) {
            // step until 100 ms of sim time has passed or the budget is spent
        }
        assertTrue(world.nowMicros() >= 100_000, "sim time must advance: still at " + world.nowMicros()
                + " us after " + world.eventsProcessed() + " events (about 600 000 expected for 100 ms)");
    }

    // ---------------------------------------------------------------------------------------- builders

    private static RetrySpec retry(int maxAttempts, Jitter jitter) {
        return new RetrySpec(maxAttempts, 20, 500, jitter);
    }

    private static ClientSpec open(double rate, TimeoutKind kind, double timeoutMillis, RetrySpec retry) {
        return new ClientSpec("web", "api", LoopKind.OPEN, ArrivalKind.POISSON, rate, 0, 0, Distribution.CONSTANT, 1,
                0, kind, timeoutMillis, retry);
    }

    private static ClientSpec closed(int users, double thinkMillis, TimeoutKind kind, double timeoutMillis,
                                     RetrySpec retry) {
        return new ClientSpec("web", "api", LoopKind.CLOSED, ArrivalKind.POISSON, 0, users, thinkMillis,
                Distribution.LOGNORMAL, 1, 0.7, kind, timeoutMillis, retry);
    }

    private static ServiceSpec svc(int hosts, int workers, int cores, int queue, Discipline discipline,
                                   double rejectionCostMillis, ExpiredWork expired, Distribution dist,
                                   double meanMillis, double errorProbability, double sigma, double kappa,
                                   Balancer balancer) {
        return new ServiceSpec("api", hosts, workers, cores, queue, discipline, rejectionCostMillis, expired, dist,
                meanMillis, 2, errorProbability, sigma, kappa, balancer);
    }

    private static Scenario scenario(long seed, double duration, double warmup, ClientSpec client,
                                     ServiceSpec service) {
        return new Scenario(Scenario.SCHEMA_VERSION, "conservation", "", Lesson.NONE, seed, duration, warmup, 100,
                List.of(client), List.of(service), List.of());
    }

    /** Mirror of the engine's mode rule (Host is package-private in the component package). */
    private static final class Host {
        static boolean sharedMode(ServiceSpec s) {
            return s.contentionSigma() > 0 || s.coherencyKappa() > 0 || s.coresPerHost() > 0;
        }
    }
}
