package lab.overload.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lab.overload.engine.component.TraceEvent;
import lab.overload.engine.core.RandomStreams;
import lab.overload.engine.component.World;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;

class CompareTest {
    private static Scenario collapse() throws IOException {
        return ScenarioCodec.read(Path.of("..", "presets", "goodput-collapse.json")).withDuration(60, 0);
    }

    @Test
    void pairedIntervalOnKnownNumbers() {
        // d = B - A = {1, 2, 2, 5}: mean 2.5, s^2 = (1.5^2 + 0.5^2 + 0.5^2 + 2.5^2) / 3 = 3, t(0.975, 3) = 3.182446
        Compare.Row r = Compare.row("x", new double[] {1, 2, 3, 4}, new double[] {2, 4, 5, 9});
        assertEquals(2.5, r.meanA(), 1e-12);
        assertEquals(5.0, r.meanB(), 1e-12);
        assertEquals(2.5, r.meanDifference(), 1e-12);
        assertEquals(3.182446 * Math.sqrt(3) / 2, r.halfWidth95(), 1e-9);
        assertEquals(4, r.n());
        assertEquals(100.0, r.relativePercent(), 1e-12);
    }

    @Test
    void pairsWithAnUndefinedSideAreLeftOut() {
        // the second pair has no latency on side B (no success): the other two pairs remain, d = {1, 3}
        Compare.Row r = Compare.row("latency", new double[] {10, 20, 30}, new double[] {11, Double.NaN, 33});
        assertEquals(2, r.n());
        assertEquals(20.0, r.meanA(), 1e-12);
        assertEquals(2.0, r.meanDifference(), 1e-12);
        // s = sqrt(2), n = 2, t(0.975, 1) = 12.706205: half-width 12.706205 * sqrt(2) / sqrt(2)
        assertEquals(12.706205, r.halfWidth95(), 1e-9);
        Compare.Row one = Compare.row("x", new double[] {1}, new double[] {4});
        assertTrue(Double.isNaN(one.halfWidth95()), "one pair gives no interval");
    }

    @Test
    void unequalSidesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Compare.paired(List.of(Map.of()), List.of()));
        assertTrue(e.getMessage().contains("1 and 0"), e.getMessage());
    }

    @Test
    void identicalDesignsGiveIdenticalSidesAndExactlyZeroDifferences() throws IOException {
        Scenario s = collapse().withDuration(20, 0);
        List<Map<String, Object>> a = new ArrayList<>();
        List<Map<String, Object>> b = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Scenario seeded = s.withSeed(100 + i);
            a.add(BatchRunner.run(seeded).summary().toMap());
            b.add(BatchRunner.run(seeded).summary().toMap());
        }
        for (Compare.Row r : Compare.paired(a, b)) {
            assertEquals(r.meanA(), r.meanB(), r.metric());
            assertEquals(0.0, r.meanDifference(), r.metric());
            assertEquals(0.0, r.halfWidth95(), r.metric());
        }
    }

    /** The sends of first attempts, i.e. the arrivals, of every client, as trace lines. */
    private static List<String> trace(Scenario s, String event) {
        List<String> lines = new ArrayList<>();
        World world = new World(s);
        world.onTrace(e -> {
            if (e.event().equals(event) && (!event.equals("send") || e.attempt() == 1)) {
                lines.add(line(e));
            }
        });
        world.runUntil(s.durationMicros());
        return lines;
    }

    private static String line(TraceEvent e) {
        return e.timeMicros() + " " + e.source() + " r" + e.requestId();
    }

    @Test
    void aServerPathChangeLeavesTheArrivalsUnchanged() throws IOException {
        Scenario a = collapse();
        Scenario b = ParameterPaths.with(a, "services.api.queueCapacity", "16");
        List<String> arrivalsA = trace(a, "send");
        List<String> arrivalsB = trace(b, "send");
        assertTrue(arrivalsA.size() > 10_000, "the run should have many arrivals, had " + arrivalsA.size());
        assertEquals(arrivalsA, arrivalsB, "common random numbers: the same arrivals at the same microseconds");
        // the change does change what happens after arrival, so the equality above is not vacuous
        assertNotEquals(trace(a, "retry"), trace(b, "retry"));
        // and a client path change does change the arrivals
        Scenario faster = ParameterPaths.with(a, "clients.web.ratePerSecond", "250");
        assertNotEquals(arrivalsA, trace(faster, "send"));
    }

    @Test
    void sheddingWithASmallQueueRaisesGoodputOnTheCollapsePreset() throws IOException {
        Scenario a = collapse();
        Scenario b = ParameterPaths.with(a, "services.api.queueCapacity", "16");
        List<Map<String, Object>> ra = new ArrayList<>();
        List<Map<String, Object>> rb = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ra.add(BatchRunner.run(a.withSeed(RandomStreams.replicationSeed(a.seed(), i))).summary().toMap());
            rb.add(BatchRunner.run(b.withSeed(RandomStreams.replicationSeed(b.seed(), i))).summary().toMap());
        }
        Compare.Row goodput = Compare.paired(ra, rb).stream()
                .filter(r -> r.metric().equals("ratesPerSecond.goodput")).findFirst().orElseThrow();
        assertTrue(goodput.meanB() > goodput.meanA(), goodput.toString());
        assertTrue(goodput.meanDifference() - goodput.halfWidth95() > 0,
                "the 95% interval of the paired difference should exclude 0: " + goodput);
        Compare.Row offered = Compare.paired(ra, rb).get(0);
        assertEquals(0.0, offered.meanDifference(), "same seeds, same offered load: " + offered);
    }
}
