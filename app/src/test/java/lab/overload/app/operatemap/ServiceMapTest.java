package lab.overload.app.operatemap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import lab.overload.app.viewmodel.PresetCatalog;
import lab.overload.engine.component.World;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The service map's nodes, edges, rates and health, and the top contributors' ranking, against the interval
 * snapshots of headless runs (fixed seeds).
 */
class ServiceMapTest {
    /** Client web calls service a, whose dependency is service b (a stage, not the built-in model). */
    private static final Scenario CHAIN = ScenarioCodec.read("{\"name\": \"chain\", \"seed\": 3, "
            + "\"clients\": [{\"name\": \"web\", \"target\": \"a\", \"ratePerSecond\": 80, \"timeoutKind\": \"NONE\"}],"
            + "\"services\": [{\"name\": \"a\", \"workersPerHost\": 64, \"dependency\": {\"enabled\": true, \"target\": \"b\"}},"
            + " {\"name\": \"b\", \"workersPerHost\": 64}]}");

    private static List<IntervalSnapshot> run(Scenario s, double seconds) {
        List<IntervalSnapshot> out = new ArrayList<>();
        World w = new World(s);
        w.onInterval(out::add);
        w.runUntil(Math.round(seconds * 1e6));
        return out;
    }

    private static ServiceMap.Edge edge(ServiceMap m, String from, String to) {
        return m.edges().stream().filter(e -> e.from().name().equals(from) && e.to().name().equals(to)).findFirst()
                .orElseThrow(() -> new AssertionError("no edge " + from + " -> " + to + " in " + m.edges()));
    }

    @Test
    void aChainIsLaidOutByDepthAndItsEdgeRatesAreTheSnapshotsRates() {
        ServiceMap m = new ServiceMap(CHAIN);
        assertEquals(3, m.columns());
        assertEquals(0, m.node("clients", "web").column());
        assertEquals(1, m.node("services", "a").column());
        assertEquals(2, m.node("services", "b").column());
        assertEquals(2, m.edges().size());
        List<IntervalSnapshot> intervals = run(CHAIN, 20);
        intervals.forEach(m::add);
        List<IntervalSnapshot> last = intervals.subList(intervals.size() - 50, intervals.size()); // 5 s of 100 ms
        double seconds = last.stream().mapToDouble(IntervalSnapshot::seconds).sum();
        assertEquals(5.0, m.windowSeconds(), 1e-9);
        double clientAttempts = last.stream().mapToLong(s -> s.byClient().get("web").attempts().total()).sum();
        double bAttempts = last.stream().mapToLong(s -> s.byStage().get("b").attempts().total()).sum();
        assertEquals(clientAttempts / seconds, m.rate(edge(m, "web", "a")), 1e-9);
        assertEquals(bAttempts / seconds, m.rate(edge(m, "a", "b")), 1e-9);
        assertTrue(bAttempts > 0.8 * clientAttempts, "every call to a calls b: " + bAttempts + " vs " + clientAttempts);
        assertEquals(ServiceMap.Health.HEALTHY, m.stats(m.node("services", "b")).health());
    }

    /**
     * The chain's p99s over the last 5 s (about 400 requests): b has 64 workers for 8 busy on average, so its response
     * time is its exponential 100 ms of work, p99 = ln(100) x 100 ms = 460.5 ms; a waits for b and then works its own
     * exponential 100 ms, a sum whose p99 is 663.8 ms (1 - e^-x (1 + x) = 0.99 at x = 6.638). The p99 of 400 samples
     * has a standard error of about 11 %: within 35 %. web's successes are exactly a's useful answers (no retries, no
     * timeouts), so their p99s are equal. Each box shows its p99.
     */
    @Test
    void eachNodeShowsItsP99OverTheWindow() {
        ServiceMap m = new ServiceMap(CHAIN);
        run(CHAIN, 20).forEach(m::add);
        ServiceMap.Node web = m.node("clients", "web");
        ServiceMap.Node a = m.node("services", "a");
        ServiceMap.Node b = m.node("services", "b");
        double bP99 = m.stats(b).p99Millis();
        double aP99 = m.stats(a).p99Millis();
        assertEquals(100 * Math.log(100), bP99, 0.35 * 460.5, "b: exponential 100 ms");
        assertEquals(663.8, aP99, 0.35 * 663.8, "a: b's time plus its own");
        assertEquals(aP99, m.stats(web).p99Millis(), 0, "web's successes are a's useful answers");
        assertTrue(!m.stats(b).p99UpperBound(), "recorded at b, not derived");
        String[] lines = MapTexts.lines(b, m.stats(b));
        assertEquals("p99 " + lab.overload.app.chart.Ticks.formatValue(bP99) + " ms", lines[3], "b's last line");
        assertTrue(lines[0].matches("[\\d.,kM]+ att/s \u00b7 util \\d+%"), "b's first line: " + lines[0]);
        assertEquals("p99 " + lab.overload.app.chart.Ticks.formatValue(aP99) + " ms",
                MapTexts.lines(web, m.stats(web))[3]);
        m.clear();
        assertTrue(Double.isNaN(m.stats(b).p99Millis()), "no seconds, no p99");
    }

