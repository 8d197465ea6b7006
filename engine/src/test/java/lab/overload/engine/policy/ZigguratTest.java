package lab.overload.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The ziggurat's variates against the exponential distribution, and its tables against their definition. */
class ZigguratTest {
    private static final int N = 2_000_000;

    private static double[] draws(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[N];
        for (int i = 0; i < N; i++) {
            v[i] = Ziggurat.exponential(r);
        }
        return v;
    }

    /**
     * Kolmogorov-Smirnov against 1 - e^-x: with 2 million draws, D must stay below the 1% critical value 1.63/sqrt(N)
     * = 0.00115 (a wrong table or wedge test moves D by far more).
     */
    @Test
    void distributionIsExponential() {
        double[] v = draws(20261126);
        Arrays.sort(v);
        double d = 0;
        for (int i = 0; i < N; i++) {
            double cdf = -Math.expm1(-v[i]);
            d = Math.max(d, Math.max(Math.abs(cdf - (double) i / N), Math.abs(cdf - (double) (i + 1) / N)));
        }
        assertTrue(d < 1.63 / Math.sqrt(N), "KS distance " + d + " over the 1% critical value " + 1.63 / Math.sqrt(N));
        assertTrue(v[0] >= 0, "no negative variates");
    }

    /** Mean, variance and tail shares within 4 standard errors (fixed seed). */
    @Test
    void momentsAndTails() {
        double[] v = draws(7);
        double sum = 0;
        double sum2 = 0;
        int[] over = new int[4];
        double[] at = {1, 3, 7.69711747013104972, 10}; // 7.697: the start of the tail
        for (double x : v) {
            sum += x;
            sum2 += x * x;
            for (int k = 0; k < at.length; k++) {
                over[k] += x > at[k] ? 1 : 0;
            }
        }
        double mean = sum / N;
        double var = sum2 / N - mean * mean;
        assertEquals(1.0, mean, 4 / Math.sqrt(N), "mean (sd of the mean 1/sqrt(N))");
        assertEquals(1.0, var, 4 * Math.sqrt(8.0 / N), "variance (sd about sqrt(8/N))");
        for (int k = 0; k < at.length; k++) {
            double p = Math.exp(-at[k]);
            double se = Math.sqrt(p * (1 - p) / N);
            assertEquals(p, (double) over[k] / N, 4 * se + 1.0 / N, "P(X > " + at[k] + ")");
        }
    }

    /** The recursion for the layer edges must land on 0 at the top: the layers then have equal area V. */
    @Test
    void layersCloseAtTheTop() {
        double x255 = Ziggurat.edge(255);
        // the last layer [0, X[255]] x [f(X[255]), 1] has area X[255] (1 - f(X[255])), which must be V
        assertEquals(Ziggurat.V, x255 * (1 - Math.exp(-x255)), 1e-12);
        assertEquals(Ziggurat.R, Ziggurat.edge(1));
        assertEquals(Ziggurat.V, Ziggurat.R * Math.exp(-Ziggurat.R) + Math.exp(-Ziggurat.R), 1e-15,
                "base layer: rectangle R f(R) plus the tail's area f(R)");
        for (int i = 1; i < 256; i++) {
            assertTrue(Ziggurat.edge(i + 1) < Ziggurat.edge(i), "edges decrease");
        }
    }

    /** Same stream, same variates (the sampler keeps no state of its own). */
    @Test
    void deterministicPerStream() {
        SplittableRandom a = new SplittableRandom(99);
        SplittableRandom b = new SplittableRandom(99);
        for (int i = 0; i < 100_000; i++) {
            assertEquals(Double.doubleToRawLongBits(Ziggurat.exponential(a)),
                    Double.doubleToRawLongBits(Ziggurat.exponential(b)));
        }
    }
}
