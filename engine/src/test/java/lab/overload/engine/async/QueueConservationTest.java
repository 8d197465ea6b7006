package lab.overload.engine.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import lab.overload.engine.component.World;
import lab.overload.engine.component.async.QueueSummary;
import lab.overload.engine.metrics.Summary;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every message ends in exactly one state (processed, dead-lettered, expired, in the queue, in service), on the queue
 * presets under each discipline and remedy (demotion and the surge queue included: they move messages, they end none), with a warm-up so the cohort boundary is crossed by messages in flight,
 * and with a target that fails and sheds; the totals conserve too.
 */
class QueueConservationTest {

    @ParameterizedTest
    @CsvSource({
        "queue-backlog, queues.inbox.discipline, FIFO",
        "queue-backlog, queues.inbox.discipline, LIFO",
        "queue-backlog, queues.inbox.ttlSeconds, 5",
        "queue-backlog, queues.inbox.backpressureDepth, 100",
        "queue-backlog, services.deliver.errorProbability, 0.3",
        "queue-backlog, services.deliver.queueCapacity, 0",
        "queue-backlog, queues.inbox.pollCostMillis, 20",
        "shuffle-sharding, queues.events.mapping, SHUFFLE_SHARD",
        "shuffle-sharding, queues.events.mapping, HASH",
        "shuffle-sharding, queues.events.mapping, PER_TENANT",
        "lifo-and-priority, queues.inbox.discipline, PRIORITY",
        "lifo-and-priority, queues.inbox.demoteAfterSeconds, 1",
        "lifo-and-priority, services.deliver.discipline, PRIORITY",
        "ttl-and-backpressure, queues.inbox.backpressureDepth, 100",
        "surge-queue, queues.inbox.surgeDepth, 50",
        "surge-queue, queues.inbox.ttlSeconds, 5",
        "shuffle-sharding, queues.events.mapping, FAIR",
        "shuffle-sharding, queues.events.mapping, AUTO_ISOLATE",
        "shuffle-sharding, queues.events.maxPollersPerLane, 20",
    })
    void everyMessageEndsInExactlyOneState(String preset, String path, String value) throws Exception {
        Scenario s = ScenarioCodec.read(Path.of("..", "presets", preset + ".json"));
        s = ParameterPaths.with(s, path, value).withDuration(s.durationSeconds(), 10);
        World w = new World(s);
        w.runUntil(s.durationMicros());
        Summary sum = w.summary();
        sum.checkConservation();
        for (var e : w.queueSummaries().entrySet()) {
            QueueSummary q = e.getValue();
            q.checkConservation(e.getKey());
            assertTrue(q.enqueued() > 0, "messages flowed");
            assertEquals(q.enqueued() + q.throttled(), sum.byStage().get(e.getKey()).attempts().total(),
                    "each producer attempt in the cohort is a message or a refusal");
        }
    }
}
