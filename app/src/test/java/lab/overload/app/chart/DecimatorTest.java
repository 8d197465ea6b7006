package lab.overload.app.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimatorTest {
    private static final int POINTS = 6000;
    private static final double DT = 0.1;

    @Test
    void aOneSampleSpikeSurvivesDecimationToOneColumnPerSecond() {
        TimeSeries s = series();
        for (int i = 0; i < POINTS; i++) {
            s.add(i * DT, i == 3001 ? 1000 : 10 + (i % 7));
        }
        Decimator d = new Decimator();
        int columns = 600; // 600 s at 1 px per second: 10 samples per column
        int n = d.run(s, 0, s.size(), 0, 1.0, false);
        assertTrue(n <= 2 * columns, "at most two points per column, got " + n);
        boolean spike = false;
        for (int i = 0; i < n; i++) {
            spike |= d.v(i) == 1000 && d.t(i) == s.t(3001);
        }
        assertTrue(spike, "the spike at t=300.1 must be among the decimated points");
    }

    @Test
    void everyColumnKeepsExactlyItsMinimumAndMaximum() {
        TimeSeries s = series();
        Random random = new Random(7);
        for (int i = 0; i < POINTS; i++) {
            s.add(i * DT, random.nextGaussian());
        }
        double pxPerSecond = 0.5; // 20 samples per column, 300 columns
        int columns = 300;
        double[] min = new double[columns];
        double[] max = new double[columns];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < s.size(); i++) {
            int c = (int) Math.floor(s.t(i) * pxPerSecond);
            min[c] = Math.min(min[c], s.v(i));
            max[c] = Math.max(max[c], s.v(i));
        }
        Decimator d = new Decimator();
        int n = d.run(s, 0, s.size(), 0, pxPerSecond, false);
        assertEquals(2 * columns, n, "random data has min != max in every column");
        for (int i = 0; i < n; i += 2) {
            int c = (int) Math.floor(d.t(i) * pxPerSecond);
            assertEquals(c, (int) Math.floor(d.t(i + 1) * pxPerSecond), "pairs share a column");
            assertTrue(d.t(i) < d.t(i + 1), "points within a column stay in time order");
            assertEquals(min[c], Math.min(d.v(i), d.v(i + 1)), 0.0, "column " + c + " min");
            assertEquals(max[c], Math.max(d.v(i), d.v(i + 1)), 0.0, "column " + c + " max");
        }
    }

    @Test
    void sparseSamplesPassThroughUnchanged() {
        TimeSeries s = series();
        for (int i = 0; i < 10; i++) {
            s.add(i, i * i);
        }
        Decimator d = new Decimator();
        int n = d.run(s, 0, s.size(), 0, 50, false); // 50 px per sample
        assertEquals(10, n);
        for (int i = 0; i < n; i++) {
            assertEquals(i * i, d.v(i), 0.0);
        }
    }

    @Test
    void gapsBreakTheLineOnceAndLogScaleTreatsNonPositiveValuesAsGaps() {
        TimeSeries s = series();
        double[] values = {1, 2, Double.NaN, Double.NaN, 3, 0, -1, 4};
        for (int i = 0; i < values.length; i++) {
            s.add(i, values[i]);
        }
        Decimator d = new Decimator();
        int linear = d.run(s, 0, s.size(), 0, 10, false);
        assertEquals(7, linear, "two NaNs collapse into one break: 1, 2, break, 3, 0, -1, 4");
        assertTrue(Double.isNaN(d.v(2)));
        int log = d.run(s, 0, s.size(), 0, 10, true);
        assertEquals(6, log, "1, 2, break, 3, break, 4");
        assertTrue(Double.isNaN(d.v(2)) && Double.isNaN(d.v(4)));
        assertEquals(4, d.v(5));
    }

    private static TimeSeries series() {
        return new TimeSeries("s", "s", ChartStyles.SERIES_THROUGHPUT, POINTS);
    }
}
