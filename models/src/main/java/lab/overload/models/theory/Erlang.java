package lab.overload.models.theory;

/**
 * Erlang B (loss) and Erlang C (delay) formulas for {@code c} parallel servers offered
 * {@code a = λ/μ} Erlangs of Poisson traffic (a dimensionless load: mean number of busy servers
 * if nothing were lost).
 *
 * <h2>Erlang B (M/M/c/c, blocked calls cleared)</h2>
 * <pre>
 *   E_B(c, a) = (a^c / c!) / Σ_{k=0..c} a^k / k!
 * </pre>
 * is the probability that an arrival finds all {@code c} servers busy and is lost (insensitive to
 * the service distribution). Evaluating the powers and factorials directly overflows for
 * {@code c} in the hundreds, so the classical stable recursion is used:
 * <pre>
 *   B(0) = 1,   B(k) = a B(k-1) / (k + a B(k-1))
 * </pre>
 * Each step maps [0,1] into [0,1] and contracts errors, so it is accurate for any {@code c}.
 * When the answer itself would underflow a double (e.g. {@code c = 10000, a = 5000}) use
 * {@link #logErlangB}: with {@code I(k) = 1/B(k)} the recursion becomes
 * {@code I(k) = 1 + (k/a) I(k-1)}, i.e. in logs
 * {@code ln I(k) = log1pexp(ln(k/a) + ln I(k-1))}, where
 * {@code log1pexp(x) = ln(1 + e^x)} is evaluated without overflow.
 *
 * <h2>Erlang C (M/M/c, blocked calls wait)</h2>
 * <pre>
 *   E_C(c, a) = c E_B(c, a) / (c - a + a E_B(c, a)),    valid for 0 &lt;= a &lt; c
 * </pre>
 * is the probability that an arrival has to wait (all servers busy). It exists only for a stable
 * queue, {@code a < c} (utilisation {@code ρ = a/c < 1}).
 */
public final class Erlang {
    private Erlang() {
    }

    /**
     * Erlang B blocking probability.
     *
     * @param c number of servers, {@code c >= 0} ({@code c = 0} blocks everything: result 1)
     * @param a offered load in Erlangs, finite, {@code a >= 0}
     * @return {@code E_B(c, a)} in [0, 1]; may be 0 if the true value is below ~1e-308
     */
    public static double erlangB(int c, double a) {
        checkB(c, a);
        double b = 1.0;
        for (int k = 1; k <= c; k++) {
            b = a * b / (k + a * b);
        }
        return b < 1e-290 ? Math.exp(logErlangB(c, a)) : b;
    }

    /**
     * Natural logarithm of the Erlang B blocking probability, accurate where the probability
     * itself underflows. Absolute error is about {@code c × 1e-15}.
     *
     * @param c number of servers, {@code c >= 0}
     * @param a offered load in Erlangs, finite, {@code a >= 0}
     * @return {@code ln E_B(c, a)} in (-inf, 0]; {@code -inf} when {@code a = 0} and {@code c > 0}
     */
    public static double logErlangB(int c, double a) {
        checkB(c, a);
        if (c == 0) {
            return 0.0;
        }
        if (a == 0.0) {
            return Double.NEGATIVE_INFINITY;
        }
        double logInverse = 0.0; // ln I(0) = ln(1/B(0)) = 0
        for (int k = 1; k <= c; k++) {
            logInverse = log1pexp(Math.log(k / a) + logInverse);
        }
        return -logInverse;
    }

    /**
     * Erlang C probability of waiting for M/M/c.
     *
     * @param c number of servers, {@code c >= 1}
     * @param a offered load in Erlangs, finite, {@code 0 <= a < c}
     * @return {@code E_C(c, a)} in [0, 1)
     */
    public static double erlangC(int c, double a) {
        checkC(c, a);
        double b = erlangB(c, a);
        double value = c * b / ((c - a) + a * b);
        return value < 1e-290 ? Math.exp(logErlangC(c, a)) : value;
    }

    /**
     * Natural logarithm of the Erlang C probability of waiting,
     * {@code ln E_C = ln c + ln E_B - ln(c - a + a E_B)}; accurate where {@code E_C} underflows.
     *
     * @param c number of servers, {@code c >= 1}
     * @param a offered load in Erlangs, finite, {@code 0 <= a < c}
     * @return {@code ln E_C(c, a)}; {@code -inf} when {@code a = 0}
     */
    public static double logErlangC(int c, double a) {
        checkC(c, a);
        double logB = logErlangB(c, a);
        return Math.log(c) + logB - Math.log((c - a) + a * Math.exp(logB));
    }

    /** {@code ln(1 + e^x)} without overflow for large x or loss of precision for very negative x. */
    private static double log1pexp(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    private static void checkB(int c, double a) {
        Args.atLeast("c", c, 0);
        Args.nonNegative("a", a);
    }

    private static void checkC(int c, double a) {
        Args.atLeast("c", c, 1);
        Args.nonNegative("a", a);
        if (!(a < c)) {
            throw new IllegalArgumentException("a must be in [0, c) = [0, " + c + ") for Erlang C, was " + a);
        }
    }
}
