package lab.overload.engine.async;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lab.overload.engine.component.World;
import lab.overload.engine.component.async.OverlapTable;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.engine.metrics.LaneInterval;
import lab.overload.engine.policy.ShuffleSharder;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The per-lane section of the interval snapshots: depths that add up to the queue's backlog gauge, oldest ages that
 * match the queue's oldest-age gauge, the noisy tenant's hand once its multiplier rises, the overlap table equal to
 * the one measured at the end, and nothing for a scenario without queues.
 */
class LaneIntervalTest {

    private static List<IntervalSnapshot> run(World w, long untilMicros) {
        List<IntervalSnapshot> out = new ArrayList<>();
        w.onInterval(out::add);
        w.runUntil(untilMicros);
        return out;
    }

    @Test
    void lanesOfShuffleShardingFollowTheQueueAndTheNoisyTenant() throws Exception {
        Scenario s = ScenarioCodec.read(Path.of("..", "presets", "shuffle-sharding.json"));
        s = ParameterPaths.with(s, "queues.events.mapping", "SHUFFLE_SHARD");
        s = ParameterPaths.with(s, "queues.events.pollersPerLane", "1");
        World w = new World(s);
        List<IntervalSnapshot> snaps = run(w, 40_000_000);
        ShuffleSharder hands = w.laneChoice("events").sharder();
        long deepest = 0;
        for (IntervalSnapshot snap : snaps) {
            LaneInterval lanes = snap.lanes().get("events");
            assertEquals(8, lanes.laneCount());
            long sum = 0;
            double oldest = 0;
            for (int i = 0; i < 8; i++) {
                sum += lanes.depth(i);
                oldest = Math.max(oldest, lanes.oldestAgeMillis(i));
                assertTrue(lanes.depth(i) > 0 || lanes.oldestAgeMillis(i) == 0, "an empty lane has no age");
                deepest = Math.max(deepest, lanes.depth(i));
            }
            assertEquals(snap.policy().get("queues.events.inQueue"), (double) sum, 0.0, "interval " + snap.index());
            assertEquals(snap.policy().get("queues.events.oldestAgeMillis"), oldest, 1e-9);
            boolean noisy = snap.endMicros() >= 20_000_000;
            assertEquals(noisy ? 7 : -1, lanes.noisyTenant(), "interval " + snap.index());
            if (noisy) {
                assertArrayEquals(new int[] {hands.lane(7, 0), hands.lane(7, 1)}, lanes.noisyHand());
            }
        }
        assertTrue(deepest > 100, "the noisy tenant's lanes fill: " + deepest);
        LaneInterval last = snaps.get(snaps.size() - 1).lanes().get("events");
        long[] expected = OverlapTable.measure(w.queueStats("events"), hands, 7);
        assertEquals(3, last.overlapLevels());
        for (int m = 0; m <= 2; m++) {
            assertEquals(expected[3 * m], last.overlapTenants(m));
            assertEquals(expected[3 * m + 1], last.overlapActive(m));
            assertEquals(expected[3 * m + 2], last.overlapImpacted(m));
        }
        assertEquals(999, last.overlapTenants(0) + last.overlapTenants(1) + last.overlapTenants(2));
        assertTrue(last.overlapImpacted(2) > 0 && last.overlapImpacted(0) < last.overlapActive(0),
                "the tenants holding the noisy hand are impacted, not every tenant sharing no lane");
    }

    @Test
    void noLanesWithoutQueues() throws Exception {
        Scenario s = ScenarioCodec.read(Path.of("..", "presets", "goodput-collapse.json"));
        List<IntervalSnapshot> snaps = run(new World(s), 2_000_000);
        assertTrue(!snaps.isEmpty());
        for (IntervalSnapshot snap : snaps) {
            assertTrue(snap.lanes().isEmpty());
        }
    }
}
