package lab.overload.app.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The value axis a single spike cannot take over, the smoothing of legend values and read-outs, and user markers of a
 * slider drag coalescing into one: plain model code, no drawing.
 */
class RobustScaleAndSmoothingTest {
    private final ChartModel model = new ChartModel();
    private final TimeSeries a = new TimeSeries("a", "A", ChartStyles.SERIES_THROUGHPUT);
    private final TimeSeries b = new TimeSeries("b", "B", ChartStyles.SERIES_SHED);

    /** Two minutes of 100 ms samples around 400/s with noise, with one interval of 1,000,000/s in the middle. */
    @Test
    void aOneIntervalSpikeDoesNotTakeOverTheScale() {
        model.setWindowSeconds(120);
        model.add(a);
        model.add(b);
        Random random = new Random(7);
        for (int k = 1; k <= 1200; k++) {
            a.add(k * 0.1, 400 + 60 * random.nextGaussian());
            b.add(k * 0.1, k == 600 ? 1_000_000 : 800 + 50 * random.nextGaussian());
        }
        double highestKept = 0;
        for (int k = 0; k < b.size(); k++) {
            if (b.v(k) < 1e5) {
                highestKept = Math.max(highestKept, Math.max(b.v(k), a.v(k)));
            }
        }
        Ticks y = model.yTicks(0, 120, 6);
        assertTrue(y.hi() >= highestKept, "every point but the spike is on the scale: top " + y.hi()
                + " < " + highestKept);
        assertTrue(y.hi() <= 2 * highestKept, "the spike (1,000,000) does not set the scale: top " + y.hi()
                + ", highest other point " + highestKept);
    }

    /** Two intervals of spike are still left out (at least two points per series may be). */
    @Test
    void aTwoIntervalSpikeIsLeftOutToo() {
        model.add(a);
        for (int k = 1; k <= 600; k++) {
            a.add(k * 0.1, k == 300 || k == 301 ? 50_000 : 100);
        }
        double top = model.yTicks(0, 120, 5).hi();
        assertTrue(top >= 100 && top <= 200, "top just above 100 (with headroom), not 50,000: " + top);
    }

    /** A ramp, a queue filling up: its newest, highest points are what matters, and they stay on the scale. */
    @Test
    void aRampIsNeverClipped() {
        model.add(a);
        for (int k = 1; k <= 1200; k++) {
            a.add(k * 0.1, k < 900 ? 0 : (k - 900) * 200.0); // flat, then up to 60,000 in the last 30 s
        }
        assertTrue(model.yTicks(0, 120, 6).hi() >= 60_000, "the ramp's top is shown");
    }

    /** A step up late in the window is a new level, not an outlier. */
    @Test
    void aStepToANewLevelIsShown() {
        model.add(a);
        for (int k = 1; k <= 1200; k++) {
            a.add(k * 0.1, k < 1150 ? 10 : 5000); // the last 5 s at 5000
        }
        assertTrue(model.yTicks(0, 120, 6).hi() >= 5000, "50 points at the new level are on the scale");
    }

    @Test
    void logAxesAreNotClipped() {
        model.add(a);
        model.setLogScale(true);
        for (int k = 1; k <= 1200; k++) {
            a.add(k * 0.1, k == 600 ? 1e6 : 100);
        }
        assertEquals(1e6, model.yTicks(0, 120, 6).hi(), 1e-6);
    }

    /**
     * The jitter of the issue: offered alternating 300 and 480 per 100 ms interval reads 480 raw, 390 as a 1 s mean
     * (the rate over the last second), and the read-out averages the same way at the hovered sample.
     */
    @Test
    void smoothingAveragesTheLastSecondOfSamples() {
        model.add(a);
        for (int k = 1; k <= 100; k++) {
            a.add(k * 0.1, k % 2 == 0 ? 480 : 300);
        }
        assertEquals(480, model.legendValue(a), 1e-9, "raw: the newest sample");
        model.setSmoothingSeconds(1);
        assertEquals(390, model.legendValue(a), 1e-9, "1 s: the mean of the 10 samples in (9, 10]");
        assertEquals(390, model.readoutAt(5.0).orElseThrow().valueOf("a"), 1e-9, "the read-out too");
        model.setSmoothingSeconds(5);
        assertEquals(390, model.legendValue(a), 1e-9, "5 s: 50 samples, half of each");
    }

    @Test
    void smoothingSkipsGapsAndSaysWhenThereIsNothing() {
        model.add(a);
        model.setSmoothingSeconds(1);
        for (int k = 1; k <= 20; k++) {
            a.add(k * 0.1, k <= 10 ? 10 * k : Double.NaN); // values up to t = 1.0, then gaps
        }
        assertTrue(Double.isNaN(model.legendValue(a)), "no sample in (1.0, 2.0] has a value");
        assertEquals((60 + 70 + 80 + 90 + 100) / 5.0, model.displayValue(a, 1.5), 1e-9,
                "(0.5, 1.5]: the five samples with values, gaps skipped");
    }

    /** A slider drag: changes of one path every 100 ms for 3 s, then one more 5 s later. */
    @Test
    void aSliderDragBecomesOneMarkerWithItsFinalValue() {
        MarkerList markers = model.markers();
        markers.add(5, "load ramps", ChartStyles.MARKER_TIMELINE);
        for (int k = 0; k <= 30; k++) {
            markers.add(10 + k * 0.1, "clients.web.ratePerSecond = " + (200 + 10 * k), ChartStyles.MARKER_USER,
                    "clients.web.ratePerSecond", 1);
            if (k == 15) {
                markers.add(11.5, "services.api.workersPerHost = 8", ChartStyles.MARKER_USER,
                        "services.api.workersPerHost", 1);
            }
        }
        markers.add(18, "clients.web.ratePerSecond = 150", ChartStyles.MARKER_USER, "clients.web.ratePerSecond", 1);
        assertEquals(4, markers.size(), "timeline, drag, other path, a later change");
        assertEquals(10, markers.t(1), 1e-9, "the drag's marker stays where it started");
        assertEquals("clients.web.ratePerSecond = 500", markers.label(1), "and shows its final value");
        assertEquals("services.api.workersPerHost = 8", markers.label(2));
        assertEquals(List.of(5.0, 10.0, 11.5, 18.0), List.of(markers.t(0), markers.t(1), markers.t(2), markers.t(3)));
    }
}
