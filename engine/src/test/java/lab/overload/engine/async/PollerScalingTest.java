package lab.overload.engine.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import lab.overload.engine.component.World;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Pollers that scale with the backlog, once per second: a producer sends a message every 100 ms to queue q, whose
 * pollers (from 1 up to 4) invoke svc (240 ms per message, so one poller takes at most 4.2 per second). The gauge
 * {@code queues.q.pollers} is read at the middle of each second, away from the second's own scaling step.
 */
class PollerScalingTest {

    static Scenario scenario(String service, String queue, String timeline) {
        return ScenarioCodec.read("{\"name\": \"scaling\", \"seed\": 5, \"durationSeconds\": 30, "
                + "\"intervalMillis\": 500, \"clients\": [{\"name\": \"web\", \"target\": \"q\", "
                + "\"arrivals\": \"CONSTANT\", \"ratePerSecond\": 10, \"timeoutKind\": \"NONE\"}], "
                + "\"services\": [{\"name\": \"svc\", \"serviceTimeDistribution\": \"CONSTANT\", "
                + "\"serviceTimeMillis\": 240" + service + "}], \"queues\": [{\"name\": \"q\", \"target\": \"svc\""
                + queue + "}], \"timeline\": [" + timeline + "]}");
    }

    /** The active pollers at 0.5, 1.5, 2.5, ... s. */
    static List<Integer> pollersMidSecond(Scenario s) {
        World w = new World(s);
        List<Integer> out = new ArrayList<>();
        w.onInterval((IntervalSnapshot snap) -> {
            if (snap.endMicros() % 1_000_000 == 500_000) {
                out.add((int) Math.round(snap.policy().get("queues.q.pollers")));
            }
        });
        w.runUntil(s.durationMicros());
        w.queueSummaries().get("q").checkConservation("q");
        return out;
    }

    /**
     * A backlog from the first second on adds a poller a second up to the maximum of 4 (16.7 messages per second, more
     * than the 10 arriving); once the producer stops at 10 s the lane's seconds of empty polls take one away a second,
     * down to the minimum.
     */
    @Test
    void pollersGrowOneASecondWithABacklogAndShrinkWhenIdle() {
        List<Integer> p = pollersMidSecond(scenario(", \"workersPerHost\": 8", ", \"maxPollersPerLane\": 4",
                "{\"atSeconds\": 10, \"path\": \"clients.web.ratePerSecond\", \"value\": \"0\"}"));
        assertEquals(List.of(1, 2, 3, 4), p.subList(0, 4), "one more poller at 1, 2 and 3 s");
        assertTrue(p.stream().allMatch(n -> n >= 1 && n <= 4), "within the bounds: " + p);
        assertEquals(1, p.get(p.size() - 1), "idle after the producer stopped: back to the minimum " + p);
    }

    /** Without a maximum above pollersPerLane the pollers stay fixed. */
    @Test
    void withoutAMaximumThePollersAreFixed() {
        List<Integer> p = pollersMidSecond(scenario(", \"workersPerHost\": 8", ", \"pollersPerLane\": 2", ""));
        assertTrue(p.stream().allMatch(n -> n == 2), p.toString());
    }

    /**
     * A target with one worker and no accept queue throttles a second concurrent invocation: a throttled second takes
     * a poller away, so the lane never holds more than two pollers although its backlog grows without end.
     */
    @Test
    void throttlesHoldThePollersBack() {
        Scenario s = scenario(", \"workersPerHost\": 1, \"queueCapacity\": 0", ", \"maxPollersPerLane\": 4", "");
        List<Integer> p = pollersMidSecond(s);
        assertTrue(p.stream().allMatch(n -> n <= 2), "throttled seconds scale in: " + p);
        assertTrue(p.contains(2), "a backlog still adds a poller: " + p);
    }

    /** pollersPerLane is live: raised to 3 at 5.2 s and lowered to 1 at 10.2 s, the pollers follow at once. */
    @Test
    void pollersPerLaneIsLive() {
        List<Integer> p = pollersMidSecond(scenario(", \"workersPerHost\": 8", "",
                "{\"atSeconds\": 5.2, \"path\": \"queues.q.pollersPerLane\", \"value\": \"3\"}, "
                + "{\"atSeconds\": 10.2, \"path\": \"queues.q.pollersPerLane\", \"value\": \"1\"}"));
        assertEquals(List.of(1, 1, 1, 1, 1, 3, 3, 3, 3, 3, 1), p.subList(0, 11));
    }
}
