package lab.overload.engine.policy;

import java.util.SplittableRandom;
import lab.overload.models.scenario.Distribution;

/** Draws durations and sizes with a given mean from the distributions a scenario names. */
public final class Sampler {
    private Sampler() {
    }

    /**
     * One sample. EXPONENTIAL: {@code mean} times a unit exponential from the {@link Ziggurat}. LOGNORMAL with
     * coefficient of variation cv:
     * {@code s^2 = ln(1 + cv^2)}, {@code m = ln(mean) - s^2/2}, sample {@code exp(m + s Z)}.
     */
    public static double sample(Distribution d, double mean, double cv, SplittableRandom random) {
        return switch (d) {
            case CONSTANT -> mean;
            case EXPONENTIAL -> exponential(mean, random);
            case LOGNORMAL -> {
                if (cv == 0) {
                    yield mean;
                }
                double s2 = StrictMath.log1p(cv * cv);
                double m = FdlibmLog.log(mean) - s2 / 2;
                yield StrictMath.exp(m + StrictMath.sqrt(s2) * gaussian(random));
            }
        };
    }

    /** An exponential sample with the given mean, by the {@link Ziggurat}. */
    public static double exponential(double mean, SplittableRandom random) {
        return mean * Ziggurat.exponential(random);
    }

    /** Standard normal by the Box-Muller transform (one of the pair; stateless so streams stay simple). */
    public static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return StrictMath.sqrt(-2 * FdlibmLog.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
    }
}
