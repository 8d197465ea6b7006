package lab.overload.engine.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import lab.overload.engine.component.FunctionStats;
import lab.overload.engine.component.World;
import lab.overload.engine.metrics.StageSummary;
import lab.overload.engine.metrics.Summary;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.theory.Erlang;
import lab.overload.models.theory.TokenBucket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The platform against closed-form theory at fixed seeds. Poisson invokes, no client timeout or retry, init and
 * placement 0, a function timeout far beyond any work, keep-alive longer than the run (so the scaling rate never binds).
 */
class PlatformTheoryTest {
    private static final String POISSON = """
            {'name': 'theory', 'seed': SEED, 'durationSeconds': DURATION, 'warmupSeconds': 10,
             'clients': [{'name': 'web', 'target': 'TARGET', 'ratePerSecond': LAMBDA, 'timeoutKind': 'NONE'}],
             'platform': [{'name': 'acct', 'placementMillis': 0, 'concurrencyLimit': LIMIT, 'unreservedMinimum': 0}],
             APIS
             'functions': [{'name': 'f', 'durationDistribution': 'DIST', 'durationMillis': MEAN, 'initMillis': 0,
                            'keepAliveSeconds': 86400, 'timeoutMillis': 900000}]}""";

    private static Scenario scenario(long seed, double duration, String target, double lambda, int limit,
                                     String dist, double meanMillis, String apis) {
        return PlatformTraces.scenario(POISSON.replace("SEED", Long.toString(seed))
                .replace("DURATION", Double.toString(duration)).replace("TARGET", target)
                .replace("LAMBDA", Double.toString(lambda)).replace("LIMIT", Integer.toString(limit))
                .replace("DIST", dist).replace("MEAN", Double.toString(meanMillis)).replace("APIS", apis));
    }

    /** Runs to the end, checks conservation (requests, and the function's invokes and sandbox-seconds). */
    static World run(Scenario s) {
        World w = new World(s);
        w.runUntil(s.durationMicros());
        w.summary().checkConservation();
        for (var f : s.functions()) {
            checkPlatformConservation(w.functionStats(f.name()));
        }
        return w;
    }

    /** invokes = warm + cold + throttled; the sandbox-seconds classes add up to the integral of the sandbox count. */
    static void checkPlatformConservation(FunctionStats st) {
        assertEquals(st.invokes(), st.warm() + st.cold() + st.throttledTotal(), st.name() + " invokes");
        Map<String, Double> sec = st.sandboxSeconds();
        double sum = sec.get("init") + sec.get("useful") + sec.get("wasted") + sec.get("abandoned") + sec.get("idle")
                + sec.get("inProgress");
        assertEquals(sec.get("total"), sum, 1e-6 * Math.max(1, sec.get("total")), st.name() + " sandbox-seconds");
    }

    /**
     * Concurrency limit c = 10, offered load a = lambda S = 80/s x 0.1 s = 8 Erlang, no queue: the throttled fraction
     * is Erlang B(10, 8) = 0.1217 whatever the work's distribution (insensitivity). 300 s measured, about 24,000
     * invokes: the standard error is near 0.002; the tolerance is 0.008.
     */
    @ParameterizedTest
    @ValueSource(strings = {"EXPONENTIAL", "CONSTANT"})
    void throttledFractionIsErlangB(String dist) {
        World w = run(scenario(11, 310, "f", 80, 10, dist, 100, ""));
        FunctionStats st = w.functionStats("f");
        double fraction = (double) st.throttled().get("accountConcurrency") / st.invokes();
        double expected = Erlang.erlangB(10, 8);
        System.out.printf(java.util.Locale.ROOT, "[platform] %s work: throttled %.4f of %d invokes, Erlang B(10, 8) ="
                + " %.4f%n", dist, fraction, st.invokes(), expected);
        assertEquals(0.1217, expected, 5e-4);
        assertEquals(expected, fraction, 0.008, dist + ": throttled " + fraction + " vs Erlang B " + expected);
        assertEquals(st.throttledTotal(), st.throttled().get("accountConcurrency"), "the only cause");
        assertTrue(st.concurrencyMax() <= 10);
    }

