package lab.overload.models.theory;

/**
 * Erlang A (Palm's model, M/M/c+M): Poisson arrivals at rate {@code λ}, {@code c} exponential
 * servers of rate {@code μ}, unlimited waiting room, and impatient customers: each waiting
 * customer abandons after an exponential patience with rate {@code θ} (mean patience
 * {@code 1/θ} seconds) unless service starts first. All rates are per second.
 *
 * <p>The number present is a birth–death chain with birth rate {@code λ} and death rate
 * <pre>
 *   d_n = min(n, c) μ + max(0, n - c) θ
 * </pre>
 * so {@code p_n ∝ t_n = ∏_{k=1..n} λ / d_k}. Because {@code d_n → ∞} the chain is stable for
 * every {@code λ} when {@code θ > 0}. Derived quantities (PASTA and Little's law):
 * <pre>
 *   P(wait)      = Σ_{n >= c} p_n                 an arrival finds all servers busy
 *   Lq           = Σ_{n > c} (n - c) p_n          mean number waiting
 *   P(abandon)   = θ Lq / λ                       abandonment flow over arrival flow
 *   E[Wq]        = Lq / λ                         mean wait over ALL arrivals, seconds
 *   served rate  = λ (1 - P(abandon)) = μ E[min(N, c)]
 * </pre>
 *
 * <p><b>Numerics and truncation.</b> Terms are summed by a scaled recursion (each {@code t_n}
 * kept as a mantissa times a tracked power of two, sums rescaled exactly by powers of two as the
 * largest term grows, see {@code BirthDeath}), so nothing overflows even for thousands of servers;
 * valid for {@code 2^-1000 <= λ/μ <= 2^1000}. States {@code 0..c} are always summed. Beyond {@code n >= c} the ratio {@code r = λ / d_{n+1}} bounds every later
 * ratio (d is increasing), hence {@code Σ_{j>n} j t_j <= t_n (n r/(1-r) + r/(1-r)²)}; the sum stops
 * once {@code r < 1} and this bound is below {@code 1e-17} of both the partial {@code Lq} and
 * {@code P(wait)} sums, i.e. the neglected tail is below double resolution for every output.
 * If reaching that point would need more than {@value #MAX_STATES} states (tiny {@code θ} with
 * {@code λ} well above {@code c μ}) the call is rejected.
 */
public final class ErlangA {
    /** Hard limit on the number of birth–death states summed. */
    public static final int MAX_STATES = 50_000_000;

    private ErlangA() {
    }

    /**
     * Probability that an arrival finds all servers busy and must wait, {@code Σ_{n>=c} p_n}.
     *
     * @param c      servers, {@code >= 1}
     * @param lambda arrival rate per second, finite, {@code > 0}
     * @param mu     service rate per server per second, finite, {@code > 0}
     * @param theta  abandonment rate per waiting customer per second, finite, {@code > 0}
     * @return probability in [0, 1]
     */
    public static double probabilityOfWaiting(int c, double lambda, double mu, double theta) {
        return solve(c, lambda, mu, theta)[0];
    }

    /**
     * Mean number waiting {@code Lq}.
     *
     * @param c      servers, {@code >= 1}
     * @param lambda arrival rate per second, finite, {@code > 0}
     * @param mu     service rate per server per second, finite, {@code > 0}
     * @param theta  abandonment rate per waiting customer per second, finite, {@code > 0}
     * @return {@code Lq}, customers
     */
    public static double meanQueueLength(int c, double lambda, double mu, double theta) {
        return solve(c, lambda, mu, theta)[2];
    }

    /**
     * Mean number in system {@code L = Σ n p_n}.
     *
     * @param c      servers, {@code >= 1}
     * @param lambda arrival rate per second, finite, {@code > 0}
     * @param mu     service rate per server per second, finite, {@code > 0}
     * @param theta  abandonment rate per waiting customer per second, finite, {@code > 0}
     * @return {@code L}, customers
     */
    public static double meanNumberInSystem(int c, double lambda, double mu, double theta) {
        return solve(c, lambda, mu, theta)[1];
    }

    /**
     * Probability an arrival abandons, {@code θ Lq / λ}.
     *
     * @param c      servers, {@code >= 1}
     * @param lambda arrival rate per second, finite, {@code > 0}
     * @param mu     service rate per server per second, finite, {@code > 0}
     * @param theta  abandonment rate per waiting customer per second, finite, {@code > 0}
     * @return probability in [0, 1)
     */
    public static double probabilityOfAbandonment(int c, double lambda, double mu, double theta) {
        return theta * meanQueueLength(c, lambda, mu, theta) / lambda;
    }

    /**
     * Mean wait in queue over all arrivals {@code Lq / λ}, seconds.
     *
     * @param c      servers, {@code >= 1}
     * @param lambda arrival rate per second, finite, {@code > 0}
     * @param mu     service rate per server per second, finite, {@code > 0}
     * @param theta  abandonment rate per waiting customer per second, finite, {@code > 0}
     * @return {@code E[Wq]}, seconds
     */
    public static double meanWaitInQueue(int c, double lambda, double mu, double theta) {
        return meanQueueLength(c, lambda, mu, theta) / lambda;
    }

    /**
     * Rate of served customers {@code λ (1 - P(abandon))}, per second.
     *
     * @param c      servers, {@code >= 1}
     * @param lambda arrival rate per second, finite, {@code > 0}
     * @param mu     service rate per server per second, finite, {@code > 0}
     * @param theta  abandonment rate per waiting customer per second, finite, {@code > 0}
     * @return served customers per second
     */
    public static double servedThroughput(int c, double lambda, double mu, double theta) {
        return lambda * (1.0 - probabilityOfAbandonment(c, lambda, mu, theta));
    }

    /** Returns {P(wait), L, Lq}. */
    private static double[] solve(int c, double lambda, double mu, double theta) {
        Args.atLeast("c", c, 1);
        Args.positive("lambda", lambda);
        Args.positive("mu", mu);
        Args.positive("theta", theta);
        double mode = c + Math.max(0.0, (lambda - c * mu) / theta);
        if (mode > MAX_STATES) {
            throw new IllegalArgumentException("theta must be in [" + (lambda - c * mu) / (MAX_STATES - c)
                    + ", +inf) for lambda=" + lambda + ", c*mu=" + c * mu + " (more than " + MAX_STATES
                    + " states needed), was " + theta);
        }
        return BirthDeath.solve(c, lambda, mu, theta, MAX_STATES, true);
    }
}
