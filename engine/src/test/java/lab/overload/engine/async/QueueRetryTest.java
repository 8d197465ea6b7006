package lab.overload.engine.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lab.overload.engine.component.World;
import lab.overload.engine.component.async.QueueSummary;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Async retries event by event. Failures: one message every 250 s (constant arrivals) to queue q, whose one poller
 * invokes svc (one worker, 240 ms, every answer an error). Message 1 is invoked at 250 s and fails at 250.24; by
 * Lambda's defaults it is retried 60 s later (310.24, failing at 310.48) and 120 s after that (430.48), then
 * dead-lettered at 430.72. Throttles: two messages at 0.1 and 0.2 s to two pollers in front of svc with one worker,
 * 1.5 s of work and no accept queue: message 2 is refused at 0.2 s and retried after 1 s (1.2, refused again, svc is
 * busy until 1.6) and 2 s more (3.2, processed), unless the maximum event age ends it first.
 */
class QueueRetryTest {

    static Scenario failing(double duration, String retry) {
        return ScenarioCodec.read("{\"name\": \"failing\", \"seed\": 5, \"durationSeconds\": " + duration
                + ", \"intervalMillis\": 1000, \"clients\": [{\"name\": \"web\", \"target\": \"q\", "
                + "\"arrivals\": \"CONSTANT\", \"ratePerSecond\": 0.004, \"timeoutKind\": \"NONE\"}], "
                + "\"services\": [{\"name\": \"svc\", \"workersPerHost\": 1, \"serviceTimeDistribution\": "
                + "\"CONSTANT\", \"serviceTimeMillis\": 240, \"errorProbability\": 1}], "
                + "\"queues\": [{\"name\": \"q\", \"target\": \"svc\"" + retry + "}]}");
    }

    static Scenario throttling(String retry) {
        return ScenarioCodec.read("{\"name\": \"throttling\", \"seed\": 5, \"durationSeconds\": 5, "
                + "\"intervalMillis\": 100, \"clients\": [{\"name\": \"web\", \"target\": \"q\", "
                + "\"arrivals\": \"CONSTANT\", \"ratePerSecond\": 10, \"timeoutKind\": \"NONE\"}], "
                + "\"services\": [{\"name\": \"svc\", \"workersPerHost\": 1, \"queueCapacity\": 0, "
                + "\"serviceTimeDistribution\": \"CONSTANT\", \"serviceTimeMillis\": 1500}], "
                + "\"queues\": [{\"name\": \"q\", \"target\": \"svc\", \"pollersPerLane\": 2" + retry + "}], "
                + "\"timeline\": [{\"atSeconds\": 0.25, \"path\": \"clients.web.ratePerSecond\", \"value\": \"0\"}]}");
    }

    /** The queue's message events and the pollers' invocations, "time r<request> event". */
    static List<String> log(World world, Scenario s) {
        List<String> lines = new ArrayList<>();
        world.onTrace(e -> {
            if ("q".equals(e.source()) && !e.event().startsWith("enqueued")) {
                lines.add(String.format(Locale.ROOT, "%.2f r%d %s", e.timeMicros() / 1e6, e.requestId(),
                        e.event()));
            }
        });
        world.runUntil(s.durationMicros());
        return lines;
    }

    @Test
    void aFailedMessageIsRetriedOneAndTwoMinutesLaterThenDeadLettered() {
        Scenario s = failing(450, "");
        World world = new World(s);
        assertEquals(List.of("250.00 r1 invoke svc", "250.24 r1 retry at 310.24", "310.24 r1 rejoined lane 0",
                "310.24 r1 invoke svc", "310.48 r1 retry at 430.48", "430.48 r1 rejoined lane 0",
                "430.48 r1 invoke svc", "430.72 r1 dead-lettered"), log(world, s));
        QueueSummary q = world.queueSummaries().get("q");
        q.checkConservation("q");
        assertEquals(1, q.enqueued());
        assertEquals(1, q.deadLettered());
    }

