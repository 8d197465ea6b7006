package lab.overload.engine.async;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lab.overload.engine.component.World;
import lab.overload.engine.component.async.QueueSummary;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The order inside a lane and in a service's accept queue, event by event: priority classes, demotion of old messages
 * to the low-priority queue and the surge queue. Service svc has one worker (two for the surge queue) and 240 ms of
 * work per message, so a single poller comes back at 0.34, 0.58, 0.82 s, ... after taking its first message at 0.1 s.
 */
class QueueOrderEventLogTest {

    private static final String SVC = "{\"name\": \"svc\", \"workersPerHost\": %d, \"serviceTimeDistribution\": "
            + "\"CONSTANT\", \"serviceTimeMillis\": 240, \"discipline\": \"%s\"}";

    /**
     * Group lo (priority 1) sends every 100 ms from 0.1 s, group hi (priority 0) every third of a second, both to
     * {@code target}; the queue q (when the target is q) invokes svc.
     */
    static Scenario twoClasses(String target, String queueDiscipline, String serviceDiscipline) {
        return ScenarioCodec.read("{\"name\": \"classes\", \"seed\": 5, \"durationSeconds\": 1.6, \"intervalMillis\": 50,"
                + " \"clients\": [" + client("lo", target, 10, 1) + ", " + client("hi", target, 3, 0) + "], "
                + "\"services\": [" + String.format(Locale.ROOT, SVC, 1, serviceDiscipline) + "], \"queues\": "
                + "[{\"name\": \"q\", \"target\": \"svc\", \"discipline\": \"" + queueDiscipline + "\"}]}");
    }

    private static String client(String name, String target, double rate, int priority) {
        return "{\"name\": \"" + name + "\", \"target\": \"" + target + "\", \"arrivals\": \"CONSTANT\", "
                + "\"ratePerSecond\": " + rate + ", \"timeoutKind\": \"NONE\", \"priority\": " + priority + "}";
    }

    /**
     * One producer every 100 ms from 0.1 s to 0.9 s (its rate drops to 0 at 0.95 s) into queue q with one poller;
     * {@code queue} adds settings to q.
     */
    static Scenario oneProducer(String queue, int workers, double durationSeconds) {
        return ScenarioCodec.read("{\"name\": \"one\", \"seed\": 5, \"durationSeconds\": " + durationSeconds
                + ", \"intervalMillis\": 50, \"clients\": [" + client("web", "q", 10, 0) + "], \"services\": ["
                + String.format(Locale.ROOT, SVC, workers, "FIFO") + "], \"queues\": [{\"name\": \"q\", \"target\": "
                + "\"svc\"" + queue + "}], \"timeline\": [{\"atSeconds\": 0.95, \"path\": \"clients.web.ratePerSecond\","
                + " \"value\": \"0\"}]}");
    }

    /**
     * The work started, as "time group@sent" (a poller's invocation of svc for the queue; svc's start for a service),
     * and the run's end.
     */
    static List<String> starts(World world, Scenario s, boolean viaQueue) {
        Map<Long, String> sent = new HashMap<>();
        List<String> lines = new ArrayList<>();
        world.onTrace(e -> {
            if ("send".equals(e.event())) {
                sent.put(e.requestId(), String.format(Locale.ROOT, "%s@%.2f", e.client(), e.timeMicros() / 1e6));
            } else if (viaQueue ? e.event().startsWith("invoke") : "start".equals(e.event())) {
                lines.add(String.format(Locale.ROOT, "%.2f %s", e.timeMicros() / 1e6, sent.get(e.requestId())));
            }
        });
        world.runUntil(s.durationMicros());
        return lines;
    }

    /** The requests taken, as "time r<request>", for a one-producer run. */
    static List<String> taken(World world, Scenario s) {
        List<String> lines = new ArrayList<>();
        world.onTrace(e -> {
            if (e.event().startsWith("invoke")) {
                lines.add(String.format(Locale.ROOT, "%.2f r%d", e.timeMicros() / 1e6, e.requestId()));
            }
        });
        world.runUntil(s.durationMicros());
        return lines;
    }

