package lab.overload.engine.run;

import lab.overload.engine.metrics.Stats;

/**
 * Student-t 99% confidence intervals for the mean of a few independent replications: the two-sided quantile
 * t(0.995, df), tabulated for df = 1..30 and from the Cornish-Fisher expansion in 1/df beyond, and the half-width
 * {@code t(0.995, n-1) s / sqrt(n)} of the mean of n values with sample standard deviation s.
 */
final class StudentT {
    /** Two-sided 99% Student-t quantiles t(0.995, df) for df = 1..30. */
    private static final double[] T995 = {63.656741, 9.924843, 5.840909, 4.604095, 4.032143, 3.707428, 3.499483,
        3.355387, 3.249836, 3.169273, 3.105807, 3.054540, 3.012276, 2.976843, 2.946713, 2.920782, 2.898231,
        2.878440, 2.860935, 2.845340, 2.831360, 2.818756, 2.807336, 2.796940, 2.787436, 2.778715, 2.770683,
        2.763262, 2.756386, 2.749996};

    private StudentT() {
    }

    /** Two-sided 99% Student-t quantile: tabulated to df 30, then the Cornish-Fisher expansion. */
    static double t995(int df) {
        if (df < 1) {
            throw new IllegalArgumentException("df must be at least 1, was " + df);
        }
        if (df <= T995.length) {
            return T995[df - 1];
        }
        double z = 2.5758293035489;
        double z3 = z * z * z;
        double z5 = z3 * z * z;
        double z7 = z5 * z * z;
        double g1 = (z3 + z) / 4;
        double g2 = (5 * z5 + 16 * z3 + 3 * z) / 96;
        double g3 = (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / 384;
        double d = df;
        return z + g1 / d + g2 / (d * d) + g3 / (d * d * d);
    }

    /** Student-t 99% half-width of the mean of xs; NaN for fewer than two values. */
    static double halfWidth99(double[] xs) {
        if (xs.length < 2) {
            return Double.NaN;
        }
        return t995(xs.length - 1) * Stats.stdDev(xs) / Math.sqrt(xs.length);
    }
}
