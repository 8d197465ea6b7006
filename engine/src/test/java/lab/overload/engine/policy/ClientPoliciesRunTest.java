package lab.overload.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import lab.overload.engine.core.RandomStreams;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.engine.metrics.Summary;
import lab.overload.engine.run.BatchRunner;
import lab.overload.engine.run.ControlChange;
import lab.overload.engine.run.RunResult;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client policies inside whole runs. {@link BatchRunner} checks request and attempt conservation at the end of
 * every run, so each run here also shows that local rejections, denied retries and pages keep
 * requests = sum of request outcomes and attempts = requests + retries = sum of attempt outcomes.
 */
class ClientPoliciesRunTest {

    /** A scenario with one client "web" (extra JSON fields given) calling one service "api" (extra fields given). */
    static Scenario scenario(long seed, double duration, double warmup, String client, String service) {
        return ScenarioCodec.read("""
                {"name": "policies", "seed": %d, "durationSeconds": %s, "warmupSeconds": %s,
                 "clients": [{"name": "web", "target": "api", %s}],
                 "services": [{"name": "api", %s}]}
                """.formatted(seed, duration, warmup, client, service));
    }

    static double total(RunResult r, String counter) {
        double sum = 0;
        for (IntervalSnapshot s : r.intervals()) {
            sum += s.policy().getOrDefault(counter, 0.0);
        }
        return sum;
    }

    /**
     * Finagle budget with deposit d per request (percentCanRetry = d, minRetriesPerSecond = 0), attempts failing
     * independently with probability p (errorProbability, no timeouts, ample workers) and maxAttempts M = 100.
     *
     * <p>Without a budget each request makes a geometric number of attempts: retries per request
     * p + p^2 + ... + p^(M-1) = p (1 - p^(M-1)) / (1 - p). The budget caps retries in every ttl window at d times the
     * requests deposited in it, so in the long run retries per request are the smaller of the two:
     *
     * <pre>    attempts / request = 1 + min(d, p (1 - p^(M-1)) / (1 - p))</pre>
     *
     * (not 1 / (1 - d (1 - p)): a Finagle deposit is per logical request, and a withdrawn retry is paid whether or not
     * it then succeeds). The cases stay well away from the kink d = p / (1 - p), where window-to-window fluctuation
     * would make the cap bind only part of the time. Four replications of 100 s measured at 200 requests/s (about
     * 20 000 requests each); tolerance 0.015 on the mean, several standard errors of the unconstrained case
     * (sd of attempts per request sqrt(p) / (1 - p) = 0.56 at p = 0.2, so 0.002 over 80 000 requests).
     */
    @ParameterizedTest(name = "d {0}, p {1}")
    @CsvSource({"0.2, 0.5", "0.1, 0.3", "0.5, 0.2", "1.0, 0.2"})
    void finagleBudgetCapsAttemptsPerRequestAtOnePlusDeposit(double d, double p) {
        int maxAttempts = 100;
        double unconstrained = p * (1 - Math.pow(p, maxAttempts - 1)) / (1 - p);
        double expected = 1 + Math.min(d, unconstrained);
        double mean = IntStream.range(0, 4).mapToDouble(i -> {
            Summary s = BatchRunner.run(scenario(RandomStreams.replicationSeed(7, i), 120, 20, """
                    "ratePerSecond": 200, "timeoutKind": "NONE",
                    "retry": {"maxAttempts": %d, "backoffBaseMillis": 1, "backoffCapMillis": 10},
                    "retryBudget": {"kind": "FINAGLE", "ttlSeconds": 10, "minRetriesPerSecond": 0,
                                    "percentCanRetry": %s}""".formatted(maxAttempts, d),
                    """
                    "workersPerHost": 1000, "serviceTimeDistribution": "CONSTANT", "serviceTimeMillis": 10,
                    "errorProbability": %s""".formatted(p))).summary();
            return (double) s.attemptsTotal() / s.requestsTotal();
        }).average().orElseThrow();
        assertEquals(expected, mean, 0.015, "attempts per request = 1 + min(d, p/(1-p)) = " + expected
                + " within 0.015");
    }

