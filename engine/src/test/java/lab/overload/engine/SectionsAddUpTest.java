package lab.overload.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lab.overload.engine.metrics.AttemptCounts;
import lab.overload.engine.metrics.ClientInterval;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.engine.metrics.RequestCounts;
import lab.overload.engine.metrics.StageInterval;
import lab.overload.engine.metrics.Summary;
import lab.overload.engine.run.BatchRunner;
import lab.overload.engine.run.RunResult;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.theory.Erlang;
import org.junit.jupiter.api.Test;

/**
 * Per-client and per-stage sections against the totals: two client groups, each calling its own service, with
 * timeouts, retries, shedding, errors, a warm-up and a timeline that overloads one of them. Every count of the
 * sections adds up exactly to the total; rates, means and work, which are divided once per section, add up to
 * within 1e-9 relative (floating-point rounding only).
 */
class SectionsAddUpTest {
    static final String TWO_BY_TWO = """
            {"name": "two by two", "seed": 5, "durationSeconds": 60, "warmupSeconds": 7.55, "clients": [
              {"name": "web", "target": "api", "ratePerSecond": 150, "timeoutKind": "FIXED", "timeoutMillis": 300,
               "retry": {"maxAttempts": 3, "backoffBaseMillis": 20, "backoffCapMillis": 200, "jitter": "FULL"}},
              {"name": "batch", "target": "db", "ratePerSecond": 40, "timeoutKind": "EXPONENTIAL",
               "timeoutMillis": 2000, "retry": {"maxAttempts": 2, "backoffBaseMillis": 100}}],
             "services": [
              {"name": "api", "hosts": 2, "workersPerHost": 4, "queueCapacity": 20, "serviceTimeMillis": 40,
               "errorProbability": 0.02, "rejectionCostMillis": 1},
              {"name": "db", "workersPerHost": 3, "coresPerHost": 2, "queueCapacity": 50, "serviceTimeMillis": 50,
               "contentionSigma": 0.05}],
             "timeline": [{"atSeconds": 20, "path": "clients.web.ratePerSecond", "value": "260", "holdSeconds": 15}]}
            """;

