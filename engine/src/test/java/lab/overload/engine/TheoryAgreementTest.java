package lab.overload.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import lab.overload.engine.component.TraceEvent;
import lab.overload.engine.component.World;
import lab.overload.engine.core.RandomStreams;
import lab.overload.engine.metrics.Stats;
import lab.overload.engine.metrics.Summary;
import lab.overload.engine.run.BatchRunner;
import lab.overload.engine.run.Validation;
import lab.overload.engine.run.ValidationResult;
import lab.overload.models.scenario.Distribution;
import lab.overload.models.scenario.ExpiredWork;
import lab.overload.models.scenario.Jitter;
import lab.overload.models.scenario.RetrySpec;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.scenario.TimeoutKind;
import lab.overload.models.theory.ErlangA;
import lab.overload.models.theory.LittlesLaw;
import lab.overload.models.theory.MMc;
import lab.overload.models.theory.MMcK;
import lab.overload.models.theory.RetryAmplification;
import org.junit.jupiter.api.Test;

/**
 * The simulation against closed-form queueing results, over independent replications (seeds
 * {@code RandomStreams.replicationSeed(seed, i)}).
 *
 * <p>Criterion everywhere: the replication mean agrees with theory when {@code |mean − theory| <= max(h99, tol)},
 * where h99 is the Student-t 99% half-width of the mean over the replications (the sampling noise, measured) and tol
 * a small relative allowance for systematic effects a confidence interval cannot see: the initial transient after the
 * warm-up, cohort members still in flight at the end and microsecond rounding (each estimated well below the
 * allowance in the assertion message). Seeds are fixed, so the outcome is reproducible.
 */
class TheoryAgreementTest {
    private static final int R = 10;

    /** One replication: its summary and, when traced, what the trace showed. */
    private record Obs(Summary summary, Validation.Probe probe) {
    }

    private static List<Obs> replicate(Scenario s, int replications, long seed, boolean trace) {
        return IntStream.range(0, replications).parallel()
                .mapToObj(i -> run(s.withSeed(RandomStreams.replicationSeed(seed, i)), trace)).toList();
    }

    private static Obs run(Scenario s, boolean trace) {
        if (!trace) {
            return new Obs(BatchRunner.run(s).summary(), null);
        }
        World world = new World(s);
        Validation.Probe probe = new Validation.Probe(s.warmupMicros());
        world.onTrace(probe::accept);
        world.runUntil(s.durationMicros());
        probe.finish(s.durationMicros());
        Summary summary = world.summary();
        summary.checkConservation();
        return new Obs(summary, probe);
    }

    private static double[] values(List<Obs> obs, ToDoubleFunction<Obs> f) {
        return obs.stream().mapToDouble(f).toArray();
    }

    /** Asserts theory agrees with the replication mean within max(99% half-width, relTol × |theory|). */
    private static void assertAgrees(String what, double theory, double[] xs, double relTol, String tolReason) {
        double mean = Stats.mean(xs);
        double hw99 = Validation.halfWidth99(xs);
        double tol = relTol * Math.abs(theory);
        double allowed = Math.max(hw99, tol);
        String msg = String.format(Locale.ROOT,
                "%s: simulated %.6g ± %.3g (99%% Student-t half-width, %d replications) vs theory %.6g; |Δ| = %.3g"
                        + " must be <= max(99%% half-width, %.2g%% of theory = %.3g) -- the half-width is the"
                        + " sampling noise, the %.2g%% allows for %s",
                what, mean, hw99, xs.length, theory, Math.abs(mean - theory), relTol * 100, tol, relTol * 100,
                tolReason);
        System.out.println("[theory] " + msg);
        assertTrue(Math.abs(mean - theory) <= allowed, msg);
    }

