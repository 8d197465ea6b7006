package lab.overload.app.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lab.overload.app.viewmodel.PresetCatalog;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.engine.run.BatchRunner;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * A tipping-point curve measured at one function or API: the plan sweeps the client group that calls it, around the
 * stage's own capacity; the curve is the stage's goodput against its load, checked against Erlang B; the live
 * operating point reads the stage's section of each interval.
 */
class StageCurveTest {
    /** shop -> API storefront -> checkout (reserved 10, 100 ms of work); find -> search at 300/s, unlimited. */
    static final Scenario TWO_FUNCTIONS = ScenarioCodec.read("""
            {"name": "two functions", "seed": 5, "durationSeconds": 60, "warmupSeconds": 10,
             "clients": [{"name": "find", "target": "search", "ratePerSecond": 300, "timeoutKind": "NONE"},
                         {"name": "shop", "target": "storefront", "ratePerSecond": 50, "timeoutKind": "NONE"}],
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

    @Test
    void aStagePlanSweepsTheClientThatCallsItAroundTheStagesCapacity() {
        assertEquals(List.of("storefront", "checkout", "search"), CurvePlan.measurableStages(TWO_FUNCTIONS));
        CurvePlan plan = CurvePlan.of(TWO_FUNCTIONS, "checkout");
        assertEquals("clients.shop.ratePerSecond", plan.path(), "the client that calls checkout through the API");
        assertEquals(10 / 0.1, plan.capacityPerSecond(), 1e-9, "reserved concurrency / duration");
        assertEquals(5, plan.from(), 1e-9);
        assertEquals(150, plan.to(), 1e-9);
        assertEquals("checkout", plan.sweepPlan(1).stage());
        assertEquals("clients.find.ratePerSecond", CurvePlan.of(TWO_FUNCTIONS, "search").path());
        assertEquals("clients.find.ratePerSecond", CurvePlan.of(TWO_FUNCTIONS).path(), "no stage: the first client");
        assertEquals("", CurvePlan.of(TWO_FUNCTIONS).sweepPlan(1).stage());
        Scenario dependencyIsolation = PresetCatalog.bundled("dependency-isolation.json");
        assertEquals("clients.shop.ratePerSecond", CurvePlan.of(dependencyIsolation, "checkout").path());
        assertEquals("clients.find.ratePerSecond", CurvePlan.of(dependencyIsolation, "finder").path());
        String m = assertThrows(IllegalArgumentException.class, () -> CurvePlan.of(Fixtures.COLLAPSE, "checkout"))
                .getMessage();
        assertTrue(m.contains("checkout"), m);
    }

    /**
     * checkout's goodput against its load: lambda (1 - B(10, lambda x 0.1)), bending over below the reservation's
     * 100/s, while the totals would add search's 300/s. Tolerance 8% per point (30 s runs of 150 to 4,500 invokes).
     */
    @Test
    void theCurveAtOneFunctionIsItsGoodputAgainstItsLoad() {
        Curve c = CurveSweeper.compute(TWO_FUNCTIONS, "checkout", "preset at checkout", 2);
        assertEquals("clients.shop.ratePerSecond", c.sweptPath());
        assertEquals(CurvePlan.STEPS, c.points().size());
        for (Curve.Point p : c.points()) {
            double lambda = p.sweptValue();
            assertEquals(lambda, p.offeredPerSecond(), 0.1 * lambda + 1, "load at checkout is shop's rate");
            double expected = lambda * (1 - erlangB(10, lambda * 0.1));
            assertEquals(expected, p.goodputPerSecond(), 0.08 * expected + 1, "goodput at " + lambda + "/s");
            assertTrue(p.goodputPerSecond() < 100, "under the reservation's 100/s");
        }
        assertTrue(c.peakGoodputPerSecond() > 80, "the peak nears the limit: " + c.peakGoodputPerSecond());
    }

    @Test
    void theOperatingPointAtAStageReadsItsSection() {
        Scenario s = TWO_FUNCTIONS.withDuration(12, 0);
        List<IntervalSnapshot> intervals = BatchRunner.run(s, List.of(), true).intervals();
        OperatingPoint totals = new OperatingPoint();
        OperatingPoint atCheckout = new OperatingPoint();
        atCheckout.setStage("checkout");
        for (IntervalSnapshot i : intervals.subList(intervals.size() - OperatingPoint.WINDOW, intervals.size())) {
            totals.add(i);
            atCheckout.add(i);
        }
        assertEquals(350, totals.offeredPerSecond(), 60, "shop's 50/s and find's 300/s");
        assertEquals(50, atCheckout.offeredPerSecond(), 25, "shop's 50/s reach checkout");
        assertTrue(atCheckout.goodputPerSecond() <= atCheckout.offeredPerSecond() + 15);
        assertTrue(Double.isNaN(atCheckout.latencyP99Millis()), "latency is the clients', not the stage's");
        atCheckout.setStage("");
        assertTrue(atCheckout.isEmpty(), "a new stage starts afresh");
    }
}
