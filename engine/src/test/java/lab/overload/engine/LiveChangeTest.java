package lab.overload.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import lab.overload.engine.component.World;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.engine.metrics.Summary;
import lab.overload.engine.metrics.SummaryJson;
import lab.overload.engine.run.BatchRunner;
import lab.overload.engine.run.ControlChange;
import lab.overload.models.scenario.ArrivalKind;
import lab.overload.models.scenario.Balancer;
import lab.overload.models.scenario.ClientSpec;
import lab.overload.models.scenario.Discipline;
import lab.overload.models.scenario.Distribution;
import lab.overload.models.scenario.ExpiredWork;
import lab.overload.models.scenario.Lesson;
import lab.overload.models.scenario.LoopKind;
import lab.overload.models.scenario.RetrySpec;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.scenario.ServiceSpec;
import lab.overload.models.scenario.TimelineChange;
import lab.overload.models.scenario.TimeoutKind;
import org.junit.jupiter.api.Test;

/**
 * Parameter changes applied to a running World ({@link World#apply}): the client's rate, the service's workers, and
 * USL contention (which switches the host into shared-speed mode and back with work in progress). Checks
 * conservation at every change, that the offered rate in the interval snapshots follows the change within Poisson
 * noise, that the service's throughput follows its new capacity, that nothing is lost across mode switches (the
 * system drains to empty), and that replaying the same changes through {@link BatchRunner} gives the same bytes.
 *
 * <p>Noise bounds: arrivals in an interval of length t at rate λ are Poisson(λt); a count is accepted within
 * {@code 5 sqrt(λt)} of λt per 1 s interval (false alarm 6e-7 per interval) and within {@code 4 sqrt(λT)} over a
 * phase of length T (6e-5). With every worker busy and exponential work, completions are Poisson too, at
 * n μ × speed, and get the same 4-sigma bound.
 */
class LiveChangeTest {
    private static final long S = 1_000_000;

    /** One client (Poisson 100/s, no timeout, no retries) calling one host of 20 workers, 100 ms exponential work. */
    private static Scenario base(double duration) {
        ClientSpec web = new ClientSpec("web", "api", LoopKind.OPEN, ArrivalKind.POISSON, 100, 0, 0,
                Distribution.CONSTANT, 1, 0, TimeoutKind.NONE, 1000, RetrySpec.NONE);
        ServiceSpec api = new ServiceSpec("api", 1, 20, 0, 10_000_000, Discipline.FIFO, 0, ExpiredWork.PROCESS,
                Distribution.EXPONENTIAL, 100, 1, 0, 0, 0, Balancer.ROUND_ROBIN);
        return new Scenario(Scenario.SCHEMA_VERSION, "live", "", Lesson.NONE, 2024, duration, 0, 1000, List.of(web),
                List.of(api), List.of());
    }

    /** The changes of the main test, at whole seconds (interval boundaries). */
    private static final List<ControlChange> CHANGES = List.of(
            new ControlChange(20 * S, "clients.web.ratePerSecond", "300"),
            new ControlChange(40 * S, "services.api.workersPerHost", "40"),
            new ControlChange(50 * S, "services.api.contentionSigma", "0.05"),
            new ControlChange(60 * S, "services.api.contentionSigma", "0"),
            new ControlChange(70 * S, "clients.web.ratePerSecond", "0"),
            new ControlChange(75 * S, "clients.web.ratePerSecond", "50"),
            new ControlChange(80 * S, "services.api.workersPerHost", "10"),
            new ControlChange(90 * S, "clients.web.ratePerSecond", "0"));

