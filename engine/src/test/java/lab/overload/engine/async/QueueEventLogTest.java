package lab.overload.engine.async;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import lab.overload.engine.component.World;
import lab.overload.engine.component.async.QueueSummary;
import lab.overload.engine.metrics.Summary;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * A queue event by event: a producer sends a message every 100 ms from 0.1 s (constant arrivals, no timeout, no
 * retries) to queue q, whose one poller invokes service svc (one worker, 240 ms of work per message). The poller takes
 * message 1 at 0.1 s and comes back at 0.34, 0.58 and 0.82 s; what it takes then depends on the discipline, the time
 * to live and the backpressure depth.
 */
class QueueEventLogTest {

    static Scenario queued(double duration, String queue) {
        return ScenarioCodec.read("{\"name\": \"queued\", \"seed\": 5, \"durationSeconds\": " + duration
                + ", \"intervalMillis\": 50, \"clients\": [{\"name\": \"web\", \"target\": \"q\", "
                + "\"arrivals\": \"CONSTANT\", \"ratePerSecond\": 10, \"timeoutKind\": \"NONE\"}], "
                + "\"services\": [{\"name\": \"svc\", \"workersPerHost\": 1, \"serviceTimeDistribution\": "
                + "\"CONSTANT\", \"serviceTimeMillis\": 240}], \"queues\": [{\"name\": \"q\", \"target\": \"svc\""
                + queue + "}]}");
    }

    /** The lines of the poller's invocations, "time r<request>". */
    static List<String> invocations(World world, Scenario s) {
        List<String> lines = new ArrayList<>();
        world.onTrace(e -> {
            if (e.event().startsWith("invoke")) {
                lines.add(String.format(java.util.Locale.ROOT, "%.2f r%d", e.timeMicros() / 1e6, e.requestId()));
            }
        });
        world.runUntil(s.durationMicros());
        return lines;
    }

    @Test
    void fifoTakesTheOldestMessage() {
        Scenario s = queued(0.95, "");
        World world = new World(s);
        assertEquals(List.of("0.10 r1", "0.34 r2", "0.58 r3", "0.82 r4"), invocations(world, s));
        QueueSummary q = world.queueSummaries().get("q");
        q.checkConservation("q");
        assertEquals(9, q.enqueued(), "a message every 100 ms from 0.1 to 0.9 s");
        assertEquals(3, q.processed(), "answered at 0.34, 0.58, 0.82 s");
        assertEquals(1, q.inService());
        assertEquals(5, q.inQueue(), "messages 5 to 9 wait");
        assertEquals((0 + 140 + 280 + 420) / 4.0, q.ageMeanMillis(), 1e-9, "age = taken - enqueued");
        Summary sum = world.summary();
        sum.checkConservation();
        assertEquals(9, sum.succeeded(), "a producer's request ends when its message is accepted");
        assertEquals(9, sum.byStage().get("q").attempts().completedUseful(), "accepted producer attempts");
        assertEquals(3, sum.byStage().get("svc").attempts().completedUseful(), "the pollers' invocations");
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> stage = (java.util.Map<String, Object>) ((java.util.Map<String, Object>)
                sum.toMap().get("byStage")).get("q");
        assertEquals("queue", stage.get("kind"));
        assertEquals(q.toMap().get("messages"), stage.get("messages"), "byStage.q carries the queue's messages");
        assertEquals(9L, ((java.util.Map<?, ?>) stage.get("messages")).get("enqueued"));
    }

    @Test
    void lifoTakesTheNewestMessage() {
        Scenario s = queued(0.95, ", \"discipline\": \"LIFO\"");
        World world = new World(s);
        assertEquals(List.of("0.10 r1", "0.34 r3", "0.58 r5", "0.82 r8"), invocations(world, s));
        world.queueSummaries().get("q").checkConservation("q");
    }

    /** TTL 0.3 s: at 0.82 s messages 4 (0.4 s, age 0.42) and 5 (0.5 s, age 0.32) are dropped, 6 (age 0.22) is taken. */
    @Test
    void aTimeToLiveDropsStaleMessagesAtDequeue() {
        Scenario s = queued(0.95, ", \"ttlSeconds\": 0.3");
        World world = new World(s);
        assertEquals(List.of("0.10 r1", "0.34 r2", "0.58 r3", "0.82 r6"), invocations(world, s));
        QueueSummary q = world.queueSummaries().get("q");
        q.checkConservation("q");
        assertEquals(2, q.expired());
        assertEquals(3, q.inQueue(), "messages 7 to 9 wait");
    }

    /**
     * Backpressure at depth 2: a message is refused when the lane already holds two. The lane holds 1 after 0.2,
     * 2 after 0.3 and 0.4 (message 2 taken at 0.34), so 0.5 is refused; 0.6 is accepted after the take at 0.58;
     * 0.7 and 0.8 are refused; 0.9 is accepted after the take at 0.82.
     */
    @Test
    void backpressureRefusesOverTheDepth() {
        Scenario s = queued(0.95, ", \"backpressureDepth\": 2");
        World world = new World(s);
        assertEquals(List.of("0.10 r1", "0.34 r2", "0.58 r3", "0.82 r4"), invocations(world, s));
        QueueSummary q = world.queueSummaries().get("q");
        q.checkConservation("q");
        assertEquals(3, q.throttled(), "requests 5, 7 and 8");
        assertEquals(6, q.enqueued());
        Summary sum = world.summary();
        sum.checkConservation();
        assertEquals(3, sum.failedRejected(), "a refused producer without retries fails as rejected (429)");
        assertEquals(3, sum.byStage().get("q").attempts().throttled());
    }

    /** An empty poll costs 50 ms: the poller polls at 0, 0.05, 0.1 (finds message 1) and at 0.34 (message 2 waits). */
    @Test
    void emptyPollsCostTimeAndAreCounted() {
        Scenario s = queued(0.35, ", \"pollCostMillis\": 50");
        World world = new World(s);
        assertEquals(List.of("0.10 r1", "0.34 r2"), invocations(world, s));
        assertEquals(2, world.queueSummaries().get("q").emptyPolls(), "polls at 0 and 0.05 s found nothing");
    }
}
