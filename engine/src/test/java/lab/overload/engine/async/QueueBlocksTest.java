package lab.overload.engine.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import lab.overload.engine.component.World;
import lab.overload.engine.component.async.OverlapTable;
import lab.overload.engine.component.async.QueueStats;
import lab.overload.engine.metrics.Summary;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The queue's blocks of {@code byStage.NAME}: on the shuffle-sharding preset (8 lanes, hands of 2, tenant 7 noisy),
 * the overlap with the noisy tenant's hand agrees with the per-tenant record, the lanes' joins add up to the messages
 * enqueued, and the top tenants are ranked by impacted seconds; the impact age is the scenario's field.
 */
class QueueBlocksTest {

    @Test
    @SuppressWarnings("unchecked")
    void theQueueSummaryBlocksAgreeWithTheRecord() throws Exception {
        Scenario s = ScenarioCodec.read(Path.of("..", "presets", "shuffle-sharding.json"));
        s = ParameterPaths.with(s, "queues.events.mapping", "SHUFFLE_SHARD");
        s = ParameterPaths.with(s, "queues.events.pollersPerLane", "1");
        s = ParameterPaths.with(s, "queues.events.impactAgeMillis", "2000");
        World w = new World(s);
        w.runUntil(s.durationMicros());
        Summary sum = w.summary();
        Map<String, Object> q = (Map<String, Object>) ((Map<String, Object>) sum.toMap().get("byStage")).get("events");
        Map<String, Object> tenants = (Map<String, Object>) q.get("tenants");
        assertEquals(2000.0, tenants.get("impactAgeMillis"));
        assertEquals(7, tenants.get("noisyTenant"));
        QueueStats stats = w.queueStats("events");
        long[] rows = OverlapTable.measure(stats, w.laneChoice("events").sharder(), 7);
        Map<String, Object> overlap = (Map<String, Object>) tenants.get("overlapWithNoisy");
        assertEquals(3, overlap.size(), "lanes shared 0, 1, 2");
        long others = 0;
        for (int m = 0; m <= 2; m++) {
            Map<String, Object> row = (Map<String, Object>) overlap.get(Integer.toString(m));
            assertEquals(rows[3 * m], row.get("tenants"));
            assertEquals(rows[3 * m + 2], row.get("impacted"));
            others += (long) row.get("tenants");
        }
        assertEquals(999, others);
        assertTrue((long) ((Map<String, Object>) overlap.get("2")).get("impacted") > 0);
        List<Map<String, Object>> top = (List<Map<String, Object>>) tenants.get("top");
        assertEquals(5, top.size());
        for (int i = 1; i < top.size(); i++) {
            assertTrue((int) top.get(i - 1).get("impactedSeconds") >= (int) top.get(i).get("impactedSeconds"),
                    "ranked: " + top);
        }
        int most = 0;
        for (int t = 0; t < stats.tenants(); t++) {
            most = Math.max(most, stats.impactedSeconds(t));
        }
        assertEquals(most, top.get(0).get("impactedSeconds"));
        Map<String, Object> lanes = (Map<String, Object>) q.get("lanes");
        assertEquals(8, lanes.get("count"));
        long joined = 0;
        for (int i = 0; i < 8; i++) {
            joined += (long) ((Map<String, Object>) lanes.get(Integer.toString(i))).get("joined");
        }
        assertEquals(w.queueSummaries().get("events").enqueued(), joined, "no retries: each message joined once");
    }
}