    @Test
    void liveChangesAreFollowedAndConserved() {
        Scenario s = base(120);
        World world = new World(s);
        List<IntervalSnapshot> iv = new ArrayList<>();
        world.onInterval(iv::add);
        for (ControlChange c : CHANGES) {
            world.runUntil(c.atMicros());
            conserve(world, "before " + c);
            world.apply(c.path(), c.value());
            conserve(world, "after " + c);
        }
        world.runUntil(s.durationMicros());
        Summary sum = world.summary();
        sum.checkConservation();
        assertEquals(120, iv.size(), "one snapshot per second");
        assertEquals(CHANGES.size(), world.appliedChanges().size(), "every change recorded");

        // Offered load follows the rate, interval by interval and per phase.
        checkOffered(iv, 0, 20, 100);
        checkOffered(iv, 20, 70, 300);
        checkOffered(iv, 75, 90, 50);
        for (int i = 70; i < 75; i++) {
            assertEquals(0, iv.get(i).offered(), "rate 0 from 70 s: no arrivals in interval " + i);
        }
        for (int i = 90; i < 120; i++) {
            assertEquals(0, iv.get(i).offered(), "rate 0 from 90 s: no arrivals in interval " + i);
        }

        // Workers: the snapshot reports the capacity in force; concurrency never exceeds it once it applies.
        for (int i = 0; i < 120; i++) {
            IntervalSnapshot x = iv.get(i);
            long expected = i < 40 ? 20 : i < 80 ? 40 : 10;
            assertEquals(expected, x.workers(), "workers in interval " + i);
            long limit = i == 80 ? 40 : expected; // work started before the cut finishes on its own
            assertTrue(x.concurrencyMax() <= limit, "interval " + i + ": concurrency max " + x.concurrencyMax()
                    + " <= workers " + limit);
            assertTrue(x.utilization() >= 0 && x.utilization() <= 1 + 1e-12, "utilization in [0,1]: " + x);
        }
        for (int i = 83; i < 120; i++) {
            assertTrue(iv.get(i).concurrencyMax() <= 10, "3 s after the cut to 10 workers every extra attempt has"
                    + " finished (30 exponential 100 ms jobs: P(any > 3 s) < 1e-11): " + iv.get(i));
        }

        // Saturated phases: a backlog keeps every worker busy, so throughput is n mu x speed (Poisson completions).
        for (int i = 22; i < 70; i++) {
            long n = i < 40 ? 20 : 40;
            if (i == 40 || i == 50 || i == 60) {
                continue;
            }
            assertEquals(n, iv.get(i).concurrencyMean(), 1e-9,
                    "interval " + i + ": the backlog keeps all " + n + " workers busy");
        }
        checkRate(iv, 25, 40, 200, IntervalSnapshot::throughputPerSecond, "throughput with 20 workers, 10/s each");
        checkRate(iv, 41, 50, 400, IntervalSnapshot::throughputPerSecond, "throughput with 40 workers");
        double speed = 1 / (1 + 0.05 * 39);
        checkRate(iv, 51, 60, 400 * speed, IntervalSnapshot::throughputPerSecond,
                "throughput with 40 workers slowed by USL sigma 0.05 (speed 1/(1+0.05x39) = 0.339)");
        checkRate(iv, 61, 70, 400, IntervalSnapshot::throughputPerSecond, "throughput back at full speed");

        // Nothing is lost across the mode switches: with arrivals stopped the system drains to empty.
        assertEquals(0, world.busyWorkers(), "drained: no busy worker at the end");
        assertEquals(0, world.queuedAttempts(), "drained: nothing queued at the end");
        assertEquals(0, sum.requestsInFlight(), "drained: no request in flight");
        assertEquals(0, sum.attemptsInFlight(), "drained: no attempt in flight");
        assertEquals(sum.requestsTotal(), sum.succeeded(), "no timeouts, no errors, no shedding: all succeed");
        assertEquals(sum.requestsTotal(), iv.stream().mapToLong(IntervalSnapshot::offered).sum(),
                "interval offered counts add up to the requests");
    }

    @Test
    void replayingTheChangesGivesTheSameBytes() {
        Scenario s = base(100);
        World world = new World(s);
        for (ControlChange c : CHANGES) {
            world.runUntil(c.atMicros());
            world.apply(c.path(), c.value());
        }
        world.runUntil(s.durationMicros());
        String live = SummaryJson.write(world.summary());
        String replay = SummaryJson.write(BatchRunner.run(s, CHANGES, false).summary());
        assertEquals(live, replay,
                "a recording of live changes replayed by BatchRunner gives a byte-identical summary");
    }

