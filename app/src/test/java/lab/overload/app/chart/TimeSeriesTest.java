package lab.overload.app.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TimeSeriesTest {

    @Test
    void wrapAroundKeepsTheNewestCapacityPointsOldestFirst() {
        TimeSeries s = new TimeSeries("x", "x", ChartStyles.SERIES_GOODPUT, 5);
        for (int k = 0; k < 12; k++) {
            s.add(k * 0.1, k * 10.0);
        }
        assertEquals(5, s.size(), "capacity bounds the size");
        for (int i = 0; i < 5; i++) {
            int k = 7 + i; // 12 added, the 5 newest are k = 7..11
            assertEquals(k * 0.1, s.t(i), 1e-12, "t(" + i + ")");
            assertEquals(k * 10.0, s.v(i), 0.0, "v(" + i + ")");
        }
        assertEquals(110.0, s.lastValue());
        assertEquals(1.1, s.lastT(), 1e-12);
    }

    @Test
    void defaultCapacityIsTenMinutesAtOneHundredMillis() {
        assertEquals(6000, new TimeSeries("x", "x", "series-x").capacity());
    }

    @Test
    void nanValuesAreKeptAsGaps() {
        TimeSeries s = new TimeSeries("x", "x", "series-x", 4);
        s.add(0, 1);
        s.add(1, Double.NaN);
        s.add(2, 3);
        assertTrue(Double.isNaN(s.v(1)));
        assertEquals(3, s.size());
    }

    @Test
    void emptySeriesHasNoLastValue() {
        TimeSeries s = new TimeSeries("x", "x", "series-x", 4);
        assertTrue(s.isEmpty());
        assertTrue(Double.isNaN(s.lastValue()));
        assertTrue(Double.isNaN(s.lastT()));
    }

    @Test
    void clearEmptiesAndAllowsTimeToStartAgain() {
        TimeSeries s = new TimeSeries("x", "x", "series-x", 3);
        for (int k = 0; k < 5; k++) {
            s.add(k, k);
        }
        s.clear();
        assertEquals(0, s.size());
        s.add(0, 42);
        assertEquals(42, s.v(0));
        assertEquals(1, s.size());
    }

    @Test
    void timeGoingBackwardsIsRejectedNamingTheSeries() {
        TimeSeries s = new TimeSeries("goodput", "goodput", "series-goodput", 3);
        s.add(5, 1);
        s.add(5, 2); // equal times are allowed
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.add(4.9, 1));
        assertTrue(e.getMessage().contains("goodput") && e.getMessage().contains("clear()"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.add(Double.NaN, 1));
    }

    @Test
    void lowerBoundSearchesInTimeOrderAfterWrapAround() {
        TimeSeries s = new TimeSeries("x", "x", "series-x", 4);
        for (int k = 0; k < 7; k++) {
            s.add(k, k); // holds t = 3, 4, 5, 6
        }
        assertEquals(0, s.lowerBound(0));
        assertEquals(0, s.lowerBound(3));
        assertEquals(1, s.lowerBound(3.5));
        assertEquals(3, s.lowerBound(6));
        assertEquals(4, s.lowerBound(6.01));
    }

    @Test
    void indicesOutsideTheHeldSamplesAreRejected() {
        TimeSeries s = new TimeSeries("x", "x", "series-x", 4);
        s.add(0, 0);
        assertThrows(IndexOutOfBoundsException.class, () -> s.t(1));
        assertThrows(IndexOutOfBoundsException.class, () -> s.v(-1));
    }

    @Test
    void capacityBelowTwoIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TimeSeries("x", "x", "series-x", 1));
        assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
    }

    @Test
    void dashedIsAFlagForReferenceLines() {
        TimeSeries little = new TimeSeries("little", "λ×W", ChartStyles.SERIES_LITTLE).setDashed(true);
        assertTrue(little.isDashed());
        assertFalse(new TimeSeries("x", "x", "series-x").isDashed());
    }
}
