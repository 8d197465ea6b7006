package lab.overload.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.engine.metrics.Summary;
import lab.overload.engine.run.BatchRunner;
import lab.overload.engine.run.RunResult;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.theory.Erlang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The downstream dependency: workers held for CPU work plus the call (Little's law), a slow dependency filling the
 * worker pool, calls refused beyond the dependency's concurrency (an Erlang B loss system), and failed calls answered
 * as errors. Fixed seeds; every tolerance is stated in its assertion.
 */
class DependencyTest {

    static Scenario scenario(double rate, int workers, String serviceTime, String dependency, String extra) {
        return ScenarioCodec.read("{\"name\": \"dependency\", \"seed\": 7, \"durationSeconds\": 200, "
                + "\"warmupSeconds\": 10, " + extra
                + "\"clients\": [{\"name\": \"web\", \"target\": \"api\", \"ratePerSecond\": " + rate
                + ", \"timeoutKind\": \"NONE\"}], \"services\": [{\"name\": \"api\", \"workersPerHost\": " + workers
                + ", \"queueCapacity\": 100000, " + serviceTime + ", \"dependency\": {" + dependency + "}}]}");
    }

    /**
     * Plenty of workers (M/G/infinity): each attempt holds a worker for its CPU time S (exponential, 10 ms) plus its
     * call L (exponential), so by Little's law the mean busy workers are lambda (S + L) at lambda = 200/s: 2, 10, 40.
     * Over 190 s the time average of a Poisson(10) occupancy with ~50 ms memory has a standard error near 0.07, so
     * 3% of the expectation is more than 4 standard errors. The in-flight gauge samples lambda L.
     */
    @ParameterizedTest(name = "L = {0} ms")
    @CsvSource({"0, false", "40, true", "190, true"})
    void busyWorkersFollowLittlesLawWithTheDependencyLatency(double latencyMillis, boolean enabled) {
        double lambda = 200;
        double expected = lambda * (0.010 + (enabled ? latencyMillis / 1000 : 0));
        RunResult r = BatchRunner.run(scenario(lambda, 200, "\"serviceTimeMillis\": 10",
                "\"enabled\": " + enabled + ", \"latencyMillis\": " + Math.max(latencyMillis, 1), ""), List.of(),
                true);
        Summary s = r.summary();
        System.out.printf(java.util.Locale.ROOT, "[dependency] L=%s ms: busy %.3f, expected lambda(S+L) = %.3f%n",
                latencyMillis, s.concurrencyMean(), expected);
        assertEquals(expected, s.concurrencyMean(), 0.03 * expected, "busy workers = lambda (S + L) within 3%");
        assertEquals(0, s.queueLengthMax(), "200 workers never all busy here");
        if (enabled) {
            double gauge = r.intervals().stream().skip(100)
                    .mapToDouble(i -> i.policy().get("services.api.dependencyInFlight")).average().orElseThrow();
            assertEquals(lambda * latencyMillis / 1000, gauge, 0.06 * lambda * latencyMillis / 1000,
                    "dependency in flight = lambda L within 6% (1900 correlated samples)");
        }
    }

    /**
     * 30 workers, lambda = 200/s, S = 10 ms, L = 40 ms: about 10 busy. The timeline raises L to 190 ms at 30 s for
     * 20 s: lambda (S + L) = 40 > 30, so every worker is held (waiting, not computing) and the queue grows by about
     * 200 - 30 / 0.2 = 50/s. After the restore at 50 s the 30 workers serve 600/s and drain the ~1000 queued in
     * about 2.5 s; from 60 s the busy workers are back near 10.
     */
    @Test
    void aSlowDependencyFillsTheWorkerPoolAndRecoversWhenItEnds() {
        Scenario sc = scenario(200, 30, "\"serviceTimeMillis\": 10", "\"enabled\": true, \"latencyMillis\": 40",
                "\"intervalMillis\": 1000, \"timeline\": [{\"atSeconds\": 30, \"path\": "
                        + "\"services.api.dependency.latencyMillis\", \"value\": \"190\", \"holdSeconds\": 20}], ");
        List<IntervalSnapshot> iv = BatchRunner.run(sc, List.of(), true).intervals();
        double before = mean(iv, 15, 30, IntervalSnapshot::concurrencyMean);
        double during = mean(iv, 35, 50, IntervalSnapshot::concurrencyMean);
        double after = mean(iv, 60, 200, IntervalSnapshot::concurrencyMean);
        double queueDuring = iv.get(49).queueLengthMean();
        System.out.printf(java.util.Locale.ROOT, "[dependency] busy before %.2f, during %.2f, after %.2f; "
                + "queue at 49 s %.0f%n", before, during, after, queueDuring);
        assertEquals(10, before, 1.0, "lambda (S + L) = 10 within 10% over 15 s");
        assertTrue(during > 29.9, "every one of the 30 workers held while the dependency is slow: " + during);
        assertTrue(queueDuring > 500, "the queue grows by ~50/s for 20 s: " + queueDuring);
        assertEquals(10, after, 0.5, "back to lambda (S + L) = 10 within 5% once drained");
    }

    /**
     * 1000 workers, Poisson 100/s, constant 100 ms calls, at most 5 in flight, 1 ms of CPU: the dependency is an
     * M/G/5/5 loss system with offered load 10 Erlang, so the share of calls refused is Erlang B(5, 10) = 0.564
     * (insensitive to the call-time distribution). Each refusal answers its client with an error at once. About
     * 19 000 calls: the binomial standard error is 0.004; the tolerance is 0.02.
     */
    @Test
    void callsBeyondMaxConcurrencyFailFastAsInErlangB() {
        Scenario sc = scenario(100, 1000, "\"serviceTimeDistribution\": \"CONSTANT\", \"serviceTimeMillis\": 1",
                "\"enabled\": true, \"latencyDistribution\": \"CONSTANT\", \"latencyMillis\": 100, "
                        + "\"maxConcurrency\": 5", "");
        RunResult r = BatchRunner.run(sc, List.of(), true);
        Summary s = r.summary();
        double refused = (double) s.completedError() / s.attemptsTotal();
        double theory = Erlang.erlangB(5, 10);
        System.out.printf(java.util.Locale.ROOT, "[dependency] refused share %.4f, Erlang B(5, 10) = %.4f%n",
                refused, theory);
        assertEquals(theory, refused, 0.02, "refused share = Erlang B(5, 10) within 0.02");
        assertEquals(s.completedError(), s.failedError(), "every refusal fails its request (no retries)");
        double counted = r.intervals().stream().skip(100)
                .mapToDouble(i -> i.policy().get("services.api.dependencyRefused")).sum();
        assertEquals(s.completedError(), counted, 0,
                "the refusal counter after the 10 s warm-up equals the error outcomes (refusals are instant)");
    }

    /** Failed calls (probability 0.3) answer with errors: the error share is 0.3 within 4 binomial sigma (0.02). */
    @Test
    void failedCallsAnswerWithErrors() {
        Scenario sc = scenario(100, 100, "\"serviceTimeMillis\": 5",
                "\"enabled\": true, \"latencyMillis\": 20, \"failureProbability\": 0.3", "");
        Summary s = BatchRunner.run(sc).summary();
        double completed = s.completedUseful() + s.completedError();
        assertEquals(0.3, s.completedError() / completed, 0.02, "error share = failureProbability within 0.02");
        assertEquals(0, s.completedWasted(), "no client timeouts here");
    }

    private static double mean(List<IntervalSnapshot> iv, int from, int to,
                               java.util.function.ToDoubleFunction<IntervalSnapshot> f) {
        return iv.subList(from, to).stream().mapToDouble(f).average().orElseThrow();
    }
}
