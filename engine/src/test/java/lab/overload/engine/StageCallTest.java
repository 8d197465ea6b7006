package lab.overload.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import lab.overload.engine.component.World;
import lab.overload.engine.metrics.AttemptCounts;
import lab.overload.engine.metrics.StageSummary;
import lab.overload.engine.metrics.Summary;
import lab.overload.engine.run.BatchRunner;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * A service whose dependency is another stage ({@code dependency.target}): client web -> service a -> service b. The
 * call is an attempt at b that holds a's worker until b answers; b's failures are a's dependency failures; the totals
 * stay per client request while b's attempts appear in {@code byStage.b}.
 */
class StageCallTest {

    static Scenario chain(double duration, double warmup, String client, String a, String b) {
        return ScenarioCodec.read("{\"name\": \"chain\", \"seed\": 3, \"durationSeconds\": " + duration
                + ", \"warmupSeconds\": " + warmup + ", \"intervalMillis\": 50, "
                + "\"clients\": [{\"name\": \"web\", \"target\": \"a\", "
                + client + "}], \"services\": [{\"name\": \"a\", " + a
                + ", \"dependency\": {\"enabled\": true, \"target\": \"b\"}}, {\"name\": \"b\", " + b + "}]}");
    }

    private static final String EVERY_100_MS = "\"arrivals\": \"CONSTANT\", \"ratePerSecond\": 10, "
            + "\"timeoutKind\": \"NONE\"";

    /**
     * Constant arrivals every 100 ms (from 0.1 s), one worker at each stage, 10 ms of work at a and 30 ms at b: each
     * request takes a's worker at once, b works 0.1-0.13 s, then a works 0.13-0.14 s. Four requests in 0.45 s.
     */
    @Test
    void aTinyChainRunsEventByEventAndCountsBothStages() {
        Scenario s = chain(0.45, 0, EVERY_100_MS,
                "\"workersPerHost\": 1, \"serviceTimeDistribution\": \"CONSTANT\", \"serviceTimeMillis\": 10",
                "\"workersPerHost\": 1, \"serviceTimeDistribution\": \"CONSTANT\", \"serviceTimeMillis\": 30");
        World world = new World(s);
        List<String> lines = new ArrayList<>();
        world.onTrace(e -> lines.add(e.toString()));
        world.runUntil(s.durationMicros());
        assertEquals(List.of("0.100000 web send r1 a1", "0.100000 a start r1 a1", "0.100000 a call b r1 a1",
                "0.100000 b start r1 a1", "0.130000 b COMPLETED_USEFUL r1 a1", "0.140000 a COMPLETED_USEFUL r1 a1",
                "0.140000 web SUCCEEDED r1 a1"), lines.subList(0, 7), "request 1, event by event");
        assertEquals(28, lines.size(), "7 lines for each of the 4 requests");

        Summary sum = world.summary();
        sum.checkConservation();
        assertEquals(4, sum.requestsTotal(), "requests");
        assertEquals(4, sum.attemptsTotal(), "totals count client attempts only, not b's");
        assertEquals(40.0, sum.latencyMean(), 1e-9, "latency = b's 30 ms + a's 10 ms");
        assertEquals(0.0, sum.latencyStdDev(), "every request takes exactly 40 ms");
        StageSummary a = sum.byStage().get("a");
        StageSummary b = sum.byStage().get("b");
        assertEquals(new AttemptCounts(4, 0, 4, 0, 0, 0, 0, 0, 0), a.attempts(), "a: four useful attempts");
        assertEquals(new AttemptCounts(4, 0, 4, 0, 0, 0, 0, 0, 0), b.attempts(), "b: four calls from a, useful");
        assertEquals(4 * 0.040 / 0.45, a.concurrencyMean(), 1e-12, "a's worker is held 40 ms per request");
        assertEquals(4 * 0.030 / 0.45, b.concurrencyMean(), 1e-12, "b's worker works 30 ms per request");
        assertEquals(0.160, a.work().useful(), 1e-12, "a's useful worker-seconds (held, calls included)");
        assertEquals(0.120, b.work().useful(), 1e-12, "b's useful worker-seconds");
        assertEquals(0.280, sum.usefulWork(), 1e-12, "the ledger covers both stages");
        assertEquals(a.concurrencyMean() + b.concurrencyMean(), sum.concurrencyMean(), 1e-12, "busy over both");
        assertEquals(0.0, a.waitedFraction(), "nobody queued at a");
        assertEquals(4, sum.byClient().get("web").attempts().completedUseful(), "web's own section");
    }

    /** b answers every call with an error: a's attempts fail at once (no CPU work), as dependency failures. */
    @Test
    void theCalledStagesErrorsAreDependencyFailures() {
        Scenario s = chain(0.45, 0, EVERY_100_MS,
                "\"workersPerHost\": 1, \"serviceTimeDistribution\": \"CONSTANT\", \"serviceTimeMillis\": 10",
                "\"workersPerHost\": 1, \"serviceTimeDistribution\": \"CONSTANT\", \"serviceTimeMillis\": 30, "
                        + "\"errorProbability\": 1");
        var run = BatchRunner.run(s, List.of(), true);
        Summary sum = run.summary();
        assertEquals(4, sum.failedError(), "every request fails with an error");
        assertEquals(new AttemptCounts(4, 0, 0, 0, 4, 0, 0, 0, 0), sum.byStage().get("a").attempts(), "a: errors");
        assertEquals(new AttemptCounts(4, 0, 0, 0, 4, 0, 0, 0, 0), sum.byStage().get("b").attempts(), "b: errors");
        assertEquals(4 * 0.030, sum.byStage().get("a").work().wasted(), 1e-12,
                "a's worker was held for b's 30 ms and did no work of its own");
        assertEquals(4.0, run.intervals().stream().mapToDouble(i -> i.policy().get("services.a.dependencyFailures"))
                .sum(), "a counts four dependency failures");
    }

