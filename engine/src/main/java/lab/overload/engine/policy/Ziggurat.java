package lab.overload.engine.policy;

import java.util.SplittableRandom;

/**
 * Exponential variates (mean 1) by the ziggurat method of Marsaglia and Tsang (2000), with 256 layers of equal area
 * under {@code e^-x}, and the layout of Doornik's ZIGNOR (the layer index and the uniform come from one 64-bit draw:
 * 8 bits for the layer, the top 53 for the uniform, so they are independent).
 *
 * <p>Why: the inverse transform {@code -ln(1 - U)} costs a logarithm per draw, and two draws per request were 16% of
 * an M/M/10 run even with {@link FdlibmLog}. Here about 98.9% of draws are one multiplication and one comparison;
 * the rest test the wedge between two layers ({@code exp}) or draw from the tail beyond {@code R}
 * ({@code R - ln U}, exact by memorylessness). The result has exactly the exponential distribution (up to the
 * 53-bit uniform).
 *
 * <p>Determinism: the tables are computed once from {@link StrictMath} and the draw uses only IEEE basic operations,
 * {@link StrictMath#exp} and {@link FdlibmLog#log}, so every JVM gives the same variates for the same stream.
 */
public final class Ziggurat {
    /** Right edge of the base layer (the start of the tail) for 256 layers. */
    static final double R = 7.69711747013104972;
    /** Area of each layer (and of the base layer with its tail). */
    static final double V = 0.0039496598225815571993;
    /** Layer edges: X[0] = V / f(R) (the base layer as a rectangle), X[1] = R, ..., X[256] = 0. */
    private static final double[] X = new double[257];
    /** F[i] = e^-X[i]. */
    private static final double[] F = new double[257];

    static {
        X[0] = V / StrictMath.exp(-R);
        X[1] = R;
        for (int i = 1; i < 256; i++) {
            X[i + 1] = -StrictMath.log(V / X[i] + StrictMath.exp(-X[i]));
        }
        X[256] = 0;
        for (int i = 0; i <= 256; i++) {
            F[i] = StrictMath.exp(-X[i]);
        }
    }

    private Ziggurat() {
    }

    /** One exponential variate with mean 1 from the stream. */
    public static double exponential(SplittableRandom random) {
        while (true) {
            long bits = random.nextLong();
            int i = (int) (bits & 0xff);
            double x = ((bits >>> 11) * 0x1.0p-53) * X[i];
            if (x < X[i + 1]) {
                return x; // inside the layer's rectangle under the curve
            }
            if (i == 0) {
                return R - FdlibmLog.log(1.0 - random.nextDouble()); // the tail beyond R
            }
            if (F[i + 1] + (F[i] - F[i + 1]) * random.nextDouble() < StrictMath.exp(-x)) {
                return x; // in the wedge, under the curve
            }
        }
    }

    /** The layer edges, for tests. */
    static double edge(int i) {
        return X[i];
    }
}
