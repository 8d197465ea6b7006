package lab.overload.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Sampler#round} must be {@link Math#round(double)} exactly, or every rounded duration could move. */
class SamplerRoundTest {
    private static void same(double x) {
        assertEquals(Math.round(x), Sampler.round(x), () -> "round(" + x + ")");
    }

    @Test
    void halvesEdgesAndSpecialValues() {
        double[] xs = {0.0, -0.0, 0.5, 1.5, 2.5, 0.49999999999999994, Math.nextUp(0.5), Math.nextDown(0.5),
            Math.nextDown(1.0), 1.0, 4503599627370495.5, 0x1p52, Math.nextDown(0x1p52), Math.nextUp(0x1p52), 0x1p53,
            0x1p62, 0x1p63, 1e300, Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
            -0.5, -1.5, -2.5, -0.49999999999999994, Double.MIN_VALUE, 1e-300};
        for (double x : xs) {
            same(x);
        }
    }

    @Test
    void randomValuesOverManyScales() {
        SplittableRandom r = new SplittableRandom(13);
        for (int i = 0; i < 2_000_000; i++) {
            double scale = Math.scalb(1.0, r.nextInt(-4, 56));
            same((r.nextDouble() - 0.1) * scale);
            same(Math.floor(r.nextDouble() * scale) + 0.5); // exact halves
        }
    }
}