    /** Overload with retries and timeouts, each policy on its own and all together; conservation is checked. */
    @ParameterizedTest
    @ValueSource(strings = {
        "\"retryBudget\": {\"kind\": \"AWS_STANDARD\"}",
        "\"retryBudget\": {\"kind\": \"GRPC\", \"maxTokens\": 10, \"tokenRatio\": 0.1}",
        "\"retryBudget\": {\"kind\": \"FINAGLE\"}",
        "\"throttle\": {\"enabled\": true, \"windowSeconds\": 10}",
        "\"circuitBreaker\": {\"enabled\": true, \"openSeconds\": 1}",
        "\"pagination\": {\"enabled\": true, \"pageSize\": 0.5}",
        "\"retryBudget\": {\"kind\": \"GRPC\"}, \"throttle\": {\"enabled\": true, \"windowSeconds\": 5},"
                + " \"circuitBreaker\": {\"enabled\": true, \"openSeconds\": 0.5, \"halfOpenProbes\": 3},"
                + " \"pagination\": {\"enabled\": true, \"pageSize\": 0.7}"})
    void conservationHoldsUnderOverloadWithEveryPolicy(String policies) {
        for (String loop : List.of("\"loop\": \"OPEN\", \"ratePerSecond\": 300",
                "\"loop\": \"CLOSED\", \"users\": 200, \"thinkTimeMillis\": 100")) {
            RunResult r = BatchRunner.run(scenario(3, 30, 5, loop + """
                    , "timeoutMillis": 200, "sizeDistribution": "EXPONENTIAL",
                    "retry": {"maxAttempts": 5, "backoffBaseMillis": 20}, """ + policies, """
                    "workersPerHost": 10, "queueCapacity": 100, "serviceTimeMillis": 50, "errorProbability": 0.05"""),
                    List.of(), true);
            Summary s = r.summary();
            assertTrue(s.requestsTotal() > 1000, "the run did something: " + s.requestsTotal());
            assertEquals(s.attemptsTotal(), s.requestsTotal() + s.retries());
        }
    }

    /**
     * Local rejections are attempts that end THROTTLED with no work; with one attempt per request and no warm-up,
     * the policy counters add up to exactly the summary's throttled attempts, and the breaker cuts a failing
     * backend's load.
     */
    @Test
    void localRejectionsAreThrottledAttemptsWithNoWork() {
        RunResult r = BatchRunner.run(scenario(5, 20, 0, """
                "ratePerSecond": 100, "timeoutMillis": 500,
                "throttle": {"enabled": true, "windowSeconds": 10, "k": 1.5},
                "circuitBreaker": {"enabled": true, "windowSeconds": 2, "openSeconds": 1, "minimumRequests": 10}""",
                """
                "workersPerHost": 50, "serviceTimeDistribution": "CONSTANT", "serviceTimeMillis": 10,
                "errorProbability": 1"""), List.of(), true);
        Summary s = r.summary();
        double local = total(r, "clients.web.throttledLocally") + total(r, "clients.web.rejectedByBreaker");
        assertEquals(s.throttled(), (long) local, "every local rejection is one THROTTLED attempt");
        assertEquals(s.failedRejected(), s.throttled(), "and one FAILED_REJECTED request");
        assertTrue(s.completedError() < s.requestsTotal() / 5, "the breaker keeps most attempts away from a backend "
                + "that always fails: " + s.completedError() + " of " + s.requestsTotal());
        assertEquals(s.requestsTotal(), s.completedError() + s.throttled() + s.attemptsInFlight());
        assertEquals(0, s.rejectionWork(), "local rejections cost no server work");
        assertTrue(r.intervals().get(r.intervals().size() - 1).policy().containsKey("clients.web.breakerOpen"));
    }

