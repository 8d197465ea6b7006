package lab.overload.engine.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lab.overload.engine.component.World;
import lab.overload.engine.component.async.TenantAgeHistograms;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.engine.metrics.TenantAgeTable;
import lab.overload.engine.policy.ShuffleSharder;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The per-second table of the most affected tenants: percentiles within the histogram's stated 12.5 % of the exact
 * ones and never above the largest age, the top tenants by p99 with the noisy tenant added, a fresh second after each
 * seal, and on shuffle-sharding the tenants holding the noisy tenant's very hand at the top.
 */
class TenantAgesTest {
    private static final double BUCKET_ERROR = 0.125;

    @Test
    void percentilesAreWithinTheBucketErrorOfTheExactOnes() {
        TenantAgeHistograms h = new TenantAgeHistograms(10);
        for (int ms = 1000; ms >= 1; ms--) { // 1..1000 ms: exact p50 500 ms (rank 500), p99 990 ms (rank 990)
            h.add(3, ms * 1000L);
        }
        h.add(5, 7_000);
        TenantAgeTable t = h.seal(-1, 10);
        assertEquals(2, t.size());
        assertEquals(2, t.activeTenants());
        assertEquals(3, t.tenant(0));
        assertEquals(1000, t.messages(0));
        assertEquals(500, t.p50Millis(0), 500 * BUCKET_ERROR);
        assertEquals(990, t.p99Millis(0), 990 * BUCKET_ERROR);
        assertEquals(1000, t.maxMillis(0), 0.0);
        assertEquals(5, t.tenant(1));
        assertTrue(t.p99Millis(1) <= 7 && t.p99Millis(1) >= 7 * (1 - BUCKET_ERROR),
                "one 7 ms message: " + t.p99Millis(1));
        assertEquals(t.p99Millis(1), t.p50Millis(1), 0.0);
    }

    @Test
    void everyAgeFallsInABucketWhoseMiddleIsWithinTheStatedError() {
        for (long v = 1; v < 1L << 35; v = v * 3 / 2 + 1) {
            for (long age : new long[] {v, v + 1, 2 * v - 1}) { // up to 2^36 µs (19 h): longer ones share the last
                TenantAgeHistograms h = new TenantAgeHistograms(1);
                h.add(0, age);
                h.add(0, age + (age >> 4)); // a second one a sixteenth older: p50 is the first one's bucket
                double p50 = h.seal(-1, 1).p50Millis(0) * 1000;
                assertTrue(Math.abs(p50 - age) <= BUCKET_ERROR * age, age + " µs reads as " + p50);
            }
        }
    }

    @Test
    void theTopTenantsByP99ThenTheNoisyOneAndTheNextSecondStartsEmpty() {
        TenantAgeHistograms h = new TenantAgeHistograms(10_000);
        for (int t = 0; t < 20; t++) {
            h.add(100 * t, 1000L << t); // tenant 100 t: one message 2^t ms old (a bucket apart from the next)
        }
        TenantAgeTable table = h.seal(200, 10);
        assertEquals(20, table.activeTenants());
        assertEquals(11, table.size(), "ten most affected and the noisy tenant");
        for (int r = 0; r < 10; r++) {
            assertEquals(100 * (19 - r), table.tenant(r), "row " + r);
            assertTrue(!table.isNoisy(r));
        }
        assertEquals(200, table.tenant(10));
        assertTrue(table.isNoisy(10));
        TenantAgeTable next = h.seal(200, 10);
        assertEquals(0, next.activeTenants());
        assertEquals(0, next.size());
        h.add(42, 5_000);
        TenantAgeTable third = h.seal(-1, 10);
        assertEquals(1, third.size());
        assertEquals(42, third.tenant(0));
        assertEquals(1, third.messages(0), "the slot was returned empty");
    }