    /**
     * Switching into shared-speed mode with work in progress and a costly rejection in progress, then out again,
     * at odd (non-interval) times, with timeouts, retries and shedding. Conservation must hold at every step and
     * the system must drain to empty.
     */
    @Test
    void modeSwitchesWithRejectionsInProgressLoseNothing() {
        ClientSpec web = new ClientSpec("web", "api", LoopKind.OPEN, ArrivalKind.POISSON, 150, 0, 0,
                Distribution.CONSTANT, 1, 0, TimeoutKind.FIXED, 400, Scenarios.retries(3));
        ServiceSpec api = new ServiceSpec("api", 2, 6, 0, 8, Discipline.LIFO, 5, ExpiredWork.DROP_AT_DEQUEUE,
                Distribution.EXPONENTIAL, 60, 1, 0, 0, 0, Balancer.LEAST_OUTSTANDING);
        Scenario s = new Scenario(Scenario.SCHEMA_VERSION, "switch", "", Lesson.NONE, 77, 120, 0, 100, List.of(web),
                List.of(api), List.of());
        World world = new World(s);
        String[][] steps = {
            {"services.api.contentionSigma", "0.03"},
            {"services.api.coresPerHost", "3"},
            {"services.api.contentionSigma", "0"},
            {"services.api.coherencyKappa", "0.01"},
            {"services.api.workersPerHost", "9"},
            {"services.api.coherencyKappa", "0"},
            {"services.api.coresPerHost", "0"},
            {"services.api.hosts", "1"},
            {"services.api.discipline", "FIFO"},
            {"services.api.contentionSigma", "0.02"},
            {"services.api.hosts", "3"},
            {"services.api.expiredWork", "PROCESS"},
            {"services.api.contentionSigma", "0"},
            {"clients.web.timeoutMillis", "150"},
            {"services.api.rejectionCostMillis", "0"},
            {"clients.web.ratePerSecond", "0"},
        };
        long t = 0;
        for (String[] step : steps) {
            t += 5_432_109;
            world.runUntil(t);
            conserve(world, "before " + step[0] + "=" + step[1]);
            world.apply(step[0], step[1]);
            conserve(world, "after " + step[0] + "=" + step[1]);
        }
        world.runUntil(s.durationMicros());
        Summary sum = world.summary();
        sum.checkConservation();
        assertTrue(sum.shed() > 0 && sum.failedTimeout() > 0 && sum.retries() > 0,
                "the run must shed, time out and retry for the switches to matter: " + sum);
        assertEquals(0, world.busyWorkers() + world.queuedAttempts(), "drained to empty");
        assertEquals(0, sum.requestsInFlight() + sum.attemptsInFlight(),
                "no request or attempt left in flight after draining: nothing was lost in a mode switch");
    }

    /**
     * Client timeouts use a FIFO timer ring that assumes non-decreasing deadlines; a shorter timeout set live breaks
     * that order (new deadlines fall before old ones). Every attempt must still time out exactly its own timeout
     * after it was sent: 1000 ms before the change at 5 s, 100 ms after it; exponential from 10 s; none from 15 s.
     */
    @Test
    void timeoutChangesTakeEffectExactly() {
        ClientSpec web = new ClientSpec("web", "api", LoopKind.OPEN, ArrivalKind.CONSTANT, 10, 0, 0,
                Distribution.CONSTANT, 1, 0, TimeoutKind.FIXED, 1000, RetrySpec.NONE);
        ServiceSpec api = new ServiceSpec("api", 1, 1, 0, 1000, Discipline.FIFO, 0, ExpiredWork.PROCESS,
                Distribution.CONSTANT, 100_000, 1, 0, 0, 0, Balancer.ROUND_ROBIN);
        Scenario s = new Scenario(Scenario.SCHEMA_VERSION, "timeouts", "", Lesson.NONE, 3, 20, 0, 100, List.of(web),
                List.of(api), List.of());
        World world = new World(s);
        java.util.Map<Long, Long> sent = new java.util.HashMap<>();
        java.util.Map<Long, Long> timedOut = new java.util.HashMap<>();
        long[] last = {0};
        world.onTrace(e -> {
            assertTrue(e.timeMicros() >= last[0], "trace events in time order: " + e);
            last[0] = e.timeMicros();
            if (e.event().equals("send")) {
                sent.put(e.requestId(), e.timeMicros());
            } else if (e.event().equals("timeout")) {
                timedOut.put(e.requestId(), e.timeMicros() - sent.get(e.requestId()));
            }
        });
        world.runUntil(5 * S);
        world.apply("clients.web.timeoutMillis", "100");
        world.runUntil(10 * S);
        world.apply("clients.web.timeoutKind", "EXPONENTIAL");
        world.runUntil(15 * S);
        world.apply("clients.web.timeoutKind", "NONE");
        world.runUntil(20 * S);
        world.summary().checkConservation();
        double expSum = 0;
        int expCount = 0;
        for (var e : sent.entrySet()) {
            long at = e.getValue();
            Long waited = timedOut.get(e.getKey());
            // A send at exactly the change time happened before it (runUntil processes events at that time).
            if (at <= 5 * S) {
                assertEquals(1_000_000L, waited, "sent at " + at + " us (timeout 1000 ms): timed out after");
            } else if (at <= 10 * S) {
                assertEquals(100_000L, waited, "sent at " + at + " us (timeout 100 ms): timed out after");
            } else if (at <= 15 * S) {
                assertTrue(waited != null && waited > 0, "sent at " + at + " us (exponential): timed out");
                expSum += waited;
                expCount++;
            } else if (at + 100_000 < 20 * S) {
                assertEquals(null, waited, "sent at " + at + " us (no timeout): never timed out");
            }
        }
        assertEquals(50, expCount, "10/s for 5 s with exponential patience");
        assertEquals(100_000, expSum / expCount, 4 * 100_000 / Math.sqrt(expCount),
                "mean exponential timeout 100 ms within 4 standard errors (sd = mean for an exponential)");
    }