    @Test
    void withoutRetriesAFailureIsDeadLetteredAtOnce() {
        Scenario s = failing(300, ", \"asyncRetry\": {\"retryAttempts\": 0}");
        World world = new World(s);
        assertEquals(List.of("250.00 r1 invoke svc", "250.24 r1 dead-lettered"), log(world, s));
        assertEquals(1, world.queueSummaries().get("q").deadLettered());
    }

    @Test
    void aMessageWaitingOutItsDelayIsInRetry() {
        Scenario s = failing(300, "");
        World world = new World(s);
        world.runUntil(s.durationMicros());
        QueueSummary q = world.queueSummaries().get("q");
        q.checkConservation("q");
        assertEquals(1, q.inRetry(), "failed at 250.24, due at 310.24");
        assertEquals(0, q.inQueue() + q.inService() + q.deadLettered() + q.processed());
    }

    @Test
    void aThrottledMessageIsRetriedWithADoublingBackoff() {
        Scenario s = throttling("");
        World world = new World(s);
        assertEquals(List.of("0.10 r1 invoke svc", "0.20 r2 invoke svc", "0.20 r2 retry at 1.2",
                "1.20 r2 rejoined lane 0", "1.20 r2 invoke svc", "1.20 r2 retry at 3.2", "3.20 r2 rejoined lane 0",
                "3.20 r2 invoke svc"), log(world, s));
        QueueSummary q = world.queueSummaries().get("q");
        q.checkConservation("q");
        assertEquals(2, q.processed(), "r1 at 1.6 s, r2 at 4.7 s");
        assertEquals(0, q.expired() + q.deadLettered());
    }

    /** A maximum event age of 2.5 s: the second retry would start at 3.2 s, 3 s after the first enqueue. */
    @Test
    void aThrottledMessageExpiresAtTheMaximumEventAge() {
        Scenario s = throttling(", \"asyncRetry\": {\"maxEventAgeSeconds\": 2.5}");
        World world = new World(s);
        assertEquals(List.of("0.10 r1 invoke svc", "0.20 r2 invoke svc", "0.20 r2 retry at 1.2",
                "1.20 r2 rejoined lane 0", "1.20 r2 invoke svc", "1.20 r2 expired"), log(world, s));
        QueueSummary q = world.queueSummaries().get("q");
        q.checkConservation("q");
        assertEquals(1, q.expired());
        assertEquals(1, q.processed());
    }

    /**
     * A target that fails 30 % of invocations and sheds what its two workers cannot take (four pollers, no accept
     * queue), with a warm-up and a 12 s maximum event age: every message of the cohort ends in exactly one state, and
     * each end state is reached.
     */
    @Test
    void everyMessageEndsInExactlyOneStateUnderFailuresAndThrottles() {
        Scenario s = ScenarioCodec.read("{\"name\": \"mixed\", \"seed\": 9, \"durationSeconds\": 200, "
                + "\"warmupSeconds\": 10, \"intervalMillis\": 1000, \"clients\": [{\"name\": \"web\", "
                + "\"target\": \"q\", \"ratePerSecond\": 15, \"timeoutKind\": \"NONE\"}], "
                + "\"services\": [{\"name\": \"svc\", \"workersPerHost\": 2, \"queueCapacity\": 0, "
                + "\"serviceTimeMillis\": 100, \"errorProbability\": 0.3}], "
                + "\"queues\": [{\"name\": \"q\", \"target\": \"svc\", \"pollersPerLane\": 4, "
                + "\"asyncRetry\": {\"retryDelaySeconds\": 2, \"maxEventAgeSeconds\": 12}}]}");
        World world = new World(s);
        world.runUntil(s.durationMicros());
        QueueSummary q = world.queueSummaries().get("q");
        q.checkConservation("q");
        world.summary().checkConservation();
        assertTrue(q.processed() > 0 && q.deadLettered() > 0 && q.expired() > 0 && q.inRetry() > 0,
                "every end state reached: " + q);
    }
}
