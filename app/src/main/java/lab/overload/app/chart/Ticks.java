package lab.overload.app.chart;

import java.util.Locale;

/**
 * Axis ticks: "nice" linear steps of 1, 2 or 5 × 10<sup>k</sup>, or whole decades for a log axis.
 *
 * <p>A linear step is the smallest nice number at least {@code (max − min) / target}, so an axis gets at most about
 * {@code target} intervals; 0–347 with a target of 8 gives a step of 50 (0, 50, …, 350), with a target of 5 a step of
 * 100 (0, 100, …, 400). Tick values are computed as {@code k × step} from the integer {@code k}, never by repeated
 * addition, so 0.1 + 0.2 drift cannot creep into labels. Immutable.
 */
public final class Ticks {
    private static final double EPS = 1e-9;

    private final boolean log;
    private final long firstK;
    private final int mantissa;
    private final int exponent;
    private final int count;

    private Ticks(boolean log, long firstK, int mantissa, int exponent, int count) {
        this.log = log;
        this.firstK = firstK;
        this.mantissa = mantissa;
        this.exponent = exponent;
        this.count = count;
    }

    /** Ticks whose first and last values enclose {@code [min, max]} (for an auto-scaled value axis). */
    public static Ticks linear(double min, double max, int target) {
        return linear(min, max, target, true);
    }

    /** Ticks that fall inside {@code [min, max]} (for a scrolling time axis). */
    public static Ticks within(double min, double max, int target) {
        return linear(min, max, target, false);
    }

    private static Ticks linear(double min, double max, int target, boolean enclose) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || max < min) {
            throw new IllegalArgumentException("tick range must be finite with min <= max, got " + min + ".." + max);
        }
        if (max == min) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
            min -= enclose && min == 0 ? 0 : pad;
            max += pad;
        }
        double raw = (max - min) / Math.max(1, target);
        int e = (int) Math.floor(Math.log10(raw));
        double f = raw / pow10(e);
        int m;
        if (f <= 1 + EPS) {
            m = 1;
        } else if (f <= 2 + EPS) {
            m = 2;
        } else if (f <= 5 + EPS) {
            m = 5;
        } else {
            m = 1;
            e++;
        }
        double step = m * pow10(e);
        long k0 = enclose ? (long) Math.floor(min / step + EPS) : (long) Math.ceil(min / step - EPS);
        long k1 = enclose ? (long) Math.ceil(max / step - EPS) : (long) Math.floor(max / step + EPS);
        return new Ticks(false, k0, m, e, (int) Math.max(0, k1 - k0 + 1));
    }

    /**
     * Whole decades enclosing {@code [minPositive, max]}: 0.3–2000 gives 0.1, 1, 10, 100, 1000, 10000.
     *
     * @param minPositive smallest value to show, {@code > 0}
     * @param max         largest value to show, {@code >= minPositive}
     */
    public static Ticks logDecades(double minPositive, double max) {
        if (!(minPositive > 0) || !Double.isFinite(max) || max < minPositive) {
            throw new IllegalArgumentException(
                    "log range must satisfy 0 < min <= max, got " + minPositive + ".." + max);
        }
        int a = (int) Math.floor(Math.log10(minPositive) + EPS);
        int b = (int) Math.ceil(Math.log10(max) - EPS);
        if (b <= a) {
            b = a + 1;
        }
        return new Ticks(true, a, 1, 0, b - a + 1);
    }

    public boolean isLog() {
        return log;
    }

    public int count() {
        return count;
    }

    /** Distance between linear ticks ({@code NaN} for log ticks, whose ratio is 10). */
    public double step() {
        return log ? Double.NaN : mantissa * pow10(exponent);
    }

    /** The {@code i}-th tick value, ascending. */
    public double value(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("tick " + i + " outside 0.." + (count - 1));
        }
        long k = firstK + i;
        if (log) {
            return pow10((int) k);
        }
        return exponent >= 0 ? k * mantissa * pow10(exponent) : (k * mantissa) / pow10(-exponent);
    }

    /** First tick value, or {@code NaN} when there are none. */
    public double lo() {
        return count == 0 ? Double.NaN : value(0);
    }

    /** Last tick value, or {@code NaN} when there are none. */
    public double hi() {
        return count == 0 ? Double.NaN : value(count - 1);
    }

    /** All tick values, ascending (allocates; for tests and one-off use). */
    public double[] values() {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = value(i);
        }
        return out;
    }

    /** The label of the {@code i}-th tick: as many decimals as the step needs, thousands as k and millions as M. */
    public String label(int i) {
        double v = value(i);
        if (v == 0) {
            return "0";
        }
        if (log) {
            int e = (int) (firstK + i);
            return e >= 6 ? trim(v / 1e6, 0) + "M" : e >= 3 ? trim(v / 1e3, 0) + "k" : trim(v, Math.max(0, -e));
        }
        double big = Math.max(Math.abs(lo()), Math.abs(hi()));
        if (big >= 1e6 && exponent >= 5) {
            return trim(v / 1e6, Math.max(0, 6 - exponent)) + "M";
        }
        if (big >= 1e4 && exponent >= 3) {
            return trim(v / 1e3, 0) + "k";
        }
        return trim(v, Math.max(0, -exponent));
    }

    /** A legend or read-out number with about three significant digits, {@code "–"} for a gap. */
    public static String formatValue(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        double a = Math.abs(v);
        if (a >= 1e6) {
            return String.format(Locale.ROOT, "%.2fM", v / 1e6);
        }
        if (a >= 1e4) {
            return String.format(Locale.ROOT, "%.1fk", v / 1e3);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 0.01 || a == 0) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.2g", v);
    }

    private static String trim(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + Math.min(decimals, 9) + "f", v + 0.0);
    }

    static double pow10(int e) {
        return e >= 0 ? Math.pow(10, e) : 1 / Math.pow(10, -e);
    }

    @Override
    public String toString() {
        return (log ? "LogTicks" : "Ticks") + java.util.Arrays.toString(values());
    }
}
