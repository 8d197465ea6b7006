package lab.overload.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lab.overload.engine.Scenarios;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;

class SweepTest {
    private static final String RATE = "clients.web.ratePerSecond";

    private static Scenario preset(String name) throws IOException {
        return ScenarioCodec.read(Path.of("..", "presets", name + ".json"));
    }

    @Test
    void sameCsvInOneProcessOnManyThreadsAndInMergedShards() {
        Scenario s = Scenarios.mmc(4, 20, 10, 3, 20, 2);
        Sweep.Plan plan = new Sweep.Plan(RATE, 10, 38, 5, 2, 11, 20, 2);
        String single = Sweep.csv(plan, Sweep.run(s, plan, 0, 1, 1));
        String threaded = Sweep.csv(plan, Sweep.run(s, plan, 0, 1, 3));
        assertEquals(single, threaded, "thread count must not change the CSV");
        List<String> shards = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            shards.add(Sweep.csv(plan, Sweep.run(s, plan, i, 3, 2)));
        }
        assertEquals(single, Sweep.merge(List.of(shards.get(2), shards.get(0), shards.get(1))),
                "merged shards equal the single run, in any input order");
        assertEquals(12, single.lines().count(), "plan line, header, 10 grid points");
    }

    /**
     * Rows reach the sink in index order while the sweep runs, and only a few runs per thread are submitted ahead of
     * the row being handed over, so a sweep of any size holds a bounded number of results.
     */
    @Test
    void rowsStreamInIndexOrderWithABoundedNumberInFlight() {
        Scenario s = Scenarios.mmc(4, 20, 10, 3, 2, 0);
        Sweep.Plan plan = new Sweep.Plan(RATE, 10, 38, 30, 2, 11, 0.5, 0.1);
        int threads = 2;
        List<Integer> delivered = new ArrayList<>();
        int[] submitted = {0};
        int[] mostAhead = {0};
        Sweep.run(s, plan, 0, 1, threads, row -> {
            delivered.add(row.index());
            mostAhead[0] = Math.max(mostAhead[0], submitted[0] - delivered.size());
        }, index -> submitted[0]++);
        assertEquals(plan.size(), delivered.size());
        for (int i = 0; i < delivered.size(); i++) {
            assertEquals(i, delivered.get(i), "index order");
        }
        assertTrue(mostAhead[0] <= threads * Sweep.IN_FLIGHT_PER_THREAD,
                "at most " + threads * Sweep.IN_FLIGHT_PER_THREAD + " runs ahead of the sink, was " + mostAhead[0]);
        assertEquals(Sweep.csv(plan, Sweep.run(s, plan, 0, 1, 1)), Sweep.csv(plan, Sweep.run(s, plan, 0, 1, 3)));
    }

    @Test
    void mergeRejectsMissingDuplicateAndForeignShards() {
        Scenario s = Scenarios.mmc(4, 20, 10, 3, 10, 1);
        Sweep.Plan plan = new Sweep.Plan(RATE, 10, 30, 3, 1, 11, 10, 1);
        String a = Sweep.csv(plan, Sweep.run(s, plan, 0, 2, 1));
        String b = Sweep.csv(plan, Sweep.run(s, plan, 1, 2, 1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Sweep.merge(List.of(a)))
                .getMessage().contains("missing"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Sweep.merge(List.of(a, a, b)))
                .getMessage().contains("twice"));
        Sweep.Plan other = new Sweep.Plan(RATE, 10, 30, 3, 1, 12, 10, 1);
        String c = Sweep.csv(other, Sweep.run(s, other, 1, 2, 1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Sweep.merge(List.of(a, c)))
                .getMessage().contains("another sweep"));
    }

    /**
     * The tipping-point curve of goodput-collapse: goodput follows the offered load, peaks, then falls to a small
     * fraction of its peak; with load shedding it stays near the service's capacity past the peak.
     */
    @Test
    void goodputRisesPeaksAndFallsUnlessTheServiceSheds() throws IOException {
        Sweep.Plan plan = new Sweep.Plan(RATE, 100, 500, 5, 1, 42, 40, 10);
        double[] collapse = goodput(Sweep.run(preset("goodput-collapse"), plan, 0, 1, 2));
        double[] shedding = goodput(Sweep.run(preset("load-shedding"), plan, 0, 1, 2));
        double peak = 0;
        int peakAt = 0;
        for (int i = 0; i < collapse.length; i++) {
            if (collapse[i] > peak) {
                peak = collapse[i];
                peakAt = i;
            }
        }
        assertTrue(collapse[1] > collapse[0] * 1.8, "goodput rises with load at first: " + str(collapse));
        assertTrue(peakAt > 0 && peakAt < collapse.length - 1, "goodput peaks inside the range: " + str(collapse));
        assertTrue(collapse[collapse.length - 1] < 0.2 * peak, "and collapses past it: " + str(collapse));
        // 8 workers on 8 cores of 20 ms work, USL sigma 0.01, kappa 0.0002: capacity 400 / 1.0812 = 370/s.
        double capacity = 400 / (1 + 0.01 * 7 + 0.0002 * 56);
        for (int i = 3; i < shedding.length; i++) {
            assertTrue(shedding[i] > 0.9 * capacity, "with shedding, past capacity goodput stays within 10% of the "
                    + Math.round(capacity) + "/s capacity: " + str(shedding));
        }
    }

    private static double[] goodput(List<Sweep.Row> rows) {
        return rows.stream().mapToDouble(r -> r.summary().goodputPerSecond()).toArray();
    }

    private static String str(double[] v) {
        return java.util.Arrays.toString(java.util.Arrays.stream(v).map(x -> Math.round(x)).toArray());
    }
}
