package lab.overload.engine.metrics;

/** Sample mean and Student-t confidence half-widths for replications. */
public final class Stats {
    /** Two-sided 95% Student-t quantiles t(0.975, df) for df = 1..30. */
    private static final double[] T975 = {12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624,
        2.306004, 2.262157, 2.228139, 2.200985, 2.178813, 2.160369, 2.144787, 2.131450, 2.119905, 2.109816,
        2.100922, 2.093024, 2.085963, 2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831,
        2.048407, 2.045230, 2.042272};

    private Stats() {
    }

    public static double mean(double[] xs) {
        if (xs.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s / xs.length;
    }

    /** Sample standard deviation (n - 1 denominator); NaN for fewer than two values. */
    public static double stdDev(double[] xs) {
        if (xs.length < 2) {
            return Double.NaN;
        }
        double m = mean(xs);
        double ss = 0;
        for (double x : xs) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (xs.length - 1));
    }

    /** Half-width of the 95% confidence interval of the mean: t(0.975, n-1) s / sqrt(n). NaN for n < 2. */
    public static double halfWidth95(double[] xs) {
        int n = xs.length;
        if (n < 2) {
            return Double.NaN;
        }
        return t975(n - 1) * stdDev(xs) / Math.sqrt(n);
    }

    /** t(0.975, df): tabulated to df 30, then the Cornish-Fisher expansion around z = 1.959964. */
    public static double t975(int df) {
        if (df < 1) {
            throw new IllegalArgumentException("df must be at least 1, was " + df);
        }
        if (df <= T975.length) {
            return T975[df - 1];
        }
        double z = 1.959963985;
        double g1 = (z * z * z + z) / 4;
        double g2 = (5 * Math.pow(z, 5) + 16 * z * z * z + 3 * z) / 96;
        return z + g1 / df + g2 / ((double) df * df);
    }
}