    /**
     * Poisson arrivals at 50/s; a: 20 workers, exponential 10 ms; b: 10 workers, exponential 40 ms, b's queue bounded
     * at 5 so that it sometimes sheds. Little's law per stage: b's busy workers = lambda_b x 40 ms, a's = lambda_a x
     * (10 ms of its own work for the calls that succeed + the time its calls spend at b), each within 3% (400 s).
     * Calls b sheds are dependency failures at a, and b's attempts conserve.
     */
    @Test
    void aPoissonChainFollowsLittlesLawAtBothStages() {
        Scenario s = chain(400, 10, "\"ratePerSecond\": 50, \"timeoutKind\": \"NONE\"",
                "\"workersPerHost\": 20, \"serviceTimeMillis\": 10",
                "\"workersPerHost\": 3, \"queueCapacity\": 5, \"serviceTimeMillis\": 40");
        Summary sum = BatchRunner.run(s).summary();
        StageSummary a = sum.byStage().get("a");
        StageSummary b = sum.byStage().get("b");
        double seconds = sum.measuredSeconds();
        double lambdaB = b.attempts().total() / seconds;
        AttemptCounts bc = b.attempts();
        assertEquals(bc.total(), bc.completed() + bc.shed() + bc.abandonedByServer() + bc.inFlight(),
                "b's attempts conserve");
        assertTrue(bc.shed() > 100, "b sheds some calls: " + bc);
        assertEquals(bc.shed(), a.attempts().completedError(), 2, "each shed call is an error answer at a");
        double served = (double) bc.completed() / bc.total();
        assertEquals(lambdaB * served * 0.040, b.concurrencyMean(), 0.03 * lambdaB * served * 0.040,
                "b: busy = lambda x share served x 40 ms within 3%");
        double timeAtB = served * (b.queueWaitMean() / 1000 + 0.040);
        double expectedA = lambdaB * (timeAtB + served * 0.010);
        assertEquals(expectedA, a.concurrencyMean(), 0.03 * expectedA,
                "a: busy = lambda x (time at b + its own 10 ms when the call succeeded) within 3%");
        assertEquals(sum.attemptsTotal(), a.attempts().total(), "a sees every client attempt");
        assertTrue(Math.abs(a.attempts().total() - bc.total()) <= a.attempts().inFlight() + 1,
                "each attempt a starts calls b once");
    }

    /**
     * Crashes at a while its workers wait on b (their calls are cancelled and finish at b with nobody waiting), crashes
     * at b, client timeouts and retries, shared-speed CPU at b: the totals and both stages' attempts conserve exactly.
     */
    @Test
    void crashesTimeoutsAndRetriesConserveAtBothStages() {
        String json = """
                {"name": "chain under stress", "seed": 8, "durationSeconds": 90, "warmupSeconds": 5, "clients": [
                  {"name": "web", "target": "a", "ratePerSecond": 120, "timeoutKind": "FIXED", "timeoutMillis": 400,
                   "retry": {"maxAttempts": 3, "backoffBaseMillis": 20, "backoffCapMillis": 200}}],
                 "services": [
                  {"name": "a", "hosts": 2, "workersPerHost": 6, "queueCapacity": 30, "serviceTimeMillis": 5,
                   "dependency": {"enabled": true, "target": "b", "maxConcurrency": 10}},
                  {"name": "b", "hosts": 2, "workersPerHost": 4, "coresPerHost": 2, "queueCapacity": 20,
                   "serviceTimeMillis": 25, "contentionSigma": 0.02, "rejectionCostMillis": 1}],
                 "timeline": [
                  {"atSeconds": 20, "path": "services.a.hostsDown", "value": "1", "holdSeconds": 10},
                  {"atSeconds": 50, "path": "services.b.hostsDown", "value": "1", "holdSeconds": 10}]}
                """;
        Summary sum = BatchRunner.run(ScenarioCodec.read(json)).summary();
        sum.checkConservation();
        for (StageSummary st : sum.byStage().values()) {
            AttemptCounts c = st.attempts();
            assertEquals(c.total(), c.completed() + c.shed() + c.throttled() + c.abandonedByServer() + c.inFlight(),
                    st.name() + ": attempts conserve");
            assertTrue(c.abandonedByServer() > 0, st.name() + " lost attempts in its crash: " + c);
        }
        assertTrue(sum.failedTimeout() > 0 && sum.retries() > 0 && sum.completedError() > 0,
                "timeouts, retries and dependency failures happened: " + sum);
    }

    @Test
    void aCycleOfStagesIsRefused() {
        String json = "{\"name\": \"loop\", \"clients\": [{\"name\": \"web\", \"target\": \"a\"}], \"services\": ["
                + "{\"name\": \"a\", \"dependency\": {\"enabled\": true, \"target\": \"b\"}},"
                + "{\"name\": \"b\", \"dependency\": {\"enabled\": true, \"target\": \"a\"}}]}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new World(ScenarioCodec.read(json)));
        assertTrue(e.getMessage().contains("a") && e.getMessage().contains("b"), "names the cycle: " + e.getMessage());
    }
}
