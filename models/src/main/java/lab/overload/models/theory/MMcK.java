package lab.overload.models.theory;

/**
 * The M/M/c/K queue: Poisson arrivals at rate {@code λ}, {@code c} exponential servers of rate
 * {@code μ} each, and room for {@code K} customers in total (in service plus waiting,
 * {@code K >= c}). An arrival that finds {@code K} present is blocked and lost.
 *
 * <p>The number present is a birth–death chain on {@code 0..K} with birth rate {@code λ}
 * (for {@code n < K}) and death rate {@code min(n, c) μ}. Its stationary law is
 * <pre>
 *   p_n = p_0 ∏_{k=1..n} λ / (min(k, c) μ),      p_0 = 1 / Σ_{n=0..K} (that product)
 * </pre>
 * No stability condition is needed: {@code λ >= c μ} is fine because the buffer is finite.
 * The products overflow or underflow doubles for large {@code K} (e.g. {@code ρ = 2, K = 5000}
 * needs {@code 2^5000}), so they are summed by a scaled recursion (mantissa times a tracked power
 * of two, see {@code BirthDeath}); when {@code λ == c·μ} in floating point every ratio beyond
 * {@code c} is exactly 1
 * and the sums are exact. Cost is {@code O(K)} time, {@code O(1)} memory. Valid for
 * {@code 2^-1000 <= λ/μ <= 2^1000}.
 *
 * <pre>
 *   blocking P_K = p_K   (PASTA: the fraction of arrivals that find the system full)
 *   throughput   λ_eff = λ (1 - p_K)          admitted = served items per second
 *   L  = Σ n p_n,   Lq = Σ max(0, n - c) p_n  items
 *   W  = L / λ_eff, Wq = Lq / λ_eff           seconds, for admitted items (Little's law)
 * </pre>
 */
public final class MMcK {
    private MMcK() {
    }

    /**
     * Blocking probability {@code p_K}.
     *
     * @param c      servers, {@code >= 1}
     * @param k      total capacity incl. those in service, {@code k >= c}
     * @param lambda offered arrival rate per second, finite, {@code > 0}
     * @param mu     service rate per server per second, finite, {@code > 0}
     * @return probability in (0, 1)
     */
    public static double blockingProbability(int c, int k, double lambda, double mu) {
        return solve(c, k, lambda, mu)[0];
    }

    /**
     * Throughput of admitted (and eventually served) items, {@code λ (1 - p_K)}.
     *
     * @param c      servers, {@code >= 1}
     * @param k      total capacity incl. those in service, {@code k >= c}
     * @param lambda offered arrival rate per second, finite, {@code > 0}
     * @param mu     service rate per server per second, finite, {@code > 0}
     * @return items per second
     */
    public static double throughput(int c, int k, double lambda, double mu) {
        return lambda * (1.0 - solve(c, k, lambda, mu)[0]);
    }

    /**
     * Mean number in system {@code L = Σ n p_n}.
     *
     * @param c      servers, {@code >= 1}
     * @param k      total capacity incl. those in service, {@code k >= c}
     * @param lambda offered arrival rate per second, finite, {@code > 0}
     * @param mu     service rate per server per second, finite, {@code > 0}
     * @return {@code L}, items
     */
    public static double meanNumberInSystem(int c, int k, double lambda, double mu) {
        return solve(c, k, lambda, mu)[1];
    }

    /**
     * Mean number waiting {@code Lq = Σ (n - c)+ p_n}.
     *
     * @param c      servers, {@code >= 1}
     * @param k      total capacity incl. those in service, {@code k >= c}
     * @param lambda offered arrival rate per second, finite, {@code > 0}
     * @param mu     service rate per server per second, finite, {@code > 0}
     * @return {@code Lq}, items
     */
    public static double meanQueueLength(int c, int k, double lambda, double mu) {
        return solve(c, k, lambda, mu)[2];
    }

    /**
     * Mean response time of admitted items {@code W = L / λ_eff}, seconds.
     *
     * @param c      servers, {@code >= 1}
     * @param k      total capacity incl. those in service, {@code k >= c}
     * @param lambda offered arrival rate per second, finite, {@code > 0}
     * @param mu     service rate per server per second, finite, {@code > 0}
     * @return {@code W}, seconds
     */
    public static double meanResponseTime(int c, int k, double lambda, double mu) {
        double[] s = solve(c, k, lambda, mu);
        return s[1] / (lambda * (1.0 - s[0]));
    }

    /**
     * Mean wait in queue of admitted items {@code Wq = Lq / λ_eff}, seconds.
     *
     * @param c      servers, {@code >= 1}
     * @param k      total capacity incl. those in service, {@code k >= c}
     * @param lambda offered arrival rate per second, finite, {@code > 0}
     * @param mu     service rate per server per second, finite, {@code > 0}
     * @return {@code Wq}, seconds
     */
    public static double meanWaitInQueue(int c, int k, double lambda, double mu) {
        double[] s = solve(c, k, lambda, mu);
        return s[2] / (lambda * (1.0 - s[0]));
    }

    /** Returns {p_K, L, Lq}. */
    private static double[] solve(int c, int k, double lambda, double mu) {
        Args.atLeast("c", c, 1);
        Args.inRange("k", k, c, Integer.MAX_VALUE - 1);
        Args.positive("lambda", lambda);
        Args.positive("mu", mu);
        double[] m = BirthDeath.solve(c, lambda, mu, 0.0, k, false);
        return new double[] {m[3], m[1], m[2]};
    }
}