    /**
     * Cutting workers while saturated: attempts already in service finish on their own (nothing is preempted), so
     * for a moment more workers are busy than the new limit allows; no new work starts until busy is below it.
     */
    @Test
    void cuttingWorkersWhileSaturatedLetsInServiceWorkFinish() {
        Scenario s = base(30);
        World world = new World(s);
        List<IntervalSnapshot> iv = new ArrayList<>();
        world.onInterval(iv::add);
        world.runUntil(5 * S);
        world.apply("clients.web.ratePerSecond", "400");
        world.runUntil(10 * S);
        assertEquals(20, world.busyWorkers(), "saturated before the cut");
        world.apply("services.api.workersPerHost", "5");
        assertEquals(20, world.busyWorkers(), "the cut preempts nothing");
        world.runUntil(15 * S);
        assertEquals(5, world.busyWorkers(), "after the in-service work drained, busy = the new limit");
        world.runUntil(30 * S);
        world.summary().checkConservation();
        IntervalSnapshot cut = iv.get(10);
        assertEquals(5, cut.workers());
        assertEquals(20, cut.concurrencyMax(), "the cut interval starts with 20 busy");
        System.out.printf(Locale.ROOT, "[live] interval after cutting 20 -> 5 workers while saturated: utilization"
                + " %.3f, concurrency mean %.2f, max %d, workers %d%n", cut.utilization(), cut.concurrencyMean(),
                cut.concurrencyMax(), cut.workers());
        for (int i = 12; i < 30; i++) {
            assertTrue(iv.get(i).concurrencyMax() <= 5 && iv.get(i).utilization() <= 1 + 1e-12,
                    "2 s after the cut (15 extra 100 ms exponential jobs: P(any > 2 s) < 1e-7): " + iv.get(i));
        }
    }

