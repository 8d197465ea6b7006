package lab.overload.engine.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import lab.overload.engine.component.World;
import lab.overload.engine.component.async.QueueSummary;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.engine.metrics.Summary;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The order inside a lane (priority classes, demotion, the surge queue) together with async retries, scaling pollers
 * and the FAIR and AUTO_ISOLATE mappings: a retried message keeps its priority class, and every message still ends in
 * exactly one state when the features are combined, and on every queue preset as shipped.
 */
class QueueFeaturesTogetherTest {

    /**
     * Producer "bulk" (class 1) sends r1 at 0.1 s and r2 at 0.2 s to a PRIORITY queue with two pollers in front of svc
     * (one worker, 1.5 s of work, no accept queue). r2 is refused, retried after 1 s (rejoining at 1.2, refused again:
     * svc is busy until 1.6) and after 2 s more (3.2, processed), so it is taken at 0.2, 1.2 and 3.2 s, the last time
     * 3 s after its first enqueue. Producer "chat" (class 0) sends nothing in the run; it only makes the queue report
     * its ages by class. Every take is of class 1, the retried ones included.
     */
    @Test
    void aRetriedMessageKeepsItsPriorityClass() {
        Scenario s = ScenarioCodec.read("{\"name\": \"classes\", \"seed\": 5, \"durationSeconds\": 5, "
                + "\"intervalMillis\": 100, \"clients\": [{\"name\": \"bulk\", \"target\": \"q\", \"priority\": 1, "
                + "\"arrivals\": \"CONSTANT\", \"ratePerSecond\": 10, \"timeoutKind\": \"NONE\"}, "
                + "{\"name\": \"chat\", \"target\": \"q\", \"arrivals\": \"CONSTANT\", \"ratePerSecond\": 0.001, "
                + "\"timeoutKind\": \"NONE\"}], "
                + "\"services\": [{\"name\": \"svc\", \"workersPerHost\": 1, \"queueCapacity\": 0, "
                + "\"serviceTimeDistribution\": \"CONSTANT\", \"serviceTimeMillis\": 1500}], "
                + "\"queues\": [{\"name\": \"q\", \"target\": \"svc\", \"pollersPerLane\": 2, "
                + "\"discipline\": \"PRIORITY\"}], "
                + "\"timeline\": [{\"atSeconds\": 0.25, \"path\": \"clients.bulk.ratePerSecond\", \"value\": \"0\"}]}");
        World w = new World(s);
        List<Double> class0 = new ArrayList<>();
        List<Double> class1 = new ArrayList<>();
        w.onInterval((IntervalSnapshot snap) -> {
            class0.add(snap.policy().get("queues.q.class0AgeMillis"));
            class1.add(snap.policy().get("queues.q.class1AgeMillis"));
        });
        w.runUntil(s.durationMicros());
        assertTrue(class0.stream().allMatch(a -> a.isNaN()), "no message of class 0 was taken: " + class0);
        List<Double> taken = class1.stream().filter(a -> !a.isNaN()).toList();
        assertEquals(3000.0, taken.stream().mapToDouble(Double::doubleValue).max().orElse(0), 1e-9,
                "the last take of r2, at 3.2 s, is of class 1: " + class1);
        assertTrue(taken.contains(1000.0), "and its take at 1.2 s: " + class1);
        QueueSummary q = w.queueSummaries().get("q");
        q.checkConservation("q");
        assertEquals(2, q.processed());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "surge-queue | queues.inbox.surgeDepth=50 services.deliver.errorProbability=0.3 "
                + "queues.inbox.asyncRetry.retryDelaySeconds=1 queues.inbox.maxPollersPerLane=10",
        "surge-queue | queues.inbox.surgeDepth=50 queues.inbox.discipline=LIFO services.deliver.queueCapacity=0 "
                + "queues.inbox.ttlSeconds=5",
        "lifo-and-priority | queues.inbox.discipline=PRIORITY queues.inbox.demoteAfterSeconds=1 "
                + "services.deliver.errorProbability=0.3 queues.inbox.asyncRetry.retryDelaySeconds=2",
        "lifo-and-priority | queues.inbox.demoteAfterSeconds=1 queues.inbox.surgeDepth=100 "
                + "queues.inbox.maxPollersPerLane=8 queues.inbox.backpressureDepth=300",
        "shuffle-sharding | queues.events.mapping=FAIR queues.events.surgeDepth=20 queues.events.discipline=LIFO",
        "shuffle-sharding | queues.events.mapping=AUTO_ISOLATE queues.events.demoteAfterSeconds=1 "
                + "queues.events.surgeDepth=200",
        "lambda-async-under-the-hood | queues.async.mapping=SHUFFLE_SHARD queues.async.surgeDepth=100 "
                + "queues.async.maxPollersPerLane=20 services.workers.errorProbability=0.2",
    })
    void everyMessageEndsInExactlyOneStateWithTheFeaturesCombined(String preset, String settings) throws Exception {
        Scenario s = ScenarioCodec.read(Path.of("..", "presets", preset + ".json"));
        for (String setting : settings.trim().split("\\s+")) {
            String[] kv = setting.split("=", 2);
            s = ParameterPaths.with(s, kv[0], kv[1]);
        }
        checkConserved(s.withDuration(s.durationSeconds(), 10));
    }

    /** Every preset with a queue, as shipped (with a warm-up so the cohort boundary is crossed). */
    @Test
    void everyQueuePresetConserves() throws IOException {
        List<Path> presets;
        try (Stream<Path> files = Files.list(Path.of("..", "presets"))) {
            presets = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        int queued = 0;
        for (Path p : presets) {
            Scenario s = ScenarioCodec.read(p);
            if (!s.queues().isEmpty()) {
                checkConserved(s.withDuration(s.durationSeconds(), Math.min(10, s.durationSeconds() / 4)));
                queued++;
            }
        }
        assertTrue(queued >= 6, "the queue presets were found: " + queued);
    }

    private static void checkConserved(Scenario s) {
        World w = new World(s);
        w.runUntil(s.durationMicros());
        Summary sum = w.summary();
        sum.checkConservation();
        for (var e : w.queueSummaries().entrySet()) {
            QueueSummary q = e.getValue();
            q.checkConservation(e.getKey());
            assertTrue(q.enqueued() > 0, "messages flowed in " + s.name());
            assertEquals(q.enqueued() + q.throttled(), sum.byStage().get(e.getKey()).attempts().total(),
                    "each producer attempt in the cohort is a message or a refusal");
        }
    }
}