    /**
     * Little's law L = λW on one run from the summary's own fields: time-average number in system vs arrival rate
     * times the mean time in system of the cohort's finished requests. They differ only by edge terms: requests
     * present when measurement starts (in L, not in λ or W) and cohort requests still in flight at the end (in λ,
     * not in W, partly in L). Each is about L×W request-seconds out of L×T, so the relative gap is of order 3W/T; the
     * tolerance is 20 W/T (W from theory), and at least 1e-3.
     */
    private static void assertLittle(Summary s, double theoryW, String what) {
        double lambda = s.requestsTotal() / s.measuredSeconds();
        double w = s.requestMeanTimeMillis() / 1000;
        double lw = LittlesLaw.meanNumberInSystem(lambda, w);
        double tol = Math.max(1e-3, 20 * theoryW / s.measuredSeconds());
        double rel = Math.abs(s.inSystemMean() - lw) / lw;
        assertTrue(rel <= tol, String.format(Locale.ROOT,
                "%s seed %d: Little's law L = %.6g vs λW = %.6g × %.6g = %.6g, relative gap %.3g must be <= %.3g"
                        + " (edge terms of order 3W/T = %.2g; tolerance 20 W/T, at least 0.1%%)",
                what, s.seed(), s.inSystemMean(), lambda, w, lw, rel, tol, 3 * theoryW / s.measuredSeconds()));
        // Exact inequality: the area under N(t) covers the finished cohort's full times in system.
        double area = s.inSystemMean() * s.measuredSeconds();
        double finished = s.requestMeanTimeMillis() / 1000 * s.requestsEnded();
        assertTrue(area >= finished * (1 - 1e-9), what + ": time-average in system × T = " + area
                + " must be >= total time of the finished cohort " + finished + " (exact; 1e-9 for rounding)");
    }

    /** Little's law on the queue alone: time-average queue length vs arrival rate × mean queue wait. */
    private static void assertLittleQueue(Summary s, double theoryW, String what) {
        double lambda = s.requestsTotal() / s.measuredSeconds();
        double lq = lambda * s.queueWaitMean() / 1000;
        double tol = Math.max(2e-3, 40 * theoryW / s.measuredSeconds());
        double rel = Math.abs(s.queueLengthMean() - lq) / lq;
        assertTrue(rel <= tol, String.format(Locale.ROOT,
                "%s seed %d: Little's law on the queue Lq = %.6g vs λWq = %.6g, relative gap %.3g must be <= %.3g"
                        + " (edge terms as for L = λW but relative to the smaller Lq; tolerance 40 W/T, at least"
                        + " 0.2%%)", what, s.seed(), s.queueLengthMean(), lq, rel, tol));
    }

    // ------------------------------------------------------------------------------------------------ M/M/c

    @Test
    void mm1MeanWaitMatchesTheory() {
        double lambda = 8;
        double mu = 10;
        List<Obs> obs = replicate(Validation.mmc("mm1", 1, lambda, mu, 10_000, 300), R, 11, false);
        double wq = MMc.meanWaitInQueue(1, lambda, mu) * 1000;
        assertAgrees("M/M/1 rho=0.8 mean wait Wq (ms)", wq, values(obs, o -> o.summary.queueWaitMean()), 0.005,
                "the initial transient (warm-up 300 s = 33 relaxation times) and censoring at the end");
        assertAgrees("M/M/1 rho=0.8 utilisation", lambda / mu, values(obs, o -> o.summary.utilization()), 0.002,
                "requests in service at the warm-up boundary");
        double w = MMc.meanResponseTime(1, lambda, mu);
        for (Obs o : obs) {
            assertLittle(o.summary, w, "M/M/1");
            assertLittleQueue(o.summary, w, "M/M/1");
        }
    }

    @Test
    void mm10MeanWaitAndProbabilityOfWaitingMatchErlangC() {
        double lambda = 90;
        double mu = 10;
        List<Obs> obs = replicate(Validation.mmc("mm10", 10, lambda, mu, 600, 100), R, 12, true);
        assertAgrees("M/M/10 rho=0.9 mean wait Wq (ms)", MMc.meanWaitInQueue(10, lambda, mu) * 1000,
                values(obs, o -> o.summary.queueWaitMean()), 0.005,
                "the initial transient (warm-up 100 s = 26 relaxation times) and censoring at the end");
        assertAgrees("M/M/10 rho=0.9 P(wait) from the trace (enqueued / sent)",
                MMc.probabilityOfWaiting(10, lambda, mu), values(obs, o -> o.probe.probabilityOfWaiting()), 0.002,
                "nothing systematic (a count at arrival); kept for symmetry");
        assertAgrees("M/M/10 rho=0.9 mean number in system L", MMc.meanNumberInSystem(10, lambda, mu),
                values(obs, o -> o.summary.inSystemMean()), 0.005, "the initial transient");
        assertAgrees("M/M/10 mean busy workers = a = lambda/mu", lambda / mu,
                values(obs, o -> o.summary.concurrencyMean()), 0.002, "requests in service at the boundaries");
        double w = MMc.meanResponseTime(10, lambda, mu);
        for (Obs o : obs) {
            assertLittle(o.summary, w, "M/M/10");
            assertLittleQueue(o.summary, w, "M/M/10");
            // The trace's all-arrival mean wait is the summary's mean wait: nobody abandons, so the only gap is the
            // few still queued at the end (censored in the trace, excluded from the summary).
            assertEquals(o.summary.queueWaitMean(), o.probe.meanWaitMillis(), 0.01 * o.summary.queueWaitMean(),
                    "M/M/10 seed " + o.summary.seed() + ": trace mean wait vs summary queueWaitMean, 1% for the"
                            + " requests still queued at the end");
        }
    }

