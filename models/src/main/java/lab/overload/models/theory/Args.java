package lab.overload.models.theory;

/**
 * Package-private argument checks shared by the closed-form theory classes.
 *
 * <p>Every failure is an {@link IllegalArgumentException} whose message names the parameter,
 * states the allowed range in interval notation and echoes the rejected value, e.g.
 * {@code "mu must be finite and in (0, +inf), was -1.0"}.
 */
final class Args {
    private Args() {
    }

    /** Requires a finite value strictly greater than zero. */
    static double positive(String name, double value) {
        if (!(value > 0.0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and in (0, +inf), was " + value);
        }
        return value;
    }

    /** Requires a finite value greater than or equal to zero. */
    static double nonNegative(String name, double value) {
        if (!(value >= 0.0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and in [0, +inf), was " + value);
        }
        return value;
    }

    /** Requires a probability, i.e. a value in the closed interval [0, 1]. */
    static double probability(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be a probability in [0, 1], was " + value);
        }
        return value;
    }

    /** Requires a finite value that is at least {@code min}. */
    static double atLeast(String name, double value, double min) {
        if (!(value >= min) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and in [" + min + ", +inf), was " + value);
        }
        return value;
    }

    /** Requires an integer that is at least {@code min}. */
    static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be an integer in [" + min + ", " + Integer.MAX_VALUE
                    + "], was " + value);
        }
        return value;
    }

    /** Requires an integer in the closed range [min, max]. */
    static int inRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be an integer in [" + min + ", " + max + "], was " + value);
        }
        return value;
    }

    /** Requires the queue to be stable: offered work {@code lambda} strictly below capacity {@code capacity}. */
    static void stable(double lambda, double capacity, String capacityExpr) {
        if (!(lambda < capacity)) {
            throw new IllegalArgumentException("lambda must be in [0, " + capacityExpr + ") = [0, " + capacity
                    + ") for a stable queue, was " + lambda);
        }
    }
}
