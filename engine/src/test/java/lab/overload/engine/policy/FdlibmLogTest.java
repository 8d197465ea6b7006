package lab.overload.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link FdlibmLog#log} must equal {@link StrictMath#log} bit for bit, or simulations would change. */
class FdlibmLogTest {
    private static void same(double x) {
        long expected = Double.doubleToRawLongBits(StrictMath.log(x));
        long actual = Double.doubleToRawLongBits(FdlibmLog.log(x));
        if (Double.isNaN(StrictMath.log(x))) {
            assertTrue(Double.isNaN(FdlibmLog.log(x)), "log(" + x + ") must be NaN");
        } else {
            assertEquals(expected, actual, () -> "log(" + x + "): StrictMath " + StrictMath.log(x) + ", port "
                    + FdlibmLog.log(x));
        }
    }

    @Test
    void specialValues() {
        double[] xs = {0.0, -0.0, 1.0, -1.0, 2.0, 0.5, Math.E, 10.0, Double.MIN_VALUE, 3 * Double.MIN_VALUE,
            Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL), Double.MAX_VALUE, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NaN, Math.nextUp(1.0), Math.nextDown(1.0), 1 + 0x1p-21, 1 - 0x1p-21,
            Math.sqrt(2), Math.sqrt(0.5), 1e-310, 1e300};
        for (double x : xs) {
            same(x);
        }
        assertEquals(Double.NEGATIVE_INFINITY, FdlibmLog.log(0.0));
        assertEquals(0.0, FdlibmLog.log(1.0));
    }

    @Test
    void everyPowerOfTwoAndItsNeighbours() {
        for (int e = -1074; e <= 1023; e++) {
            double x = Math.scalb(1.0, e);
            same(x);
            same(Math.nextUp(x));
            same(Math.nextDown(x));
        }
    }

    @Test
    void uniformDrawsAsTheSamplersUseThem() {
        SplittableRandom r = new SplittableRandom(20261126);
        for (int i = 0; i < 2_000_000; i++) {
            same(1.0 - r.nextDouble());
        }
    }

    @Test
    void arbitraryPositiveDoubles() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 1_000_000; i++) {
            same(Double.longBitsToDouble(r.nextLong() & Long.MAX_VALUE));
        }
    }

    @Test
    void nearOne() {
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < 500_000; i++) {
            same(1.0 + (r.nextDouble() - 0.5) * 0x1p-18);
        }
    }
}