    private static void near(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), what + " (within 1e-9 relative)");
    }

    @Test
    void clientAndStageSectionsAddUpToTheTotals() {
        Scenario scenario = ScenarioCodec.read(TWO_BY_TWO);
        RunResult run = BatchRunner.run(scenario, List.of(), true);
        Summary s = run.summary();
        var clients = s.byClient();
        var stages = s.byStage();
        assertEquals(List.of("web", "batch"), List.copyOf(clients.keySet()), "client sections in scenario order");
        assertEquals(List.of("api", "db"), List.copyOf(stages.keySet()), "stage sections in scenario order");

        RequestCounts req = new RequestCounts(s.requestsTotal(), s.succeeded(), s.failedTimeout(),
                s.failedRejected(), s.failedError(), s.expired(), s.requestsInFlight());
        assertEquals(req, sumRequests(clients.values().stream().map(c -> c.requests()).toList()),
                "requests: total and every outcome, summed over the clients");
        AttemptCounts att = new AttemptCounts(s.attemptsTotal(), s.retries(), s.completedUseful(),
                s.completedWasted(), s.completedError(), s.shed(), s.throttled(), s.abandonedByServer(),
                s.attemptsInFlight());
        assertEquals(att, sumAttempts(clients.values().stream().map(c -> c.attempts()).toList()),
                "attempts: total, retries and every outcome, summed over the clients");
        AttemptCounts atStages = sumAttempts(stages.values().stream().map(c -> c.attempts()).toList());
        assertEquals(new AttemptCounts(att.total(), 0, att.completedUseful(), att.completedWasted(),
                att.completedError(), att.shed(), att.throttled(), att.abandonedByServer(), att.inFlight()), atStages,
                "attempts by outcome, summed over the stages (each client calls its stage directly)");
        for (var c : clients.values()) {
            RequestCounts r = c.requests();
            assertEquals(r.total(), r.succeeded() + r.failedTimeout() + r.failedRejected() + r.failedError()
                    + r.expired() + r.inFlight(), c.name() + ": request conservation");
            AttemptCounts a = c.attempts();
            assertEquals(a.total(), a.completed() + a.shed() + a.throttled() + a.abandonedByServer() + a.inFlight(),
                    c.name() + ": attempt conservation");
            assertEquals(a.total(), r.total() + a.retries(), c.name() + ": attempts = requests + retries");
        }
        // Both stages must be exercised: sheds at both, timeouts and errors.
        assertTrue(stages.get("api").attempts().shed() > 0 && stages.get("db").attempts().shed() > 0
                && s.failedTimeout() > 0 && s.completedError() > 0 && s.retries() > 0, "a rich enough run: " + s);

        near(s.throughputPerSecond(), clients.values().stream().mapToDouble(c -> c.throughputPerSecond()).sum(),
                "throughput over the clients");
        near(s.throughputPerSecond(), stages.values().stream().mapToDouble(c -> c.throughputPerSecond()).sum(),
                "throughput over the stages");
        near(s.goodputPerSecond(), clients.values().stream().mapToDouble(c -> c.goodputPerSecond()).sum(),
                "goodput over the clients");
        near(s.latencyMean(), clients.values().stream().mapToDouble(c -> c.latency().mean() * c.requests()
                .succeeded()).sum() / s.succeeded(), "latency mean: the clients' means weighted by successes");
        assertEquals(s.latencyMax(), clients.values().stream().mapToDouble(c -> c.latency().max()).max()
                .orElseThrow(), "latency max: the largest client max");
        near(s.concurrencyMean(), stages.values().stream().mapToDouble(c -> c.concurrencyMean()).sum(),
                "busy workers over the stages");
        near(s.queueLengthMean(), stages.values().stream().mapToDouble(c -> c.queueLengthMean()).sum(),
                "queue length over the stages");
        near(s.usefulWork(), stages.values().stream().mapToDouble(c -> c.work().useful()).sum(), "useful work");
        near(s.wastedWork(), stages.values().stream().mapToDouble(c -> c.work().wasted()).sum(), "wasted work");
        near(s.rejectionWork(), stages.values().stream().mapToDouble(c -> c.work().rejection()).sum(),
                "rejection work");
        near(s.utilization() * (8 + 3), stages.get("api").utilization() * 8 + stages.get("db").utilization() * 3,
                "utilization: the stages' weighted by their workers");
        assertTrue(s.concurrencyMax() <= stages.values().stream().mapToLong(c -> c.concurrencyMax()).sum(),
                "the total's max is at most the sum of the stages' maxima");

        for (IntervalSnapshot i : run.intervals()) {
            long offered = 0;
            long succeeded = 0;
            long shed = 0;
            long completed = 0;
            double busy = 0;
            for (ClientInterval c : i.byClient().values()) {
                offered += c.requests().total();
                succeeded += c.requests().succeeded();
                shed += c.attempts().shed();
            }
            for (StageInterval st : i.byStage().values()) {
                completed += st.attempts().completed();
                busy += st.concurrencyMean();
            }
            assertEquals(i.offered(), offered, "interval " + i.index() + ": offered over the clients");
            assertEquals(i.succeeded(), succeeded, "interval " + i.index() + ": succeeded over the clients");
            assertEquals(i.shed(), shed, "interval " + i.index() + ": shed over the clients");
            assertEquals(i.completedUseful() + i.completedWasted() + i.completedError(), completed,
                    "interval " + i.index() + ": completions over the stages");
            near(i.concurrencyMean(), busy, "interval " + i.index() + ": busy workers over the stages");
        }
    }

    /**
     * waitedFraction of an M/M/c stage is the probability of waiting, Erlang C: c = 5, a = 4 (rho 0.8), C = 0.554.
     * Over 200 s (about 80,000 attempts, correlated over a few hundred ms), 0.02 absolute is more than 4 standard
     * errors. The stage's mean queue wait is C / (c mu - lambda) = 0.554 / 10 s = 55.4 ms, within 8%.
     */
    @Test
    void waitedFractionIsErlangC() {
        Summary s = BatchRunner.run(Scenarios.mmc(5, 400, 100, 9, 210, 10)).summary();
        double c = Erlang.erlangC(5, 4);
        var api = s.byStage().get("api");
        assertEquals(c, api.waitedFraction(), 0.02, "P(wait) = Erlang C within 0.02");
        assertEquals(c / (5 * 100 - 400) * 1000, api.queueWaitMean(), 0.08 * c / 100 * 1000,
                "mean wait = C / (c mu - lambda) within 8%");
        assertEquals(s.queueWaitMean(), api.queueWaitMean(), "one stage: its wait is the total's");
    }

    private static RequestCounts sumRequests(List<RequestCounts> xs) {
        return new RequestCounts(xs.stream().mapToLong(RequestCounts::total).sum(),
                xs.stream().mapToLong(RequestCounts::succeeded).sum(),
                xs.stream().mapToLong(RequestCounts::failedTimeout).sum(),
                xs.stream().mapToLong(RequestCounts::failedRejected).sum(),
                xs.stream().mapToLong(RequestCounts::failedError).sum(),
                xs.stream().mapToLong(RequestCounts::expired).sum(),
                xs.stream().mapToLong(RequestCounts::inFlight).sum());
    }

    private static AttemptCounts sumAttempts(List<AttemptCounts> xs) {
        return new AttemptCounts(xs.stream().mapToLong(AttemptCounts::total).sum(),
                xs.stream().mapToLong(AttemptCounts::retries).sum(),
                xs.stream().mapToLong(AttemptCounts::completedUseful).sum(),
                xs.stream().mapToLong(AttemptCounts::completedWasted).sum(),
                xs.stream().mapToLong(AttemptCounts::completedError).sum(),
                xs.stream().mapToLong(AttemptCounts::shed).sum(),
                xs.stream().mapToLong(AttemptCounts::throttled).sum(),
                xs.stream().mapToLong(AttemptCounts::abandonedByServer).sum(),
                xs.stream().mapToLong(AttemptCounts::inFlight).sum());
    }

}