    @Test
    void mm2ModerateLoadMatchesErlangC() {
        double lambda = 1.5;
        double mu = 1;
        List<Obs> obs = replicate(Validation.mmc("mm2", 2, lambda, mu, 40_000, 500), R, 13, false);
        assertAgrees("M/M/2 rho=0.75 mean wait Wq (ms)", MMc.meanWaitInQueue(2, lambda, mu) * 1000,
                values(obs, o -> o.summary.queueWaitMean()), 0.005,
                "the initial transient (warm-up 500 s = 37 relaxation times) and censoring at the end");
        double w = MMc.meanResponseTime(2, lambda, mu);
        for (Obs o : obs) {
            assertLittle(o.summary, w, "M/M/2");
        }
    }

    // ------------------------------------------------------------------------------------------------ Little

    /**
     * The exact sample-path form of Little's law: over the measured window [w, T] the area under N(t) equals the
     * sum over all requests (including those that arrived before w or are still in flight at T) of the part of
     * their stay inside the window. The trace gives each request's arrival and end, so both sides are computed
     * independently; they must agree to floating-point rounding (relative 1e-9).
     */
    @Test
    void littlesLawHoldsExactlyOnTheSamplePath() {
        Scenario s = Scenarios.scenario(21, 120, 17.3,
                Scenarios.openClient(lab.overload.models.scenario.ArrivalKind.POISSON, 60, TimeoutKind.FIXED, 400,
                        Scenarios.retries(3)),
                Scenarios.service(4, 40, Distribution.EXPONENTIAL, 80, ExpiredWork.DROP_AT_DEQUEUE, 0.1));
        World world = new World(s);
        Map<Long, Long> arrived = new HashMap<>();
        double[] overlap = {0};
        long warm = s.warmupMicros();
        long end = s.durationMicros();
        int[] ended = {0};
        world.onTrace(e -> {
            if (!e.source().equals("web")) {
                return;
            }
            if (e.event().equals("send") && e.attempt() == 1) {
                arrived.put(e.requestId(), e.timeMicros());
            } else if (isRequestOutcome(e)) {
                long a = arrived.remove(e.requestId());
                overlap[0] += Math.max(0, e.timeMicros() - Math.max(a, warm));
                ended[0]++;
            }
        });
        world.runUntil(end);
        for (long a : arrived.values()) {
            overlap[0] += end - Math.max(a, warm);
        }
        Summary sum = world.summary();
        sum.checkConservation();
        assertTrue(ended[0] > 5000 && sum.failedTimeout() > 0 && sum.failedError() > 0 && sum.failedRejected() > 0,
                "the scenario must end requests in several ways for the check to mean something: " + sum);
        double area = sum.inSystemMean() * sum.measuredSeconds() * 1e6;
        assertEquals(overlap[0], area, 1e-9 * overlap[0],
                "exact sample-path Little: area under N(t) over [warm-up, end] vs sum of each request's stay inside"
                        + " it, from the trace; equal up to floating-point summation (relative 1e-9)");
    }

    private static boolean isRequestOutcome(TraceEvent e) {
        return switch (e.event()) {
            case "SUCCEEDED", "FAILED_TIMEOUT", "FAILED_REJECTED", "FAILED_ERROR", "EXPIRED" -> true;
            default -> false;
        };
    }