    /**
     * No binding limit: busy sandboxes are an M/G/infinity count, mean lambda S = 200/s x 0.05 s = 10 (Little's
     * law); 200 s measured, tolerance 3%. With keep-alive longer than the run, sandboxes are only created at peaks:
     * the mean sandbox count is the peak concurrency so far, above the mean busy count, and cold starts are rare.
     */
    @Test
    void meanBusySandboxesIsArrivalRateTimesDuration() {
        World w = run(scenario(12, 210, "f", 200, 1000, "EXPONENTIAL", 50, ""));
        FunctionStats st = w.functionStats("f");
        System.out.printf(java.util.Locale.ROOT, "[platform] busy sandboxes %.3f (lambda S = 10), sandboxes %.1f, "
                + "peak concurrency %d, cold %d of %d%n", st.busyMean(), st.sandboxesMean(), st.concurrencyMax(),
                st.cold(), st.invokes());
        assertEquals(10, st.busyMean(), 0.3, "busy sandboxes");
        assertEquals(st.busyMean(), st.concurrencyMean(), 1e-9, "no init: concurrency is busy sandboxes");
        assertEquals(0, st.throttledTotal());
        assertTrue(st.cold() < 0.001 * st.invokes(), st.cold() + " cold of " + st.invokes());
        assertTrue(st.sandboxesMean() >= st.concurrencyMax() - 5 && st.sandboxesMean() <= st.sandboxesMax());
    }

    /**
     * No binding limit, lambda = 200/s, exponential work of S = 50 ms: the busy count is M/G/infinity, Poisson with
     * mean lambda S = 10 (so variance 10, P(N <= 5) = 0.0671, P(N >= 15) = 0.0835). Sampled at the end of each 250 ms
     * interval over 1,000 s: 4,000 samples five mean durations apart, near independent. Standard errors: the sample
     * variance about sqrt((2 m^2 + m) / n) = 0.23, each tail about 0.004; tolerances 0.8 and 0.015 (over 3 sigma).
     */
    @Test
    void theBusySandboxCountIsPoisson() {
        Scenario s = PlatformTraces.scenario(POISSON.replace("'durationSeconds': DURATION,",
                        "'durationSeconds': DURATION, 'intervalMillis': 250,").replace("SEED", "14")
                .replace("DURATION", "1010").replace("TARGET", "f").replace("LAMBDA", "200").replace("LIMIT", "1000")
                .replace("DIST", "EXPONENTIAL").replace("MEAN", "50").replace("APIS", ""));
        World w = new World(s);
        java.util.List<Double> busy = new java.util.ArrayList<>();
        w.onInterval(snap -> {
            if (snap.startMicros() >= s.warmupMicros()) {
                busy.add(snap.policy().get("functions.f.sandboxesBusy"));
            }
        });
        w.runUntil(s.durationMicros());
        double n = busy.size();
        double mean = busy.stream().mapToDouble(Double::doubleValue).sum() / n;
        double variance = busy.stream().mapToDouble(b -> (b - mean) * (b - mean)).sum() / (n - 1);
        double low = busy.stream().filter(b -> b <= 5).count() / n;
        double high = busy.stream().filter(b -> b >= 15).count() / n;
        System.out.printf(java.util.Locale.ROOT, "[platform] busy count over %.0f samples: mean %.3f, variance %.3f, "
                + "P(<=5) %.4f, P(>=15) %.4f%n", n, mean, variance, low, high);
        assertEquals(4000, n, 1);
        assertEquals(10, mean, 0.2, "sampled mean");
        assertEquals(10, variance, 0.8, "variance of a Poisson count equals its mean");
        assertEquals(poissonCdf(10, 5), low, 0.015, "P(N <= 5)");
        assertEquals(1 - poissonCdf(10, 14), high, 0.015, "P(N >= 15)");
    }

    private static double poissonCdf(double m, int k) {
        double term = Math.exp(-m);
        double sum = term;
        for (int i = 1; i <= k; i++) {
            term *= m / i;
            sum += term;
        }
        return sum;
    }