    /**
     * PRIORITY: a hi message waiting goes first (hi at 1/3 s is taken at 0.34 s ahead of lo's at 0.2 and 0.3 s, hi
     * at 2/3 s at 0.82 s ahead of five lo messages); when no hi message waits, lo's go in the order they came (0.2
     * s at 0.58 s, 0.3 s at 1.30 s); a message in service is never interrupted. The same at the queue's lane and at
     * the service's accept queue.
     */
    @ParameterizedTest(name = "via {0}")
    @ValueSource(strings = {"q", "svc"})
    void priorityServesTheHighClassFirstAndFifoWithinIt(String target) {
        Scenario s = twoClasses(target, "PRIORITY", "PRIORITY");
        World world = new World(s);
        assertEquals(List.of("0.10 lo@0.10", "0.34 hi@0.33", "0.58 lo@0.20", "0.82 hi@0.67", "1.06 hi@1.00",
                "1.30 lo@0.30", "1.54 hi@1.33"), starts(world, s, target.equals("q")));
        world.summary().checkConservation();
        world.queueSummaries().values().forEach(q -> q.checkConservation("q"));
    }

    /** The same arrivals under FIFO: the classes are ignored and everyone waits in arrival order. */
    @ParameterizedTest(name = "via {0}")
    @ValueSource(strings = {"q", "svc"})
    void fifoIgnoresTheClasses(String target) {
        Scenario s = twoClasses(target, "FIFO", "FIFO");
        World world = new World(s);
        assertEquals(List.of("0.10 lo@0.10", "0.34 lo@0.20", "0.58 lo@0.30", "0.82 hi@0.33", "1.06 lo@0.40",
                "1.30 lo@0.50", "1.54 lo@0.60"), starts(world, s, target.equals("q")));
    }

    /**
     * Demotion after 0.3 s: at 0.82 s messages 4 (age 0.42 s) and 5 (0.32 s) move to the low-priority queue and 6 is
     * taken; at 1.06 s message 7 (0.36 s) moves and 8 is taken; at 1.30 s message 9 (0.4 s) moves, the main queue is
     * empty, so the low-priority queue is read, oldest first: 4, 5, 7, 9. With 0.28 s instead, message 3 is exactly
     * 0.28 s old at 0.58 s and is not demoted (only older ones are); with 0.279 s it is, 4 is taken then and 3 is
     * the first read from the low-priority queue. Four messages are demoted each time.
     */
    @ParameterizedTest(name = "demote after {0} s")
    @CsvSource(delimiter = '|', value = {
        "0.3   | 4 | 0.10 r1, 0.34 r2, 0.58 r3, 0.82 r6, 1.06 r8, 1.30 r4, 1.54 r5, 1.78 r7, 2.02 r9",
        "0.28  | 4 | 0.10 r1, 0.34 r2, 0.58 r3, 0.82 r6, 1.06 r8, 1.30 r4, 1.54 r5, 1.78 r7, 2.02 r9",
        "0.279 | 4 | 0.10 r1, 0.34 r2, 0.58 r4, 0.82 r6, 1.06 r8, 1.30 r3, 1.54 r5, 1.78 r7, 2.02 r9",
    })
    void oldMessagesMoveToTheLowPriorityQueue(double seconds, long demoted, String expected) {
        Scenario s = oneProducer(", \"demoteAfterSeconds\": " + seconds, 1, 2.1);
        World world = new World(s);
        assertEquals(List.of(expected.split(", ")), taken(world, s));
        QueueSummary q = world.queueSummaries().get("q");
        q.checkConservation("q");
        assertEquals(demoted, q.demoted());
        assertEquals(8, q.processed(), "a demoted message is still processed: demotion is no end state");
        assertEquals(1, q.inService(), "message 9, taken at 2.02 s");
    }

    /**
     * Surge depth 2, one surge poller, svc with two workers: message 5 finds the lane holding 3 and 4 and spills, and
     * the idle surge poller takes it at once; 7 and 8 spill too (the lane holds 4 and 6), the surge poller takes 7
     * at 0.74 s and 8 at 0.98 s; the main poller goes on in its own order.
     */
    @Test
    void excessSpillsToTheSurgeQueueAndItsOwnPollers() {
        Scenario s = oneProducer(", \"surgeDepth\": 2, \"surgePollers\": 1", 2, 1.0);
        World world = new World(s);
        assertEquals(List.of("0.10 r1", "0.34 r2", "0.50 r5", "0.58 r3", "0.74 r7", "0.82 r4", "0.98 r8"),
                taken(world, s));
        QueueSummary q = world.queueSummaries().get("q");
        q.checkConservation("q");
        assertEquals(3, q.spilled());
        assertEquals(9, q.enqueued(), "a spilled message is enqueued (in the surge queue)");
        assertEquals(2, q.inQueue(), "6 and 9 wait in the lane");
        assertEquals(2, q.inService());
    }
}
