package lab.overload.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import lab.overload.engine.component.World;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.engine.metrics.Summary;
import lab.overload.engine.run.BatchRunner;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conservation with every server policy on, in both speed modes, and under live changes of every new parameter: after
 * each change request and attempt conservation hold; when arrivals stop, the hosts drain to empty (no worker,
 * dependency call or queue slot is leaked) and every request ends.
 */
class ServerPolicyConservationTest {

    /**
     * Loaded: 300/s offered to 2 hosts x 8 workers, each attempt ~20 ms of CPU (times a log-normal size) plus a 10 ms
     * call; 150 ms timeouts, retries, and every policy on (AIMD limit, queue-time bound, checkpoints, size limit,
     * resume, dependency with a concurrency cap and failures).
     */
    static Scenario base(boolean shared) {
        return ScenarioCodec.read("""
                {"name": "policies", "seed": 11, "durationSeconds": 120,
                 "clients": [{"name": "web", "target": "api", "ratePerSecond": 300, "timeoutMillis": 150,
                   "sizeDistribution": "LOGNORMAL", "sizeMean": 1, "sizeCv": 0.8,
                   "retry": {"maxAttempts": 3, "backoffBaseMillis": 20, "jitter": "FULL"}}],
                 "services": [{"name": "api", "hosts": 2, "workersPerHost": 8, "queueCapacity": 40,
                   "rejectionCostMillis": 0.5, "expiredWork": "DROP_AT_DEQUEUE", "serviceTimeMillis": 20,
                   "coresPerHost": %d, "contentionSigma": %s,
                   "limit": {"kind": "AIMD", "initialLimit": 6, "latencyThresholdMillis": 60},
                   "shedding": {"maxQueueWaitMillis": 50},
                   "deadline": {"checkpointMillis": 5},
                   "boundedWork": {"maxRequestSize": 3, "resumeFromCheckpoint": true},
                   "dependency": {"enabled": true, "latencyMillis": 10, "maxConcurrency": 12,
                     "failureProbability": 0.05}}]}
                """.formatted(shared ? 3 : 0, shared ? "0.02" : "0"));
    }

    static Stream<Arguments> changes() {
        String[][] table = {
            {"hostsDown", "1", "0"}, {"hostsDown", "2", "0"},
            {"limit.kind", "GRADIENT", "FIXED"}, {"limit.initialLimit", "3", "50"}, {"limit.minLimit", "4", "1"},
            {"limit.maxLimit", "2", "1000"}, {"limit.backoffRatio", "0.5", "0.999"},
            {"limit.latencyThresholdMillis", "5", "1000"}, {"limit.smoothing", "1", "0.01"},
            {"limit.rttTolerance", "1", "10"}, {"limit.longWindowSamples", "1", "100000"},
            {"limit.queueSize", "0", "1000"},
            {"shedding.maxQueueWaitMillis", "1", "0"}, {"shedding.action", "DROP", "REJECT_AT_DEQUEUE"},
            {"deadline.timeoutHint", "false", "true"}, {"deadline.checkpointMillis", "0", "2"},
            {"deadline.checkpointMillis", "40", "0"},
            {"boundedWork.maxRequestSize", "0.5", "0"}, {"boundedWork.resumeFromCheckpoint", "false", "true"},
            {"dependency.enabled", "false", "true"}, {"dependency.latencyDistribution", "CONSTANT", "LOGNORMAL"},
            {"dependency.latencyMillis", "200", "0"}, {"dependency.maxConcurrency", "1", "1000000"},
            {"dependency.failureProbability", "1", "0"},
            {"coresPerHost", "2", "0"}, {"contentionSigma", "0.1", "0"}, {"workersPerHost", "2", "30"},
            {"queueCapacity", "0", "1000"}, {"hosts", "1", "3"}};
        List<Arguments> out = new ArrayList<>();
        for (boolean shared : new boolean[] {false, true}) {
            for (String[] row : table) {
                out.add(Arguments.of(shared ? "shared" : "fixed", "services.api." + row[0], row[1], row[2]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} speed: {1} -> {2} -> {3}")
    @MethodSource("changes")
    void everyParameterChangesLiveWithConservationAndDrains(String mode, String path, String first, String second) {
        World w = new World(base(mode.equals("shared")));
        List<IntervalSnapshot> iv = new ArrayList<>();
        w.onInterval(iv::add);
        w.runUntil(3_000_000);
        w.summary().checkConservation();
        w.apply(path, first);
        w.runUntil(6_000_000);
        w.summary().checkConservation();
        w.apply(path, second);
        w.runUntil(9_000_000);
        w.summary().checkConservation();
        w.apply("clients.web.ratePerSecond", "0");
        w.runUntil(60_000_000);
        Summary s = w.summary();
        s.checkConservation();
        assertEquals(0, w.busyWorkers(), path + ": every worker freed after arrivals stop");
        assertEquals(0, w.queuedAttempts(), path + ": every queue drained");
        assertEquals(0, s.requestsInFlight(), path + ": every request ended (all have timeouts)");
        IntervalSnapshot last = iv.get(iv.size() - 1);
        Double inFlight = last.policy().get("services.api.dependencyInFlight");
        assertEquals(0.0, inFlight, 0, path + ": no dependency call leaked");
        for (IntervalSnapshot i : iv) {
            Double limit = i.policy().get("services.api.limit");
            assertTrue(limit == null || (limit >= 0 && limit <= 1000), "limit gauge in range: " + limit);
        }
    }

    /** Speed-mode switches with attempts waiting on the dependency and between checkpoints lose nothing. */
    @Test
    void modeSwitchesWithCallsAndCheckpointsInFlight() {
        World w = new World(base(false));
        for (int k = 1; k <= 20; k++) {
            w.runUntil(k * 500_000L + 1234);
            w.apply("services.api.coresPerHost", k % 2 == 1 ? "3" : "0");
            w.summary().checkConservation();
        }
        w.apply("clients.web.ratePerSecond", "0");
        w.runUntil(60_000_000);
        w.summary().checkConservation();
        assertEquals(0, w.busyWorkers(), "drained after 20 mode switches");
        assertEquals(0, w.summary().requestsInFlight(), "every request ended");
    }

    @Test
    void fullRunsConserveAndAreDeterministic() {
        for (boolean shared : new boolean[] {false, true}) {
            Summary a = BatchRunner.run(base(shared)).summary();
            Summary b = BatchRunner.run(base(shared)).summary();
            assertEquals(a, b, "same scenario and seed, same summary");
            assertTrue(a.abandonedByServer() > 0 && a.shed() > 0 && a.completedError() > 0,
                    "the policies fire: " + a);
            System.out.printf(java.util.Locale.ROOT, "[policies] %s: ok %d of %d requests; attempts useful %d, "
                    + "wasted %d, error %d, shed %d, abandoned %d; work useful %.1f, wasted %.1f, rejection %.2f, "
                    + "abandoned %.1f s%n", shared ? "shared" : "fixed", a.succeeded(), a.requestsTotal(),
                    a.completedUseful(), a.completedWasted(), a.completedError(), a.shed(), a.abandonedByServer(),
                    a.usefulWork(), a.wastedWork(), a.rejectionWork(), a.abandonedWork());
        }
    }
}