    /** A size-3.5 request with page size 1 is 4 page requests of sizes 1, 1, 1 and 0.5, sent one after another. */
    @Test
    void paginationSendsFourSequentialPagesPerRequest() {
        Scenario s = ScenarioCodec.read("""
                {"name": "pages", "durationSeconds": 6,
                 "clients": [{"name": "web", "target": "api", "arrivals": "CONSTANT", "ratePerSecond": 10,
                              "sizeDistribution": "CONSTANT", "sizeMean": 3.5, "timeoutKind": "NONE",
                              "pagination": {"enabled": true, "pageSize": 1}}],
                 "services": [{"name": "api", "workersPerHost": 100, "serviceTimeDistribution": "CONSTANT",
                               "serviceTimeMillis": 10}],
                 "timeline": [{"atSeconds": 4.95, "path": "clients.web.ratePerSecond", "value": "0"}]}
                """);
        RunResult r = BatchRunner.run(s, List.of(), true);
        Summary sum = r.summary();
        int originals = 49;
        assertEquals(4 * originals, sum.requestsTotal(), "49 arrivals (0.1 s .. 4.9 s), 4 pages each");
        assertEquals(4 * originals, sum.succeeded());
        assertEquals(4 * originals, (long) total(r, "clients.web.pages"));
        assertEquals(0, sum.retries());
        assertEquals((3 * 10 + 5) / 4.0, sum.latencyMean(), 1e-9, "pages take 10, 10, 10 and 5 ms");
        assertEquals(originals * 3.5 * 0.010, sum.usefulWork(), 1e-9, "the work of the whole request, no more");
        assertEquals(1, sum.concurrencyMax(), "pages are sequential: never two of one request at once");
    }

    /** Every policy parameter changed live, including switching kinds on and off, mid-overload. */
    @Test
    void liveChangesOfEveryPolicyKeepConservation() {
        Scenario s = scenario(9, 40, 0, """
                "ratePerSecond": 250, "timeoutMillis": 300, "sizeDistribution": "LOGNORMAL", "sizeCv": 1.5,
                "retry": {"maxAttempts": 4, "backoffBaseMillis": 10}""",
                "\"workersPerHost\": 10, \"queueCapacity\": 50, \"serviceTimeMillis\": 50, \"errorProbability\": 0.1");
        List<ControlChange> changes = new ArrayList<>();
        String[][] script = {
            {"2", "clients.web.retryBudget.kind", "GRPC"},
            {"4", "clients.web.retryBudget.maxTokens", "3"},
            {"5", "clients.web.retryBudget.tokenRatio", "0.5"},
            {"6", "clients.web.throttle.enabled", "true"},
            {"8", "clients.web.throttle.k", "1.2"},
            {"9", "clients.web.throttle.windowSeconds", "3"},
            {"10", "clients.web.circuitBreaker.enabled", "true"},
            {"12", "clients.web.circuitBreaker.openSeconds", "0.2"},
            {"13", "clients.web.circuitBreaker.windowSeconds", "1"},
            {"14", "clients.web.circuitBreaker.failureRateThreshold", "0.2"},
            {"15", "clients.web.pagination.enabled", "true"},
            {"16", "clients.web.pagination.pageSize", "0.3"},
            {"18", "clients.web.retryBudget.kind", "AWS_STANDARD"},
            {"19", "clients.web.retryBudget.quotaCapacity", "20"},
            {"20", "clients.web.retryBudget.kind", "FINAGLE"},
            {"21", "clients.web.retryBudget.ttlSeconds", "2"},
            {"22", "clients.web.retryBudget.percentCanRetry", "0"},
            {"24", "clients.web.throttle.enabled", "false"},
            {"26", "clients.web.circuitBreaker.enabled", "false"},
            {"27", "clients.web.pagination.enabled", "false"},
            {"28", "clients.web.retryBudget.kind", "NONE"},
            {"30", "clients.web.throttle.enabled", "true"}};
        for (String[] c : script) {
            changes.add(new ControlChange(Math.round(Double.parseDouble(c[0]) * 1e6), c[1], c[2]));
        }
        RunResult r = BatchRunner.run(s, changes, true);
        assertTrue(total(r, "clients.web.retriesDenied") > 0, "the budgets denied retries");
        assertTrue(total(r, "clients.web.pages") > 0, "pages were sent");
        IntervalSnapshot last = r.intervals().get(r.intervals().size() - 1);
        assertTrue(Double.isNaN(last.policy().get("clients.web.retryTokens")), "no budget at the end: NaN");
        assertTrue(Double.isNaN(last.policy().get("clients.web.breakerOpen")), "no breaker at the end: NaN");
        assertTrue(Double.isFinite(last.policy().get("clients.web.throttleProbability")), "throttle on again");
        // the same recording replays to the same numbers
        assertEquals(r.summary(), BatchRunner.run(s, changes, true).summary());
    }
}
