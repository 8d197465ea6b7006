package lab.overload.engine.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import lab.overload.engine.component.World;
import lab.overload.engine.component.async.LaneChoice;
import lab.overload.engine.component.async.QueueStats;
import lab.overload.engine.component.async.QueueSummary;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Tenants of a client group sending through a queue: one arrival stream with a tenant draw from its own stream, sparse
 * rate multipliers reached by parameter paths, per-tenant counts, and a noisy tenant under a shared lane versus
 * shuffle-sharded lanes.
 */
class TenantsTest {

    /** 1,000 tenants at 100/s in total; lanes with pollers in front of eight 20 ms workers. */
    static Scenario tenants(String mapping, int pollersPerLane, int count, String overrides, double duration) {
        return ScenarioCodec.read("{\"name\": \"tenants\", \"seed\": 21, \"durationSeconds\": " + duration
                + ", \"warmupSeconds\": 5, \"clients\": [{\"name\": \"web\", \"target\": \"q\", \"ratePerSecond\": "
                + "100, \"timeoutKind\": \"NONE\", \"tenants\": {\"count\": " + count + ", \"overrides\": {"
                + overrides + "}}}], \"services\": [{\"name\": \"svc\", \"workersPerHost\": 8, "
                + "\"serviceTimeMillis\": 20}], \"queues\": [{\"name\": \"q\", \"target\": \"svc\", \"mapping\": \""
                + mapping + "\", \"laneCount\": 8, \"handSize\": 2, \"pollersPerLane\": " + pollersPerLane + "}]}");
    }

    @Test
    void tenantsDoNotMoveTheArrivals() {
        List<Long> one = sendTimes(tenants("SHARED", 8, 1, "", 10));
        List<Long> many = sendTimes(tenants("SHARED", 8, 1000, "", 10));
        assertTrue(one.size() > 400);
        assertEquals(one, many, "the tenant draw has its own random stream");
    }

    private static List<Long> sendTimes(Scenario s) {
        World w = new World(s);
        List<Long> out = new ArrayList<>();
        w.onTrace(e -> {
            if (e.event().equals("send")) {
                out.add(e.timeMicros());
            }
        });
        w.runUntil(s.durationMicros());
        return out;
    }

    /**
     * A noisy tenant at 40x (its share: 40 / 1039 of the weight, so the group sends 103.9/s, 4/s of them its own).
     * The override is set through its parameter path, and the per-tenant counts see it.
     */
    @Test
    void aSparseOverrideMakesANoisyTenant() {
        Scenario s = ParameterPaths.with(tenants("SHUFFLE_SHARD", 1, 1000, "", 65),
                "clients.web.tenants.overrides.17.rateMultiplier", "40");
        World w = new World(s);
        w.runUntil(s.durationMicros());
        QueueStats stats = w.queueStats("q");
        QueueSummary q = w.queueSummaries().get("q");
        q.checkConservation("q");
        // About 6,230 messages in 60 s; Poisson standard error 79 on the total, 15.5 on the noisy tenant's 240.
        assertEquals(103.9 * 60, q.enqueued(), 300, "the noisy tenant adds its traffic");
        assertEquals(4.0 * 60, stats.tenantEnqueued(17), 60, "the noisy tenant's own messages");
        long others = 0;
        for (int t = 0; t < 1000; t++) {
            others += t == 17 ? 0 : stats.tenantEnqueued(t);
        }
        assertEquals(q.enqueued(), others + stats.tenantEnqueued(17), "per-tenant counts add up to the total");
    }

    /**
     * The noisy tenant sends 400/s; with the others' 100/s that is more than the eight pollers can take (8 x 50/s).
     * With one shared lane (eight pollers) every tenant's messages wait behind the backlog. With eight shuffle-sharded
     * lanes (a poller each) only the noisy tenant's two lanes fill: tenants whose hands miss them (53.6 % exactly)
     * are never impacted, those with one lane in common mostly use their other, shorter lane, and those with the
     * noisy tenant's very hand wait behind it.
     */
    @Test
    void shuffleShardingConfinesTheNoisyTenant() {
        String noisy = "\"3\": {\"rateMultiplier\": 4000}";
        Scenario shared = tenants("SHARED", 8, 1000, noisy, 30);
        Scenario sharded = tenants("SHUFFLE_SHARD", 1, 1000, noisy, 30);
        World a = new World(shared);
        a.runUntil(shared.durationMicros());
        World b = new World(sharded);
        b.runUntil(sharded.durationMicros());
        QueueStats sa = a.queueStats("q");
        QueueStats sb = b.queueStats("q");
        LaneChoice hands = b.laneChoice("q");
        int impactedShared = 0;
        int[] impactedByOverlap = new int[3];
        int[] tenantsByOverlap = new int[3];
        for (int t = 0; t < 1000; t++) {
            if (t == 3 || sa.tenantEnqueued(t) == 0) {
                continue;
            }
            impactedShared += sa.impactedSeconds(t) > 0 ? 1 : 0;
            int overlap = hands.sharder().overlap(3, t);
            tenantsByOverlap[overlap]++;
            impactedByOverlap[overlap] += sb.impactedSeconds(t) > 0 ? 1 : 0;
        }
        int quiet = tenantsByOverlap[0] + tenantsByOverlap[1] + tenantsByOverlap[2];
        assertTrue(impactedShared > 0.95 * quiet, "shared lane: nearly every tenant impacted, " + impactedShared
                + " of " + quiet);
        assertEquals(0, impactedByOverlap[0], "no lane in common with the noisy tenant: never impacted");
        assertTrue(impactedByOverlap[2] == tenantsByOverlap[2] && tenantsByOverlap[2] > 0,
                "the same hand as the noisy tenant: all impacted");
        assertTrue(impactedByOverlap[1] < 0.2 * tenantsByOverlap[1], "one lane in common: the other lane serves, "
                + impactedByOverlap[1] + " of " + tenantsByOverlap[1] + " impacted");
        assertEquals(0.536, tenantsByOverlap[0] / (double) quiet, 0.05, "the share with no overlap (exact 53.6 %)");
    }
}