    /**
     * One client group calling its only stage (goodput-collapse, first 10 s, no timeouts yet): the stage's p99 is the
     * client's, shown as an upper bound.
     */
    @Test
    void theSoleStageShowsItsClientsP99AsAnUpperBound() {
        Scenario s = PresetCatalog.bundled("goodput-collapse.json");
        ServiceMap m = new ServiceMap(s);
        run(s, 10).forEach(m::add);
        ServiceMap.Node client = m.nodes().get(0);
        ServiceMap.Node stage = m.nodes().get(1);
        ServiceMap.NodeStats st = m.stats(stage);
        assertTrue(st.p99UpperBound() && st.p99Millis() > 0, "stage: " + st);
        assertEquals(m.stats(client).p99Millis(), st.p99Millis(), 0);
        assertTrue(MapTexts.lines(stage, st)[3].endsWith("p99 \u2264 "
                + lab.overload.app.chart.Ticks.formatValue(st.p99Millis()) + " ms"), MapTexts.lines(stage, st)[3]);
    }

    @Test
    void dependencyIsolationHasTwoChainsOfClientApiFunction() {
        Scenario s = PresetCatalog.bundled("dependency-isolation.json");
        ServiceMap m = new ServiceMap(s);
        edge(m, "shop", "storefront");
        edge(m, "storefront", "checkout");
        edge(m, "find", "finder");
        edge(m, "finder", "search");
        assertEquals(m.node("apis", "storefront").column() + 1, m.node("functions", "checkout").column());
        run(s, 10).forEach(m::add);
        double shop = m.rate(edge(m, "shop", "storefront"));
        assertTrue(shop > 300 && shop < 500, "shop offers about 400/s: " + shop);
    }

    @Test
    void healthFollowsTheStatedThresholds() {
        Scenario s = PresetCatalog.bundled("goodput-collapse.json");
        ServiceMap m = new ServiceMap(s);
        List<IntervalSnapshot> intervals = run(s, 60);
        intervals.subList(0, 100).forEach(m::add); // the first 10 s: 200/s on 8 cores, no failures
        ServiceMap.NodeStats early = m.stats(m.node("clients", "web"));
        assertTrue(early.badShare() < ServiceMap.DEGRADED_SHARE, "early: " + early);
        assertEquals(ServiceMap.Health.HEALTHY, early.health());
        m.clear();
        intervals.subList(500, 600).forEach(m::add); // 50-60 s: collapsed, every request times out
        ServiceMap.NodeStats late = m.stats(m.node("clients", "web"));
        assertTrue(late.badShare() >= ServiceMap.FAILING_SHARE, "late: " + late);
        assertEquals(ServiceMap.Health.FAILING, late.health());
    }

    @Test
    void topContributorsRankClientGroupsAndSharesAddUpToOne() {
        Scenario s = PresetCatalog.bundled("dependency-isolation.json");
        TopContributors top = new TopContributors();
        run(s, 15).forEach(top::add);
        List<TopContributors.Row> rows = top.top(TopContributors.Metric.REQUESTS, TopContributors.Window.RUN, 10);
        assertEquals(List.of("find", "shop"), rows.stream().map(TopContributors.Row::key).toList(),
                "find offers 1,000/s, shop 400/s");
        assertEquals(1.0, rows.stream().mapToDouble(TopContributors.Row::share).sum(), 1e-9);
        List<TopContributors.Row> last10 = top.top(TopContributors.Metric.REQUESTS,
                TopContributors.Window.LAST_10_S, 10);
        assertTrue(last10.get(0).value() < rows.get(0).value(), "10 s hold fewer requests than the run's 15 s");
        assertEquals(rows.get(0).value() * 10 / 15, last10.get(0).value(), 0.05 * last10.get(0).value(),
                "Poisson at a constant rate: 10 s hold about 10/15 of 15 s");
    }