    /**
     * A histogram used for many seconds reads exactly as a fresh one each second (a slot comes back empty, whatever
     * buckets its previous tenant used), and the rows are the tenants with the highest p99, ties to the lower tenant,
     * in that order: checked against every active tenant's row sorted here, over seconds with many equal p99s.
     */
    @Test
    void aReusedHistogramReadsAsAFreshOneAndRanksByP99ThenTenant() {
        int tenants = 500;
        TenantAgeHistograms reused = new TenantAgeHistograms(tenants);
        java.util.SplittableRandom r = new java.util.SplittableRandom(11);
        for (int second = 0; second < 6; second++) {
            TenantAgeHistograms fresh = new TenantAgeHistograms(tenants);
            int noisy = r.nextInt(tenants);
            for (int m = 0; m < 3000; m++) {
                int tenant = r.nextInt(second % 2 == 0 ? tenants : 60); // few tenants, many messages every other one
                long age = r.nextInt(4) == 0 ? 1000L * r.nextInt(5) : (long) (r.nextDouble() * r.nextDouble() * 3e7);
                reused.add(tenant, age);
                fresh.add(tenant, age);
            }
            TenantAgeTable all = fresh.seal(noisy, tenants);
            List<Integer> order = new ArrayList<>();
            for (int row = 0; row < all.size(); row++) {
                order.add(row);
            }
            order.sort((a, b) -> all.p99Millis(a) != all.p99Millis(b) ? Double.compare(all.p99Millis(b),
                    all.p99Millis(a)) : Integer.compare(all.tenant(a), all.tenant(b)));
            List<Integer> expected = new ArrayList<>(order.subList(0, Math.min(10, order.size())));
            int noisyRow = -1;
            for (int row = 0; row < all.size(); row++) {
                assertEquals(order.get(row), row, "second " + second + ": every active tenant ranked in order");
                noisyRow = all.tenant(row) == noisy ? row : noisyRow;
            }
            if (noisyRow >= 10) {
                expected.add(noisyRow);
            }
            TenantAgeTable t = reused.seal(noisy, 10);
            assertEquals(all.activeTenants(), t.activeTenants());
            assertEquals(expected.size(), t.size(), "second " + second);
            for (int row = 0; row < t.size(); row++) {
                int e = expected.get(row);
                String what = "second " + second + ", row " + row;
                assertEquals(all.tenant(e), t.tenant(row), what);
                assertEquals(all.messages(e), t.messages(row), what);
                assertEquals(all.p50Millis(e), t.p50Millis(row), 0.0, what);
                assertEquals(all.p99Millis(e), t.p99Millis(row), 0.0, what);
                assertEquals(all.maxMillis(e), t.maxMillis(row), 0.0, what);
            }
        }
    }

    @Test
    void onShuffleShardingTheNoisyTenantsVeryHandIsMostAffected() throws Exception {
        Scenario s = ScenarioCodec.read(Path.of("..", "presets", "shuffle-sharding.json"));
        s = ParameterPaths.with(s, "queues.events.mapping", "SHUFFLE_SHARD");
        s = ParameterPaths.with(s, "queues.events.pollersPerLane", "1");
        World w = new World(s);
        List<IntervalSnapshot> snaps = new ArrayList<>();
        w.onInterval(snaps::add);
        w.runUntil(40_000_000);
        ShuffleSharder hands = w.laneChoice("events").sharder();
        int checked = 0;
        for (IntervalSnapshot snap : snaps) {
            TenantAgeTable t = snap.lanes().get("events").tenantAges();
            if (snap.endMicros() < 30_000_000 || snap.endMicros() % 1_000_000 != 0) {
                continue;
            }
            checked++;
            assertTrue(t.size() > 0 && t.activeTenants() >= t.size(), "second to " + snap.endMicros());
            assertEquals(7, t.noisyTenant());
            boolean noisyListed = false;
            for (int r = 0; r < t.size(); r++) {
                noisyListed |= t.isNoisy(r);
                if (r > 0) {
                    assertTrue(t.p99Millis(r) <= t.p99Millis(r - 1) || t.isNoisy(r), "rows by p99");
                }
                assertTrue(t.p50Millis(r) <= t.p99Millis(r) && t.p99Millis(r) <= t.maxMillis(r));
                if (t.p99Millis(r) > 1000) {
                    assertTrue(t.tenant(r) == 7 || hands.overlap(7, t.tenant(r)) == 2,
                            "tenant " + t.tenant(r) + " waits " + t.p99Millis(r) + " ms sharing "
                                    + hands.overlap(7, t.tenant(r)) + " lanes with the noisy tenant");
                }
            }
            assertTrue(noisyListed, "the noisy tenant sends 400 per second, so it is listed");
            assertTrue(t.tenant(0) == 7 || hands.overlap(7, t.tenant(0)) == 2,
                    "the most affected tenant holds the noisy tenant's hand: " + t.tenant(0));
            assertTrue(t.p99Millis(0) > 1000, "behind a backlog: " + t.p99Millis(0));
        }
        assertEquals(11, checked, "seconds 30 to 40");
    }
}
