package lab.overload.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import lab.overload.engine.Scenarios;
import lab.overload.engine.run.BatchRunner;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The attempts' latency at the server (sent to finished, queue wait included, for attempts completed useful, wasted
 * or with an error): what the latency chart shows when no request succeeds.
 */
class AttemptLatencyTest {
    /**
     * Without timeouts or retries every attempt is its request's only attempt and succeeds, so the attempts served
     * in an interval are exactly the requests that succeeded in it: the two means are the same sums over the same
     * integers, equal to the last bit.
     */
    @Test
    void withoutTimeoutsItIsTheLatencyOfSuccesses() {
        Scenario mmc = Scenarios.mmc(4, 30, 10, 7, 30, 0);
        List<IntervalSnapshot> intervals = BatchRunner.run(mmc, List.of(), true).intervals();
        int compared = 0;
        for (IntervalSnapshot s : intervals) {
            if (s.succeeded() > 0) {
                assertEquals(s.latencyMeanMillis(), s.attemptLatencyMeanMillis(), 0.0, "interval " + s.index());
                compared++;
            } else {
                assertTrue(Double.isNaN(s.attemptLatencyMeanMillis()), "nothing served, no mean: " + s.index());
            }
        }
        assertTrue(compared > 250, "most of the 300 intervals have successes: " + compared);
    }

    /**
     * Goodput collapse after 40 s: no request succeeds, so the latency of successes has no value, while the server
     * still finishes attempts, each after more than the clients' 1 s timeout (they waited in a queue of seconds).
     */
    @Test
    void duringACollapseTheAttemptsStillHaveALatency() throws Exception {
        Scenario collapse = ScenarioCodec.read(Path.of("..", "presets", "goodput-collapse.json"));
        List<IntervalSnapshot> late = BatchRunner.run(collapse, List.of(), true).intervals().stream()
                .filter(s -> s.startMicros() >= 60_000_000).toList();
        assertEquals(300, late.size(), "60 s to 90 s in 100 ms intervals");
        for (IntervalSnapshot s : late) {
            assertEquals(0, s.succeeded(), "collapsed: no success at " + s.startMicros() / 1e6 + " s");
            assertTrue(Double.isNaN(s.latencyMeanMillis()), "no latency of successes");
            assertTrue(s.completedWasted() > 0 && s.attemptLatencyMeanMillis() > 1000,
                    "the server still answers, after the client's 1 s timeout: " + s.attemptLatencyMeanMillis()
                            + " ms at " + s.startMicros() / 1e6 + " s");
        }
    }
}