    @Test
    void timelineStepsSpikesAndRampsDriveTheOfferedRate() {
        ClientSpec web = new ClientSpec("web", "api", LoopKind.OPEN, ArrivalKind.POISSON, 100, 0, 0,
                Distribution.CONSTANT, 1, 0, TimeoutKind.FIXED, 500, RetrySpec.NONE);
        ServiceSpec api = new ServiceSpec("api", 1, 100, 0, 1000, Discipline.FIFO, 0, ExpiredWork.PROCESS,
                Distribution.EXPONENTIAL, 50, 1, 0, 0, 0, Balancer.ROUND_ROBIN);
        List<TimelineChange> timeline = List.of(
                new TimelineChange(10, "clients.web.ratePerSecond", "400", 0, 10, "spike"),
                new TimelineChange(30, "clients.web.ratePerSecond", "300", 20, 0, "ramp"));
        Scenario s = new Scenario(Scenario.SCHEMA_VERSION, "timeline", "", Lesson.NONE, 5, 70, 0, 1000,
                List.of(web), List.of(api), timeline);
        var result = BatchRunner.run(s, List.of(), true);
        List<IntervalSnapshot> iv = result.intervals();
        checkOffered(iv, 0, 10, 100);
        checkOffered(iv, 10, 20, 400);
        checkOffered(iv, 20, 30, 100);
        checkOffered(iv, 50, 70, 300);
        // The ramp moves 100 -> 300 over 20 s in 1 s steps (value at step k: 100 + 10 k), mean 195/s over 30-50 s.
        long ramp = iv.subList(30, 50).stream().mapToLong(IntervalSnapshot::offered).sum();
        double expected = 0;
        for (int k = 0; k < 20; k++) {
            expected += 100 + 10 * k;
        }
        assertEquals(expected, ramp, 4 * Math.sqrt(expected),
                "arrivals during the ramp: sum of the step rates (" + expected + "), within 4 sqrt (Poisson)");
    }

    @Test
    void invalidLiveChangesAreRejectedAndChangeNothing() {
        Scenario s = base(10);
        World world = new World(s);
        world.runUntil(3 * S);
        var e1 = assertThrows(IllegalArgumentException.class,
                () -> world.apply("services.api.workersPerHost", "0"));
        assertTrue(e1.getMessage().contains("workersPerHost"), "message names the field: " + e1.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> world.apply("clients.web.loop", "CLOSED"));
        assertTrue(e2.getMessage().contains("clients.web.loop"), "message names the path: " + e2.getMessage());
        assertThrows(IllegalArgumentException.class, () -> world.apply("services.nope.workersPerHost", "3"));
        assertEquals(s, world.scenario(), "a rejected change leaves the scenario as it was");
        assertTrue(world.appliedChanges().isEmpty(), "a rejected change is not recorded");
        world.runUntil(10 * S);
        world.summary().checkConservation();
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static void conserve(World world, String when) {
        try {
            world.summary().checkConservation();
        } catch (IllegalStateException e) {
            throw new AssertionError("conservation " + when + ": " + e.getMessage(), e);
        }
    }

    /** Offered counts in 1 s intervals [from, to) at the given rate: each within 5 sqrt, the sum within 4 sqrt. */
    private static void checkOffered(List<IntervalSnapshot> iv, int from, int to, double rate) {
        long total = 0;
        for (int i = from; i < to; i++) {
            IntervalSnapshot x = iv.get(i);
            double mean = rate * x.seconds();
            assertEquals(mean, x.offered(), 5 * Math.sqrt(mean), String.format(Locale.ROOT,
                    "interval %d: offered %d vs rate %.0f/s; Poisson count accepted within 5 sqrt(%.0f) = %.1f",
                    i, x.offered(), rate, mean, 5 * Math.sqrt(mean)));
            total += x.offered();
        }
        double mean = rate * (to - from);
        assertEquals(mean, total, 4 * Math.sqrt(mean), String.format(Locale.ROOT,
                "offered over %d-%d s vs %.0f/s: Poisson count accepted within 4 sqrt(%.0f) = %.1f",
                from, to, rate, mean, 4 * Math.sqrt(mean)));
    }

    /** The mean of a per-interval rate over [from, to) within 4 Poisson sigmas of the expected rate. */
    private static void checkRate(List<IntervalSnapshot> iv, int from, int to, double rate,
                                  ToDoubleFunction<IntervalSnapshot> f, String what) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += f.applyAsDouble(iv.get(i));
        }
        double seconds = to - from;
        double observed = sum / (to - from);
        double tol = 4 * Math.sqrt(rate * seconds) / seconds;
        System.out.printf(Locale.ROOT, "[live] %s over %d-%d s: %.2f/s (expected %.2f/s)%n", what, from, to, observed,
                rate);
        assertEquals(rate, observed, tol, String.format(Locale.ROOT,
                "%s over %d-%d s: %.2f/s vs %.2f/s; accepted within 4 Poisson sigmas = %.2f/s", what, from, to,
                observed, rate, tol));
    }
}