    // ------------------------------------------------------------------------------------------------ Erlang A

    /**
     * M/M/5+M: exponential client patience (timeout kind EXPONENTIAL, no retries) and expired work dropped at
     * dequeue. With FIFO and free dropping, expired attempts lingering in the queue delay no one, so who is served
     * and when is exactly Palm's model; the client's timeout while in service is a wasted completion, not an
     * abandonment, as in Erlang A (patience ends when service starts).
     */
    @Test
    void impatientClientsMatchErlangA() {
        int c = 5;
        double lambda = 60;
        double mu = 10;
        double patienceMillis = 500;
        double theta = 1000 / patienceMillis;
        Scenario s = Scenarios.scenario(1, 700, 100,
                Scenarios.openClient(lab.overload.models.scenario.ArrivalKind.POISSON, lambda,
                        TimeoutKind.EXPONENTIAL, patienceMillis, RetrySpec.NONE),
                Scenarios.service(c, 10_000_000, Distribution.EXPONENTIAL, 1000 / mu, ExpiredWork.DROP_AT_DEQUEUE,
                        0));
        List<Obs> obs = replicate(s, R, 31, true);
        assertAgrees("Erlang A P(abandon) = abandonedByServer / attempts",
                ErlangA.probabilityOfAbandonment(c, lambda, mu, theta),
                values(obs, o -> (double) o.summary.abandonedByServer() / o.summary.attemptsTotal()), 0.002,
                "abandoners still queued at the end (counted in flight): a few out of 36 000");
        assertAgrees("Erlang A served throughput (1/s)", ErlangA.servedThroughput(c, lambda, mu, theta),
                values(obs, o -> o.summary.throughputPerSecond()), 0.002, "attempts in service at the end");
        assertAgrees("Erlang A P(wait) from the trace", ErlangA.probabilityOfWaiting(c, lambda, mu, theta),
                values(obs, o -> o.probe.probabilityOfWaiting()), 0.002, "nothing systematic (a count at arrival)");
        assertAgrees("Erlang A mean wait over all arrivals E[Wq] = Lq/lambda (ms), from the trace",
                ErlangA.meanWaitInQueue(c, lambda, mu, theta) * 1000, values(obs, o -> o.probe.meanWaitMillis()),
                0.005, "censoring of the few still waiting at the end");
        for (Obs o : obs) {
            Summary sum = o.summary;
            // Every abandonment at the server is a client timeout; timeouts in service add wasted completions.
            assertEquals(sum.failedTimeout(), sum.abandonedByServer() + sum.completedWasted(),
                    sum.requestsInFlight() + sum.attemptsInFlight(),
                    "timeouts = abandoned in queue + timed out in service, up to the requests in flight at the end");
        }
    }

    // ------------------------------------------------------------------------------------------------ retries

    @Test
    void retryAmplificationMatchesTheory() {
        checkRetries(0.3, 4, 41);
        checkRetries(0.6, 3, 42);
    }

    /**
     * Errors drawn independently per completed attempt with probability p, no timeouts, no shedding (200 workers for
     * about 8 busy): every error is retried until maxAttempts, so attempts per request is the truncated geometric
     * mean and the final failure share p^maxAttempts.
     */
    private static void checkRetries(double p, int maxAttempts, long seed) {
        Scenario s = Scenarios.scenario(1, 310, 10,
                Scenarios.openClient(lab.overload.models.scenario.ArrivalKind.POISSON, 50, TimeoutKind.NONE, 1000,
                        new RetrySpec(maxAttempts, 10, 1000, Jitter.FULL)),
                Scenarios.service(200, 10_000_000, Distribution.EXPONENTIAL, 100, ExpiredWork.PROCESS, p));
        List<Obs> obs = replicate(s, R, seed, false);
        String tag = "p=" + p + ", maxAttempts=" + maxAttempts;
        assertAgrees("attempts per request, " + tag, RetryAmplification.expectedAttempts(p, maxAttempts - 1),
                values(obs, o -> (double) o.summary.attemptsTotal() / o.summary.requestsTotal()), 0.002,
                "retries of requests that arrived before the warm-up or are still in flight at the end");
        assertAgrees("final failure share, " + tag, RetryAmplification.finalFailureProbability(p, maxAttempts - 1),
                values(obs, o -> (double) o.summary.failedError() / o.summary.requestsTotal()), 0.002,
                "requests still in flight at the end");
        for (Obs o : obs) {
            Summary sum = o.summary;
            assertEquals(0, sum.shed() + sum.failedTimeout() + sum.failedRejected() + sum.completedWasted(),
                    "no timeouts and ample capacity: nothing may be shed, time out or be wasted");
        }
    }

