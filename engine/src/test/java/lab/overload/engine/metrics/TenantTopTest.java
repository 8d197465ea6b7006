package lab.overload.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lab.overload.engine.component.World;
import lab.overload.engine.metrics.TenantTopTable.Metric;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The per-second top-tenant tables: which tenants a second lists, and on shuffle-sharding (1,000 tenants, about 100
 * requests per second in all) with tenant 7 at 4,000 times the rate from the start, that tenant leads every second,
 * the tables' totals are the client group's own counts exactly, and its requests over the run are within Poisson
 * noise of its rate (0.1 / s x 4,000 = 400 / s).
 */
class TenantTopTest {
    private static final int NOISY = 7;

    @Test
    void aSecondListsTheTopTenantsOfEachMetricOnceAndKeepsTheTotals() {
        TenantCounts c = new TenantCounts(100);
        for (int t = 0; t < 30; t++) {
            for (int k = 0; k <= t; k++) {
                c.requestEnded(t, true, 1_000, 100_000);
            }
        }
        c.throttled(99, 200_000);
        c.error(0, 300_000);
        assertEquals(List.of(), c.drain(999_999), "the second has not ended");
        c.requestEnded(5, false, 7, 1_500_000);
        List<TenantTopTable> first = c.drain(2_000_000);
        assertEquals(2, first.size(), "seconds 0 and 1");
        TenantTopTable t0 = first.get(0);
        assertEquals(0, t0.startMicros());
        assertEquals(31, t0.activeTenants(), "tenants 0..29 and 99");
        assertEquals(30 * 31 / 2, t0.total(Metric.REQUESTS));
        assertEquals(30 * 31 / 2 * 1_000L, t0.total(Metric.SUCCESS_LATENCY_MICROS));
        assertEquals(1, t0.total(Metric.THROTTLED));
        assertEquals(1, t0.total(Metric.ERRORS));
        // tenants 29..10 by requests, 99 by throttles, 0 by errors: 22 rows, ordered by requests
        assertEquals(TenantCounts.TOP + 2, t0.size());
        assertEquals(29, t0.tenant(0));
        assertEquals(30, t0.value(0, Metric.REQUESTS));
        assertEquals(-1, t0.rowOf(9), "11th from the bottom is not among the top 20 of any metric");
        assertEquals(1, t0.value(t0.rowOf(99), Metric.THROTTLED));
        assertEquals(0, t0.value(t0.rowOf(99), Metric.REQUESTS));
        assertEquals(1, t0.value(t0.rowOf(0), Metric.ERRORS));
        TenantTopTable t1 = first.get(1);
        assertEquals(1_000_000, t1.startMicros());
        assertEquals(1, t1.size());
        assertEquals(5, t1.tenant(0));
        assertEquals(0, t1.value(0, Metric.SUCCESS_LATENCY_MICROS), "a failure adds no latency");
        assertEquals(List.of(), c.drain(5_000_000), "quiet seconds make no table");
    }

    @Test
    void theNoisyTenantLeadsEverySecondAndTheTablesAddUpToTheGroup() throws Exception {
        Scenario s = ScenarioCodec.read(Path.of("..", "presets", "shuffle-sharding.json"));
        s = ParameterPaths.with(s, "clients.apps.tenants.overrides.7.rateMultiplier", "4000");
        World w = new World(s);
        List<IntervalSnapshot> snaps = new ArrayList<>();
        w.onInterval(snaps::add);
        w.runUntil(s.durationMicros());
        long endedByGroup = 0;
        long tableTotal = 0;
        long noisy = 0;
        long seconds = 0;
        for (IntervalSnapshot snap : snaps) {
            RequestCounts r = snap.byClient().get("apps").requests();
            endedByGroup += r.succeeded() + r.failedTimeout() + r.failedRejected() + r.failedError() + r.expired();
            for (TenantTopTable t : snap.tenantTops().get("apps")) {
                seconds++;
                assertEquals(NOISY, t.tenant(0), "second at " + t.startMicros());
                long listed = 0;
                for (int row = 0; row < t.size(); row++) {
                    listed += t.value(row, Metric.REQUESTS);
                }
                assertTrue(listed <= t.total(Metric.REQUESTS));
                tableTotal += t.total(Metric.REQUESTS);
                noisy += t.value(0, Metric.REQUESTS);
            }
        }
        assertEquals(s.durationMicros() / 1_000_000, seconds, "one table per second");
        assertEquals(endedByGroup, tableTotal, "the tables' totals are the group's ended requests");
        double expected = 400.0 * seconds;
        assertEquals(expected, noisy, 4 * Math.sqrt(expected), "Poisson: 400 / s, within 4 sigma");
        double others = tableTotal - noisy;
        double expectedOthers = 100.0 * 999 / 1000 * seconds;
        assertEquals(expectedOthers, others, 4 * Math.sqrt(expectedOthers), "the other 999 tenants: 99.9 / s");
    }

    @Test
    void aGroupWithOneTenantHasNoTable() throws Exception {
        Scenario s = ScenarioCodec.read(Path.of("..", "presets", "littles-law.json"));
        World w = new World(s);
        List<IntervalSnapshot> snaps = new ArrayList<>();
        w.onInterval(snaps::add);
        w.runUntil(5_000_000);
        assertTrue(!snaps.isEmpty());
        for (IntervalSnapshot snap : snaps) {
            assertEquals(java.util.Map.of(), snap.tenantTops());
        }
    }
}