    /**
     * Shuffle-sharding with its noisy tenant on from the start (tenant 7 at 4,000 times the rate: 400 of the group's
     * about 500 requests per second). Ranked by tenant, tenant 7 leads, its count is the group's requests that ended
     * minus the other tenants' (the tables' totals cover every tenant, the group's own counts the same requests), and
     * its share is within Poisson noise of 400 / 499.9.
     */
    @Test
    void topContributorsRankTenantsAndTheNoisyOneLeads() {
        Scenario s = lab.overload.models.scenario.ParameterPaths.with(PresetCatalog.bundled("shuffle-sharding.json"),
                "clients.apps.tenants.overrides.7.rateMultiplier", "4000");
        TopContributors top = new TopContributors();
        List<IntervalSnapshot> intervals = run(s, 30);
        intervals.forEach(top::add);
        long ended = 0;
        long others = 0;
        for (IntervalSnapshot snap : intervals) {
            var r = snap.byClient().get("apps").requests();
            ended += r.succeeded() + r.failedTimeout() + r.failedRejected() + r.failedError() + r.expired();
            for (var t : snap.tenantTops().get("apps")) {
                others += t.total(lab.overload.engine.metrics.TenantTopTable.Metric.REQUESTS)
                        - t.value(t.rowOf(7), lab.overload.engine.metrics.TenantTopTable.Metric.REQUESTS);
            }
        }
        List<TopContributors.Row> rows = top.top(TopContributors.By.TENANTS, TopContributors.Metric.REQUESTS,
                TopContributors.Window.RUN, 10);
        assertEquals("apps/tenant 7", rows.get(0).key(), "rows: " + rows);
        assertEquals(ended - others, rows.get(0).value(), 0, "the group's requests minus the other tenants'");
        double n = rows.get(0).value();
        double p = 400 / 499.9;
        assertEquals(p, rows.get(0).share(), 4 * Math.sqrt(p * (1 - p) / ended), "binomial, 4 sigma");
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i).value() < n / 100, "a quiet tenant: " + rows.get(i));
        }
        double shares = top.top(TopContributors.By.TENANTS, TopContributors.Metric.REQUESTS,
                TopContributors.Window.RUN, Integer.MAX_VALUE).stream().mapToDouble(TopContributors.Row::share).sum();
        assertTrue(shares <= 1 + 1e-9, "the listed tenants are at most the total: " + shares);
        List<TopContributors.Row> last10 = top.top(TopContributors.By.TENANTS, TopContributors.Metric.REQUESTS,
                TopContributors.Window.LAST_10_S, 10);
        assertEquals("apps/tenant 7", last10.get(0).key());
        assertEquals(4000, last10.get(0).value(), 4 * Math.sqrt(4000), "Poisson: 10 s at 400 / s");
        assertEquals(List.of(), top.top(TopContributors.By.TENANTS, TopContributors.Metric.ERRORS,
                TopContributors.Window.RUN, 10), "the queue answers no errors");
    }

    /** With every tenant listed in every second, the tenants' shares add to 100 %; one-tenant groups rank none. */
    @Test
    void tenantSharesAddUpToOneWhenTheTablesListEveryTenant() {
        Scenario few = lab.overload.models.scenario.ParameterPaths.with(PresetCatalog.bundled("shuffle-sharding.json"),
                "clients.apps.tenants.count", "5");
        TopContributors top = new TopContributors();
        run(few, 10).forEach(top::add);
        List<TopContributors.Row> rows = top.top(TopContributors.By.TENANTS, TopContributors.Metric.REQUESTS,
                TopContributors.Window.RUN, 10);
        assertEquals(5, rows.size(), "rows: " + rows);
        assertEquals(1.0, rows.stream().mapToDouble(TopContributors.Row::share).sum(), 1e-9);
        TopContributors single = new TopContributors();
        run(PresetCatalog.bundled("dependency-isolation.json"), 5).forEach(single::add);
        assertEquals(List.of(), single.top(TopContributors.By.TENANTS, TopContributors.Metric.REQUESTS,
                TopContributors.Window.RUN, 10), "no group stands for more than one tenant");
    }
}
