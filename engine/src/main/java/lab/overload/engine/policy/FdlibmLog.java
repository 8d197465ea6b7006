package lab.overload.engine.policy;

/**
 * The natural logarithm, computed by fdlibm's {@code __ieee754_log} algorithm in Java, so its results are
 * bit-for-bit those of {@link StrictMath#log} (which the Java specification defines as fdlibm's) on every JVM.
 *
 * <p>Why not call {@code StrictMath.log}: on Java 17 it is a native call into a C build of fdlibm, which alone took
 * 12-14% of an M/M/10 run (two logarithms per request); the same operations compiled by the JIT cost about a quarter
 * less per call (16-23 against 22-30 ns in a loop of draws; see docs/benchmarks.md).
 * {@code Math.log} would be faster still but may differ in the last bit between JVMs and platforms, which would break
 * cross-JVM determinism. {@code FdlibmLogTest} checks bit equality with {@code StrictMath.log} on special values,
 * subnormals, powers of two and millions of random inputs.
 *
 * <p>The method: write x = 2^k (1 + f) with sqrt(2)/2 < 1 + f < sqrt(2); then log(1 + f) = 2s + s R(s^2) with
 * s = f / (2 + f), where R is a degree-14 minimax polynomial in s (coefficients Lg1..Lg7, error below 2^-58.45), and
 * log(x) = k ln2_hi + (f - (hfsq - (s (hfsq + R) + k ln2_lo))) with hfsq = f^2 / 2, ln2 split so that k ln2_hi is
 * exact.
 */
public final class FdlibmLog {
    private static final double LN2_HI = 6.93147180369123816490e-01; // 0x3fe62e42_fee00000
    private static final double LN2_LO = 1.90821492927058770002e-10; // 0x3dea39ef_35793c76
    private static final double TWO54 = 1.80143985094819840000e+16; // 0x43500000_00000000
    private static final double LG1 = 6.666666666666735130e-01; // 0x3FE55555_55555593
    private static final double LG2 = 3.999999999940941908e-01; // 0x3FD99999_9997FA04
    private static final double LG3 = 2.857142874366239149e-01; // 0x3FD24924_94229359
    private static final double LG4 = 2.222219843214978396e-01; // 0x3FCC71C5_1D8E78AF
    private static final double LG5 = 1.818357216161805012e-01; // 0x3FC74664_96CB03DE
    private static final double LG6 = 1.531383769920937332e-01; // 0x3FC39A09_D078C69F
    private static final double LG7 = 1.479819860511658591e-01; // 0x3FC2F112_DF3E5244

    private FdlibmLog() {
    }

    /** The natural logarithm of x, bit-identical to {@link StrictMath#log}. */
    public static double log(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int hx = (int) (bits >> 32);
        int lx = (int) bits;
        int k = 0;
        if (hx < 0x00100000) { // x < 2^-1022: zero, negative, subnormal
            if (((hx & 0x7fffffff) | lx) == 0) {
                return Double.NEGATIVE_INFINITY;
            }
            if (hx < 0) {
                return Double.NaN;
            }
            k -= 54;
            x *= TWO54; // scale a subnormal up
            bits = Double.doubleToRawLongBits(x);
            hx = (int) (bits >> 32);
        }
        if (hx >= 0x7ff00000) {
            return x + x; // +infinity or NaN
        }
        k += (hx >> 20) - 1023;
        hx &= 0x000fffff;
        int i = (hx + 0x95f64) & 0x100000;
        // normalise x or x/2 into [sqrt(2)/2, sqrt(2)): replace the high word, keep the low word
        x = Double.longBitsToDouble(((long) (hx | (i ^ 0x3ff00000)) << 32) | (bits & 0xffffffffL));
        k += i >> 20;
        double f = x - 1.0;
        if ((0x000fffff & (2 + hx)) < 3) { // -2^-20 <= f < 2^-20
            if (f == 0.0) {
                if (k == 0) {
                    return 0.0;
                }
                double dk = k;
                return dk * LN2_HI + dk * LN2_LO;
            }
            double r = f * f * (0.5 - 0.33333333333333333 * f);
            if (k == 0) {
                return f - r;
            }
            double dk = k;
            return dk * LN2_HI - ((r - dk * LN2_LO) - f);
        }
        double s = f / (2.0 + f);
        double dk = k;
        double z = s * s;
        i = hx - 0x6147a;
        double w = z * z;
        int j = 0x6b851 - hx;
        double t1 = w * (LG2 + w * (LG4 + w * LG6));
        double t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
        i |= j;
        double r = t2 + t1;
        if (i > 0) {
            double hfsq = 0.5 * f * f;
            if (k == 0) {
                return f - (hfsq - s * (hfsq + r));
            }
            return dk * LN2_HI - ((hfsq - (s * (hfsq + r) + dk * LN2_LO)) - f);
        }
        if (k == 0) {
            return f - s * (f - r);
        }
        return dk * LN2_HI - ((s * (f - r) - dk * LN2_LO) - f);
    }
}
