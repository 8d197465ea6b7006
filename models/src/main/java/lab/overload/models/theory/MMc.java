package lab.overload.models.theory;

/**
 * The M/M/c queue: Poisson arrivals at rate {@code λ} (per second), {@code c} identical servers
 * each completing exponential service at rate {@code μ} (per second, mean service {@code 1/μ}),
 * unlimited waiting room, first-come-first-served.
 *
 * <pre>
 *   a  = λ / μ                      offered load, Erlangs (mean busy servers)
 *   ρ  = λ / (c μ)                  per-server utilisation, must be &lt; 1
 *   Pw = E_C(c, a)                  probability an arrival waits (Erlang C, see {@link Erlang})
 *   Lq = Pw ρ / (1 - ρ) = Pw λ / (c μ - λ)     mean number waiting
 *   Wq = Lq / λ = Pw / (c μ - λ)               mean wait in queue, seconds
 *   W  = Wq + 1/μ                              mean response (sojourn) time, seconds
 *   L  = Lq + a = λ W                          mean number in system (Little's law)
 * </pre>
 * For {@code c = 1} these reduce to the M/M/1 closed forms {@code Pw = ρ},
 * {@code Lq = ρ²/(1-ρ)}, {@code W = 1/(μ - λ)}, {@code L = ρ/(1-ρ)}.
 *
 * <p>Validity: steady state exists only for {@code λ < c μ}; every method rejects other inputs.
 * The formulas use {@code c μ - λ} rather than {@code 1 - ρ} to avoid cancellation near saturation.
 */
public final class MMc {
    private MMc() {
    }

    /**
     * Per-server utilisation {@code ρ = λ / (c μ)}.
     *
     * @param c      servers, {@code >= 1}
     * @param lambda arrival rate per second, finite, {@code >= 0}
     * @param mu     service rate per server per second, finite, {@code > 0}
     * @return {@code ρ}; this method does not require stability and may return values {@code >= 1}
     */
    public static double utilization(int c, double lambda, double mu) {
        Args.atLeast("c", c, 1);
        Args.nonNegative("lambda", lambda);
        Args.positive("mu", mu);
        return lambda / (c * mu);
    }

    /**
     * Probability that an arrival has to wait, {@code E_C(c, λ/μ)}.
     *
     * @param c      servers, {@code >= 1}
     * @param lambda arrival rate per second, {@code 0 <= lambda < c mu}
     * @param mu     service rate per server per second, {@code > 0}
     * @return probability in [0, 1)
     */
    public static double probabilityOfWaiting(int c, double lambda, double mu) {
        check(c, lambda, mu);
        return Erlang.erlangC(c, lambda / mu);
    }

    /**
     * Mean number waiting (not in service) {@code Lq = Pw λ / (c μ - λ)}.
     *
     * @param c      servers, {@code >= 1}
     * @param lambda arrival rate per second, {@code 0 <= lambda < c mu}
     * @param mu     service rate per server per second, {@code > 0}
     * @return {@code Lq}, items
     */
    public static double meanQueueLength(int c, double lambda, double mu) {
        return probabilityOfWaiting(c, lambda, mu) * lambda / (c * mu - lambda);
    }

    /**
     * Mean time spent waiting before service {@code Wq = Pw / (c μ - λ)}, averaged over all
     * arrivals (including those that do not wait).
     *
     * @param c      servers, {@code >= 1}
     * @param lambda arrival rate per second, {@code 0 <= lambda < c mu}
     * @param mu     service rate per server per second, {@code > 0}
     * @return {@code Wq}, seconds
     */
    public static double meanWaitInQueue(int c, double lambda, double mu) {
        return probabilityOfWaiting(c, lambda, mu) / (c * mu - lambda);
    }

    /**
     * Mean response (sojourn) time {@code W = Wq + 1/μ}.
     *
     * @param c      servers, {@code >= 1}
     * @param lambda arrival rate per second, {@code 0 <= lambda < c mu}
     * @param mu     service rate per server per second, {@code > 0}
     * @return {@code W}, seconds
     */
    public static double meanResponseTime(int c, double lambda, double mu) {
        return meanWaitInQueue(c, lambda, mu) + 1.0 / mu;
    }

    /**
     * Mean number in system {@code L = Lq + λ/μ}.
     *
     * @param c      servers, {@code >= 1}
     * @param lambda arrival rate per second, {@code 0 <= lambda < c mu}
     * @param mu     service rate per server per second, {@code > 0}
     * @return {@code L}, items
     */
    public static double meanNumberInSystem(int c, double lambda, double mu) {
        return meanQueueLength(c, lambda, mu) + lambda / mu;
    }

    private static void check(int c, double lambda, double mu) {
        Args.atLeast("c", c, 1);
        Args.nonNegative("lambda", lambda);
        Args.positive("mu", mu);
        Args.stable(lambda, c * mu, "c*mu");
    }
}