    // ------------------------------------------------------------------------------------------------ M/M/c/K

    @Test
    void finiteQueueBlockingMatchesMmck() {
        checkBlocking(1, 5, 9, 10, 3_000, 51);
        checkBlocking(3, 8, 40, 10, 500, 52);
    }

    /** c workers and queue capacity K − c, no retries, free rejections: the shed share is the blocking probability. */
    private static void checkBlocking(int c, int k, double lambda, double mu, double seconds, long seed) {
        Scenario s = Scenarios.scenario(1, seconds + 50, 50,
                Scenarios.openClient(lab.overload.models.scenario.ArrivalKind.POISSON, lambda, TimeoutKind.NONE,
                        1000, RetrySpec.NONE),
                Scenarios.service(c, k - c, Distribution.EXPONENTIAL, 1000 / mu, ExpiredWork.PROCESS, 0));
        List<Obs> obs = replicate(s, R, seed, false);
        String tag = "M/M/" + c + "/" + k + " lambda=" + lambda + " mu=" + mu;
        assertAgrees(tag + " blocking = shed / attempts", MMcK.blockingProbability(c, k, lambda, mu),
                values(obs, o -> (double) o.summary.shed() / o.summary.attemptsTotal()), 0.002,
                "nothing systematic (PASTA: a count at arrival)");
        assertAgrees(tag + " throughput (1/s)", MMcK.throughput(c, k, lambda, mu),
                values(obs, o -> o.summary.throughputPerSecond()), 0.002, "attempts in service at the end");
        assertAgrees(tag + " mean number in system", MMcK.meanNumberInSystem(c, k, lambda, mu),
                values(obs, o -> o.summary.inSystemMean()), 0.005, "the initial transient");
        for (Obs o : obs) {
            assertTrue(o.summary.queueLengthMax() <= k - c, tag + ": queue never above its capacity " + (k - c));
            assertEquals(o.summary.shed(), o.summary.failedRejected(), o.summary.requestsInFlight(),
                    tag + ": every shed attempt fails its request (no retries)");
        }
    }

    // ------------------------------------------------------------------------------------------------ suite

    @Test
    void quickValidationSuitePassesAndReports() {
        List<ValidationResult> results = Validation.quick();
        String report = Validation.report(results);
        assertTrue(Validation.allPass(results), "quick validation suite (fixed seed) must pass:\n" + report);
        assertTrue(results.size() >= 10, "every case reported:\n" + report);
        assertTrue(report.startsWith("| case | theory | simulated ± hw95 | criterion | pass |\n"), report);
        assertEquals(results.size() + 2, report.lines().filter(l -> l.startsWith("|")).count(),
                "one table row per case plus header and rule:\n" + report);
        report.lines().filter(l -> l.startsWith("|")).forEach(l -> assertEquals(6, l.chars().filter(ch -> ch == '|')
                .count(), "every table row has exactly five cells (no stray pipe): " + l));
        for (ValidationResult r : results) {
            assertEquals(Validation.QUICK_REPLICATIONS, r.replications());
            assertTrue(Double.isFinite(r.simulated()) && Double.isFinite(r.halfWidth95()), r.toString());
            assertTrue(r.halfWidth99() > r.halfWidth95(), "99% interval wider than 95%: " + r);
        }
        System.out.println(report);
    }

    @Test
    void t995MatchesTablesAndExpansion() {
        assertEquals(63.656741, Validation.t995(1), 1e-6);
        assertEquals(2.749996, Validation.t995(30), 1e-6);
        assertEquals(2.7044593, Validation.t995(40), 2e-5, "Cornish-Fisher beyond the table (scipy 2.7044593)");
        assertEquals(2.6258905, Validation.t995(100), 2e-6, "Cornish-Fisher beyond the table (scipy 2.6258905)");
    }
}
