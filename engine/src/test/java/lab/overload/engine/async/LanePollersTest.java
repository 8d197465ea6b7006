package lab.overload.engine.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lab.overload.engine.component.World;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.engine.metrics.LaneInterval;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Each lane's pollers per interval and over the measured period: the time-mean of pollers busy invoking the target
 * with the lane's messages, and the polls that found the lane empty. Exact on a tiny queue; on the presets the lanes
 * add up to the queue's empty polls and to the target's busy workers (as many workers as pollers, so an invocation
 * never waits at the target and a busy poller is exactly a busy worker).
 */
class LanePollersTest {

    /**
     * One lane, one poller, a message every 0.5 s from 0.5 s, 200 ms of constant work, an empty poll costs 75 ms,
     * warm-up 1 s, run 5 s. The poller polls in vain at 0, 0.075, ..., 0.45 s, takes message k at 0.525 + 0.5 (k - 1)
     * s, is answered 0.2 s later and then polls in vain 4 times (at +0.2, +0.275, +0.35, +0.425 s) before the next
     * message has arrived (+0.5 s). So each interval of 0.5 s after the first holds 0.2 s of one busy poller: mean
     * 0.2 / 0.5 = 0.4 (the target's utilisation, 2 messages/s x 0.2 s), and 4 empty polls (the first: 7). Over the
     * measured period [1, 5] s: messages 2 to 9 are served (8 x 0.2 s busy of 4 s: 0.4) and 8 x 4 = 32 polls are empty.
     */
    @Test
    @SuppressWarnings("unchecked")
    void oneLaneOnePollerIsExact() {
        Scenario s = ScenarioCodec.read("{\"name\": \"polled\", \"seed\": 5, \"durationSeconds\": 5, "
                + "\"warmupSeconds\": 1, \"intervalMillis\": 500, \"clients\": [{\"name\": \"web\", \"target\": \"q\", "
                + "\"arrivals\": \"CONSTANT\", \"ratePerSecond\": 2, \"timeoutKind\": \"NONE\"}], "
                + "\"services\": [{\"name\": \"svc\", \"workersPerHost\": 1, \"serviceTimeDistribution\": "
                + "\"CONSTANT\", \"serviceTimeMillis\": 200}], \"queues\": [{\"name\": \"q\", \"target\": \"svc\", "
                + "\"pollersPerLane\": 1, \"pollCostMillis\": 75}]}");
        World w = new World(s);
        List<IntervalSnapshot> snaps = run(w, s.durationMicros());
        assertEquals(10, snaps.size());
        for (IntervalSnapshot snap : snaps) {
            LaneInterval lane = snap.lanes().get("q");
            assertEquals(1, lane.laneCount());
            boolean first = snap.index() == 0;
            assertEquals(first ? 0.0 : 0.4, lane.busyPollersMean(0), 1e-12, "interval " + snap.index());
            assertEquals(first ? 7 : 4, lane.emptyPolls(0), "interval " + snap.index());
            assertEquals(snap.policy().get("queues.q.emptyPolls"), (double) lane.emptyPolls(0), 0.0);
        }
        long emptyPolls = w.queueSummaries().get("q").emptyPolls();
        assertEquals(32, emptyPolls);
        Map<String, Object> stages = (Map<String, Object>) w.summary().toMap().get("byStage");
        Map<String, Object> lane0 = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                stages.get("q")).get("lanes")).get("0");
        assertEquals(emptyPolls, lane0.get("emptyPolls"));
        assertEquals(0.4, (double) lane0.get("busyPollersMean"), 1e-12);
        assertEquals(0.4, (double) ((Map<String, Object>) stages.get("svc")).get("utilization"), 1e-12,
                "the target's one worker is busy exactly while the poller is");
    }

    @Test
    void shuffleShardingLanesAddUpToTheQueue() throws Exception {
        Scenario s = ScenarioCodec.read(Path.of("..", "presets", "shuffle-sharding.json"));
        s = ParameterPaths.with(s, "queues.events.mapping", "SHUFFLE_SHARD");
        s = ParameterPaths.with(s, "queues.events.pollersPerLane", "1");
        s = s.withDuration(40, 5);
        addsUp(s, "events", "workers", 8);
    }

    @Test
    void surgeQueueLanesAddUpToTheQueue() throws Exception {
        Scenario s = ScenarioCodec.read(Path.of("..", "presets", "surge-queue.json"));
        s = ParameterPaths.with(s, "queues.inbox.surgeDepth", "50");
        s = ParameterPaths.with(s, "queues.inbox.pollersPerLane", "5");
        s = ParameterPaths.with(s, "queues.inbox.pollCostMillis", "20");
        s = s.withDuration(60, 5);
        addsUp(s, "inbox", "deliver", 2);
    }

    @SuppressWarnings("unchecked")
    private static void addsUp(Scenario s, String queue, String target, int laneCount) {
        World w = new World(s);
        List<IntervalSnapshot> snaps = run(w, s.durationMicros());
        double busiestLast = 0;
        for (IntervalSnapshot snap : snaps) {
            LaneInterval lanes = snap.lanes().get(queue);
            assertEquals(laneCount, lanes.laneCount());
            double busy = 0;
            long empty = 0;
            for (int i = 0; i < laneCount; i++) {
                busy += lanes.busyPollersMean(i);
                empty += lanes.emptyPolls(i);
            }
            assertEquals(snap.concurrencyMean(), busy, 1e-9, "interval " + snap.index());
            assertEquals(snap.policy().get("queues." + queue + ".emptyPolls"), (double) empty, 0.0);
            busiestLast = Math.max(busiestLast, lanes.busyPollersMean(laneCount - 1));
        }
        assertTrue(busiestLast > 0, "the last lane's pollers work");
        Map<String, Object> stages = (Map<String, Object>) w.summary().toMap().get("byStage");
        Map<String, Object> lanes = (Map<String, Object>) ((Map<String, Object>) stages.get(queue)).get("lanes");
        double busy = 0;
        long empty = 0;
        for (int i = 0; i < laneCount; i++) {
            Map<String, Object> row = (Map<String, Object>) lanes.get(Integer.toString(i));
            busy += (double) row.get("busyPollersMean");
            empty += (long) row.get("emptyPolls");
        }
        assertEquals(w.queueSummaries().get(queue).emptyPolls(), empty);
        assertTrue(empty > 0, "some polls find a lane empty");
        double concurrency = (double) ((Map<String, Object>) ((Map<String, Object>) stages.get(target))
                .get("concurrency")).get("mean");
        assertEquals(concurrency, busy, 1e-9 * Math.max(1, concurrency));
    }

    private static List<IntervalSnapshot> run(World w, long untilMicros) {
        List<IntervalSnapshot> out = new ArrayList<>();
        w.onInterval(out::add);
        w.runUntil(untilMicros);
        return out;
    }
}
