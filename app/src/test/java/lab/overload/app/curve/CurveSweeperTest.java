package lab.overload.app.curve;

import static lab.overload.app.curve.Fixtures.COLLAPSE;
import static lab.overload.app.curve.Fixtures.SHEDDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sweeper on the two overload presets (8 cores, 20 ms of work, so 400 req/s of raw capacity): without shedding
 * goodput rises with load, peaks and collapses; with shedding it holds near its peak. And only the latest request's
 * curve is ever delivered.
 */
class CurveSweeperTest {
    private static final int THREADS = Runtime.getRuntime().availableProcessors();
    private static Curve collapse;
    private static Curve shedding;

    @BeforeAll
    static void sweep() {
        collapse = CurveSweeper.compute(COLLAPSE, "preset", THREADS);
        shedding = CurveSweeper.compute(SHEDDING, "preset", THREADS);
        System.out.printf(Locale.ROOT, "tipping-point sweeps on %d cores: goodput-collapse %d ms, load-shedding %d ms%n",
                THREADS, collapse.computeMillis(), shedding.computeMillis());
    }

    @Test
    void withoutSheddingGoodputRisesPeaksAndCollapses() {
        List<Curve.Point> p = collapse.points();
        assertEquals(CurvePlan.STEPS, p.size());
        assertEquals(400, collapse.capacityPerSecond(), 1e-9);
        for (Curve.Point point : p) {
            assertEquals(point.sweptValue(), point.offeredPerSecond(), 0.1 * point.sweptValue() + 3,
                    "measured offered load follows the swept rate: " + describe(collapse));
        }
        int peak = p.indexOf(collapse.peak());
        assertTrue(peak > 2 && peak < p.size() - 3, "the peak lies inside the range: " + describe(collapse));
        for (int i = 1; i <= peak; i++) {
            assertTrue(p.get(i).goodputPerSecond() > p.get(i - 1).goodputPerSecond(),
                    "goodput rises up to the peak: " + describe(collapse));
        }
        assertTrue(collapse.tippingPointPerSecond() >= 200 && collapse.tippingPointPerSecond() <= 320,
                "tipping point in [200, 320] req/s: " + describe(collapse));
        assertTrue(collapse.collapses(), "goodput collapses: " + describe(collapse));
        assertTrue(collapse.tippingPointPerSecond() <= collapse.peak().offeredPerSecond(),
                "the tipping point is at or before the peak: " + describe(collapse));
        double last = p.get(p.size() - 1).goodputPerSecond();
        assertTrue(last < 0.2 * collapse.peakGoodputPerSecond(), "and collapses past it: " + describe(collapse));
        assertTrue(p.get(p.size() - 1).throughputPerSecond() > 0.8 * collapse.peakGoodputPerSecond(),
                "while the servers stay busy (throughput holds): " + describe(collapse));
    }

    @Test
    void withSheddingGoodputStaysNearItsPeakPastIt() {
        List<Curve.Point> p = shedding.points();
        int peak = p.indexOf(shedding.peak());
        assertTrue(shedding.peakGoodputPerSecond() > 1.2 * collapse.peakGoodputPerSecond(),
                "shedding's peak is well above the collapse's: " + describe(shedding));
        for (int i = peak; i < p.size(); i++) {
            assertTrue(p.get(i).goodputPerSecond() >= 0.85 * shedding.peakGoodputPerSecond(),
                    "past the peak goodput stays within 15% of it: " + describe(shedding));
        }
        assertFalse(shedding.collapses(), "shedding keeps goodput up: no tipping point, " + describe(shedding));
        assertEquals("no collapse up to " + lab.overload.app.chart.Ticks.formatValue(shedding.maxOfferedPerSecond())
                + " req/s", shedding.tippingText());
        assertTrue(shedding.maxOfferedPerSecond() >= 1.4 * shedding.capacityPerSecond(),
                "swept well past capacity: " + describe(shedding));
        int firstPastCapacity = 0;
        while (p.get(firstPastCapacity).offeredPerSecond() < 400) {
            firstPastCapacity++;
        }
        for (int i = firstPastCapacity; i < p.size(); i++) {
            assertTrue(p.get(i).goodputPerSecond() >= 0.85 * shedding.peakGoodputPerSecond(),
                    "beyond capacity too: " + describe(shedding));
        }
    }

    @Test
    void theLatestRequestWins() throws InterruptedException {
        BlockingQueue<Runnable> fx = new LinkedBlockingQueue<>();
        List<Curve> delivered = new CopyOnWriteArrayList<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        try (CurveSweeper sweeper = new CurveSweeper(fx::add, THREADS, delivered::add, failures::add)) {
            // A superseded while it runs: it is cancelled or its result dropped.
            sweeper.request(COLLAPSE, "A");
            sweeper.request(SHEDDING, "B");
            assertTrue(sweeper.awaitIdle(60, TimeUnit.SECONDS));
            drain(fx);
            assertEquals(List.of("B"), delivered.stream().map(Curve::label).toList());
            assertEquals(SHEDDING, delivered.get(0).scenario());

            // C finished, its delivery queued on the "FX thread", when D is requested: C is never shown.
            delivered.clear();
            sweeper.request(COLLAPSE, "C");
            assertTrue(sweeper.awaitIdle(60, TimeUnit.SECONDS));
            assertEquals(1, fx.size(), "C's single delivery task is queued");
            sweeper.request(COLLAPSE, "D");
            drain(fx);
            assertTrue(delivered.isEmpty(), "C was superseded before the FX thread ran its delivery");
            assertTrue(sweeper.awaitIdle(60, TimeUnit.SECONDS));
            drain(fx);
            assertEquals(List.of("D"), delivered.stream().map(Curve::label).toList());
            assertEquals(collapse.points(), delivered.get(0).points(), "same scenario and seed, same curve");
        }
        assertTrue(failures.isEmpty(), "a cancelled sweep is not reported as a failure: " + failures);
    }

    private static void drain(BlockingQueue<Runnable> fx) {
        for (Runnable r; (r = fx.poll()) != null; ) {
            r.run();
        }
    }

    private static String describe(Curve c) {
        StringBuilder sb = new StringBuilder("offered->goodput/throughput:");
        for (Curve.Point p : c.points()) {
            sb.append(String.format(Locale.ROOT, " %.0f->%.0f/%.0f", p.offeredPerSecond(), p.goodputPerSecond(),
                    p.throughputPerSecond()));
        }
        return sb.toString();
    }
}