    /**
     * Keep-alive 600 s against gaps of 10 ms (lambda = 100/s, S = 100 ms, no warm-up, no init): no sandbox expires, so
     * a cold start happens only when every sandbox is busy, and the sandbox count is the peak concurrency so far.
     * Exactly: cold starts = sandboxes at the end = the run's peak concurrency; they are rare (a few dozen of 30,000
     * invokes), and the time-average sandbox count is near the peak (within 10%: the peak is reached early and then
     * only creeps up). With a keep-alive of 5 ms, half a mean gap, many idle sandboxes expire before the next
     * invoke comes and cold starts are at least 20 times as many.
     */
    @Test
    void aLongKeepAliveMakesColdStartsRare() {
        String base = POISSON.replace("'warmupSeconds': 10", "'warmupSeconds': 0").replace("SEED", "15")
                .replace("DURATION", "300").replace("TARGET", "f").replace("LAMBDA", "100").replace("LIMIT", "1000")
                .replace("DIST", "EXPONENTIAL").replace("MEAN", "100").replace("APIS", "");
        FunctionStats st = run(PlatformTraces.scenario(base.replace("86400", "600"))).functionStats("f");
        FunctionStats shortLived = run(PlatformTraces.scenario(base.replace("86400", "0.005"))).functionStats("f");
        System.out.printf(java.util.Locale.ROOT, "[platform] keep-alive 600 s: cold %d of %d, peak %d, sandboxes "
                + "mean %.2f; keep-alive 5 ms: cold %d%n", st.cold(), st.invokes(), st.concurrencyMax(),
                st.sandboxesMean(), shortLived.cold());
        assertEquals(st.concurrencyMax(), st.cold(), "one cold start per new peak");
        assertEquals(st.concurrencyMax(), st.sandboxesMax());
        assertTrue(st.cold() < 0.002 * st.invokes(), st.cold() + " cold of " + st.invokes());
        assertEquals(st.concurrencyMax(), st.sandboxesMean(), 0.1 * st.concurrencyMax(), "mean sandboxes near peak");
        assertTrue(shortLived.cold() > 20 * st.cold(), shortLived.cold() + " vs " + st.cold());
    }

    /**
     * An API (rate r = 100/s, burst b = 20) in front of the function, Poisson lambda = 200/s for 100 s measured. The
     * (sigma, rho) bound holds exactly: admitted over the measured window is at most b + r T plus what the bucket held
     * at its start (at most b); the long-run admitted rate is r (within 2%).
     */
    @Test
    void apiTokenBucketAgainstAPoissonStream() {
        Scenario s = scenario(13, 110, "front", 200, 1000, "EXPONENTIAL", 1,
                "'apis': [{'name': 'front', 'target': 'f', 'ratePerSecond': 100, 'burst': 20}],");
        World w = run(s);
        Summary sum = w.summary();
        StageSummary api = sum.byStage().get("front");
        long admitted = api.attempts().total() - api.attempts().throttled();
        double bound = TokenBucket.maxAdmittedInWindow(20, 100, 100) + 20;
        System.out.printf(java.util.Locale.ROOT, "[platform] API admitted %d in 100 s (bound %.0f), %.2f/s of r = 100%n",
                admitted, bound, admitted / 100.0);
        assertTrue(admitted <= bound, admitted + " admitted, bound " + bound);
        assertEquals(100.0, admitted / 100.0, 2.0, "admitted per second");
        assertEquals(admitted, sum.byStage().get("f").attempts().total(), "each admitted request invokes f once");
    }

    /**
     * Constant arrivals at R = 300/s against r = 100/s and a full bucket of b = 200: the bucket lasts
     * b / (R - r) = 1 s ({@link TokenBucket#burstDuration}); the first throttle comes within one gap of it.
     */
    @Test
    void aFullBucketAbsorbsABurstForBOverRMinusR() {
        Scenario s = PlatformTraces.scenario(POISSON.replace("'ratePerSecond': LAMBDA", "'ratePerSecond': 300, "
                        + "'arrivals': 'CONSTANT'").replace("SEED", "1").replace("DURATION", "3")
                .replace("'warmupSeconds': 10", "'warmupSeconds': 0").replace("TARGET", "front")
                .replace("LIMIT", "1000").replace("DIST", "CONSTANT").replace("MEAN", "1")
                .replace("APIS", "'apis': [{'name': 'front', 'target': 'f', 'ratePerSecond': 100, 'burst': 200}],"));
        World w = new World(s);
        long[] first = {-1};
        w.onTrace(e -> {
            if (first[0] < 0 && e.event().equals("throttled apiRate")) {
                first[0] = e.timeMicros();
            }
        });
        w.runUntil(s.durationMicros());
        double expected = TokenBucket.burstDuration(200, 100, 300);
        assertEquals(1.0, expected, 1e-12);
        assertEquals(expected, first[0] / 1e6, 1.0 / 300 + 1e-9, "first throttle");
    }
}
