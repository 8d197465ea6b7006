package lab.overload.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * A sweep measured at one stage: the goodput of one function (or API) against its load, next to an unrelated one.
 * Checked against Erlang B: a function with reserved concurrency c, no queue and negligible init, offered a Poisson
 * load a = lambda x S, throttles the share B(c, a) of its invokes and completes the rest.
 */
class StageSweepTest {
    private static final String RATE = "clients.shop.ratePerSecond";

    /** shop -> API storefront -> function checkout (reserved 10, 100 ms); find -> function search, 50/s, no limit. */
    private static final Scenario TWO_FUNCTIONS = ScenarioCodec.read("""
            {"name": "two functions", "seed": 5, "durationSeconds": 60, "warmupSeconds": 10,
             "clients": [{"name": "shop", "target": "storefront", "ratePerSecond": 50, "timeoutKind": "NONE"},
                         {"name": "find", "target": "search", "ratePerSecond": 50, "timeoutKind": "NONE"}],
             "apis": [{"name": "storefront", "target": "checkout"}],
             "platform": [{"name": "acct", "placementMillis": 0, "unreservedMinimum": 0}],
             "functions": [{"name": "checkout", "durationDistribution": "EXPONENTIAL", "durationMillis": 100,
                            "initMillis": 0, "keepAliveSeconds": 86400, "reservedConcurrency": 10},
                           {"name": "search", "durationDistribution": "EXPONENTIAL", "durationMillis": 50,
                            "initMillis": 0, "keepAliveSeconds": 86400}]}""");

    private static double erlangB(int c, double a) {
        double b = 1;
        for (int k = 1; k <= c; k++) {
            b = a * b / (k + a * b);
        }
        return b;
    }

    /**
     * Loads a = 4, 8, 12, 16 Erlang on 10 sandboxes: throttled shares B = 0.005, 0.122, 0.302, 0.447 (insensitive to
     * the work's distribution), so goodput = lambda (1 - B) bends over towards the limit 10 / 0.1 s = 100/s. Each
     * point runs 50 s (about 2,000 to 8,000 invokes); tolerance 0.03 absolute on the share, 6% on goodput.
     */
    @Test
    void aFunctionsGoodputAgainstItsLoadFollowsErlangB() {
        Sweep.Plan plan = new Sweep.Plan(RATE, 40, 160, 4, 1, 7, 60, 10, Sweep.TimelineMode.DROP, "checkout");
        List<Sweep.Row> rows = Sweep.run(TWO_FUNCTIONS, plan, 0, 1, 2);
        for (Sweep.Row row : rows) {
            StagePoint p = row.stage();
            double lambda = row.value();
            double b = erlangB(10, lambda * 0.1);
            assertEquals("checkout", p.stage());
            assertEquals(lambda, p.loadPerSecond(), 0.06 * lambda, "the load at the function is the client's rate");
            assertEquals(b, p.rejectedShare(), 0.03, "throttled share at " + lambda + "/s: Erlang B(10, "
                    + lambda * 0.1 + ")");
            assertEquals(lambda * (1 - b), p.goodputPerSecond(), 0.06 * lambda * (1 - b), "goodput at " + lambda);
            assertEquals(0, p.notUsefulWorkShare(), 1e-12, "no timeouts, no errors: all of its work is useful");
            double totalGoodput = row.summary().goodputPerSecond();
            assertTrue(totalGoodput > p.goodputPerSecond() + 40, "the totals also count search's 50/s: "
                    + totalGoodput + " vs " + p.goodputPerSecond());
        }
        assertTrue(rows.get(3).stage().goodputPerSecond() < 100, "goodput stays under the limit's 100/s");
    }

    /** The API in front passes every attempt on and answers with the function's answer: the same goodput. */
    @Test
    void anApiMeasuresWhatItPassesOn() {
        Sweep.Plan api = new Sweep.Plan(RATE, 120, 120, 1, 1, 7, 30, 5, Sweep.TimelineMode.DROP, "storefront");
        Sweep.Plan fn = new Sweep.Plan(RATE, 120, 120, 1, 1, 7, 30, 5, Sweep.TimelineMode.DROP, "checkout");
        StagePoint a = Sweep.run(TWO_FUNCTIONS, api, 0, 1, 1).get(0).stage();
        StagePoint f = Sweep.run(TWO_FUNCTIONS, fn, 0, 1, 1).get(0).stage();
        assertEquals(f.goodputPerSecond(), a.goodputPerSecond(), 0.01 * f.goodputPerSecond());
        assertEquals(f.rejectedShare(), a.rejectedShare(), 0.01, "the function's throttles reach the caller as 429s");
        assertTrue(Double.isNaN(a.notUsefulWorkShare()), "an API does no work");
    }

    @Test
    void theCsvCarriesTheStageColumnsAndShardsMergeAsOne() {
        Sweep.Plan plan = new Sweep.Plan(RATE, 40, 100, 4, 1, 7, 6, 1, Sweep.TimelineMode.DROP, "checkout");
        String single = Sweep.csv(plan, Sweep.run(TWO_FUNCTIONS, plan, 0, 1, 1));
        List<String> lines = single.lines().toList();
        assertTrue(lines.get(0).endsWith(" stage=checkout"), lines.get(0));
        assertEquals(Sweep.HEADER + "," + StagePoint.HEADER, lines.get(1));
        assertEquals(lines.get(1).split(",").length, lines.get(2).split(",", -1).length, "every row fills the header");
        assertTrue(lines.get(2).contains(",checkout,"), lines.get(2));
        List<String> shards = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            shards.add(Sweep.csv(plan, Sweep.run(TWO_FUNCTIONS, plan, i, 2, 1)));
        }
        assertEquals(single, Sweep.merge(List.of(shards.get(1), shards.get(0))));
        Sweep.Plan totals = new Sweep.Plan(RATE, 40, 100, 4, 1, 7, 6, 1, Sweep.TimelineMode.DROP);
        assertFalse(totals.describe().contains("stage"), "a plan without a stage reads as before");
        assertNull(Sweep.run(TWO_FUNCTIONS, totals, 0, 4, 1).get(0).stage());
    }

    @Test
    void anUnknownStageIsRefusedNamingTheStages() {
        Sweep.Plan plan = new Sweep.Plan(RATE, 40, 100, 2, 1, 7, 6, 1, Sweep.TimelineMode.DROP, "chekout");
        String m = assertThrows(IllegalArgumentException.class, () -> Sweep.run(TWO_FUNCTIONS, plan, 0, 1, 1))
                .getMessage();
        assertTrue(m.contains("chekout") && m.contains("checkout") && m.contains("storefront"), m);
        assertThrows(IllegalArgumentException.class, () -> new Sweep.Plan(RATE, 40, 100, 2, 1, 7, 6, 1,
                Sweep.TimelineMode.DROP, "a b"));
    }
}
