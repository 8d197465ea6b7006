package lab.overload.app.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChartModelTest {
    private final ChartModel model = new ChartModel();
    private final TimeSeries a = new TimeSeries("a", "A", ChartStyles.SERIES_THROUGHPUT);
    private final TimeSeries b = new TimeSeries("b", "B", ChartStyles.SERIES_GOODPUT);

    @Test
    void beforeAFullWindowTheAxisShowsZeroToWindow() {
        model.setWindowSeconds(30);
        a.add(0, 1);
        a.add(12.5, 1);
        model.add(a);
        assertEquals(30, model.windowEnd());
    }

    @Test
    void theWindowsRightEdgeFollowsTheNewestSampleOfAnySeries() {
        model.setWindowSeconds(30);
        model.add(a);
        model.add(b);
        for (int k = 0; k <= 1000; k++) {
            a.add(k * 0.1, k); // up to t = 100
        }
        b.add(100.4, 1);
        assertEquals(100.4, model.windowEnd(), 1e-9);
        a.add(101, 1);
        assertEquals(101, model.windowEnd(), 1e-9);
    }

    @Test
    void linearValueAxisStartsAtZeroAndUsesOnlyVisibleSamples() {
        model.setWindowSeconds(30);
        model.add(a);
        a.add(0, 5000); // scrolled out once t passes 30
        for (int t = 1; t <= 100; t++) {
            a.add(t, 200 + t % 3 * 49); // 200..298 visible
        }
        Ticks y = model.yTicks(70, 100, 5);
        assertEquals(0, y.lo(), "linear axes start at 0");
        assertEquals(300, y.hi(), "nice step 100 covering 298, not the 5000 outside the window");
    }

    @Test
    void logValueAxisSkipsNonPositiveValuesAndShowsDecades() {
        model.add(a);
        model.setLogScale(true);
        double[] values = {0, -3, 0.3, 45, 2000, Double.NaN};
        for (int i = 0; i < values.length; i++) {
            a.add(i, values[i]);
        }
        Ticks y = model.yTicks(0, 120, 5);
        assertArrayEquals(new double[] {0.1, 1, 10, 100, 1000, 10000}, y.values());
    }

    @Test
    void readoutSnapsToTheNearestSampleTimeOverAllSeries() {
        model.add(a);
        model.add(b);
        for (int t = 0; t <= 3; t++) {
            a.add(t, 10 * t); // a sampled every second
        }
        b.add(0, 0);
        b.add(2, 100); // b sampled every two seconds
        Readout r = model.readoutAt(1.2).orElseThrow();
        assertEquals(1.0, r.tSeconds(), "1.2 is nearest to a's sample at 1");
        assertEquals(10, r.valueOf("a"), 0.0, "a has a sample at exactly t=1");
        assertEquals(50, r.valueOf("b"), 1e-12, "b is interpolated half way between (0,0) and (2,100)");
        assertEquals(2, r.rows().size());
        assertEquals("A", r.rows().get(0).name(), "rows in legend order");
    }

    @Test
    void readoutIsNanOutsideASeriesAndNextToGaps() {
        model.add(a);
        model.add(b);
        a.add(0, 1);
        a.add(1, Double.NaN);
        a.add(2, 3);
        a.add(5, 4);
        b.add(4, 7);
        Readout early = model.readoutAt(0.6).orElseThrow();
        assertEquals(1.0, early.tSeconds());
        assertTrue(Double.isNaN(early.valueOf("a")), "the sample at t=1 is a gap");
        assertTrue(Double.isNaN(early.valueOf("b")), "b starts at t=4");
        Readout late = model.readoutAt(99).orElseThrow();
        assertEquals(5.0, late.tSeconds(), "past the end snaps to the newest sample");
        assertTrue(Double.isNaN(late.valueOf("b")), "b ended at t=4");
        assertTrue(Double.isNaN(late.valueOf("nope")));
    }

    @Test
    void readoutOfAnEmptyChartIsEmpty() {
        model.add(a);
        assertTrue(model.readoutAt(3).isEmpty());
    }

    @Test
    void seriesIdsAreUniqueAndWindowsPositive() {
        model.add(a);
        assertThrows(IllegalArgumentException.class, () -> model.add(new TimeSeries("a", "again", "series-x")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.setWindowSeconds(0));
        assertTrue(e.getMessage().contains("positive"), e.getMessage());
    }

    @Test
    void markersKeepOnlyTheNewest200() {
        for (int k = 0; k < 250; k++) {
            model.markers().add(k, "m" + k, ChartStyles.MARKER_USER);
        }
        assertEquals(ChartModel.MARKER_CAPACITY, model.markers().size());
        assertEquals(50, model.markers().t(0), "the 50 oldest were dropped");
        assertEquals("m249", model.markers().label(199));
    }
}
