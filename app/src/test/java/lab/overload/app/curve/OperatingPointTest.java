package lab.overload.app.curve;

import static lab.overload.app.curve.Fixtures.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OperatingPointTest {
    @Test
    void theDotIsTheLastSecondsOfferedLoadAndGoodput() {
        OperatingPoint p = new OperatingPoint();
        assertTrue(p.isEmpty());
        assertTrue(Double.isNaN(p.offeredPerSecond()));
        for (int i = 0; i < 10; i++) {
            p.add(snapshot(i, 25, 24, 25, 80)); // 250 offered/s, 240 goodput/s over 100 ms intervals
        }
        assertEquals(250, p.offeredPerSecond(), 1e-9);
        assertEquals(240, p.goodputPerSecond(), 1e-9);
        assertEquals(250, p.throughputPerSecond(), 1e-9);
        assertEquals(80, p.latencyP99Millis(), 1e-9);
        // Overload arrives: five intervals at 400/s with nothing succeeding, then five more.
        for (int i = 10; i < 15; i++) {
            p.add(snapshot(i, 40, 0, 26, Double.NaN));
        }
        assertEquals((5 * 25 + 5 * 40) / 1.0, p.offeredPerSecond(), 1e-9, "half the window at each load");
        assertEquals(5 * 24 / 1.0, p.goodputPerSecond(), 1e-9);
        assertEquals(80, p.latencyP99Millis(), 1e-9, "intervals without successes carry no p99");
        for (int i = 15; i < 20; i++) {
            p.add(snapshot(i, 40, 0, 26, Double.NaN));
        }
        assertEquals(400, p.offeredPerSecond(), 1e-9, "the window holds the last " + OperatingPoint.WINDOW);
        assertEquals(0, p.goodputPerSecond(), 1e-9);
        assertTrue(Double.isNaN(p.latencyP99Millis()));
        assertEquals(20, p.trailSize());
        assertEquals(250, p.trailOffered(9), 1e-9);
        assertEquals(400, p.trailOffered(19), 1e-9, "the newest trail position is the dot");
        p.clear();
        assertTrue(p.isEmpty());
        assertEquals(0, p.trailSize());
        assertThrows(IndexOutOfBoundsException.class, () -> p.trailOffered(0));
    }

    @Test
    void theTrailKeepsTheLastThirtyPositions() {
        OperatingPoint p = new OperatingPoint();
        for (int i = 0; i < 45; i++) {
            p.add(snapshot(i, i, 0, 0, Double.NaN));
        }
        assertEquals(OperatingPoint.TRAIL, p.trailSize());
        // Position 0 is after interval 15: the mean of intervals 6..15 offered (10 per interval of 100 ms).
        assertEquals((6 + 15) / 2.0 * 10, p.trailOffered(0), 1e-9);
        assertEquals((35 + 44) / 2.0 * 10, p.trailOffered(OperatingPoint.TRAIL - 1), 1e-9);
    }
}
