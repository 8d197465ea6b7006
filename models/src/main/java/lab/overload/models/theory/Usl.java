package lab.overload.models.theory;

/**
 * Gunther's Universal Scalability Law (USL).
 *
 * <p>Throughput at concurrency {@code N} (clients, threads or nodes; real-valued, {@code N >= 1}):
 * <pre>
 *   X(N) = λ N / (1 + σ (N - 1) + κ N (N - 1))
 * </pre>
 * {@code λ} is the throughput of a single unit (requests per second), {@code σ ∈ [0, 1]} the
 * contention (serialised fraction, as in Amdahl's law) and {@code κ >= 0} the coherency
 * (cross-talk) penalty paid pairwise by the {@code N(N-1)} interacting units. With {@code κ = 0}
 * the law is Amdahl's, {@code X → λ/σ}; with {@code κ > 0} throughput is retrograde: it peaks at
 * <pre>
 *   N* = sqrt((1 - σ) / κ)          (from dX/dN = 0  ⇔  κ N² = 1 - σ)
 * </pre>
 * and then falls. The denominator is the per-request slowdown relative to one unit: by
 * Little's law with {@code N} requests in flight the response time is
 * {@code R(N) = N / X(N) = (1 + σ(N-1) + κN(N-1)) / λ}.
 */
public final class Usl {
    private Usl() {
    }

    /**
     * Throughput {@code X(N)}.
     *
     * @param n      concurrency {@code N}, finite, {@code >= 1}
     * @param lambda single-unit throughput per second, finite, {@code > 0}
     * @param sigma  contention, in [0, 1]
     * @param kappa  coherency, finite, {@code >= 0}
     * @return requests per second
     */
    public static double throughput(double n, double lambda, double sigma, double kappa) {
        Args.positive("lambda", lambda);
        return lambda * n / slowdown(n, sigma, kappa);
    }

    /**
     * Per-request slowdown factor {@code 1 + σ(N-1) + κN(N-1)} (1 at {@code N = 1}).
     *
     * @param n     concurrency {@code N}, finite, {@code >= 1}
     * @param sigma contention, in [0, 1]
     * @param kappa coherency, finite, {@code >= 0}
     * @return dimensionless factor {@code >= 1}
     */
    public static double slowdown(double n, double sigma, double kappa) {
        Args.atLeast("n", n, 1.0);
        Args.probability("sigma", sigma);
        Args.nonNegative("kappa", kappa);
        return 1.0 + sigma * (n - 1.0) + kappa * n * (n - 1.0);
    }

    /**
     * Mean response time {@code R(N) = N / X(N)} with {@code N} requests in flight, seconds.
     *
     * @param n      concurrency {@code N}, finite, {@code >= 1}
     * @param lambda single-unit throughput per second, finite, {@code > 0}
     * @param sigma  contention, in [0, 1]
     * @param kappa  coherency, finite, {@code >= 0}
     * @return seconds
     */
    public static double responseTime(double n, double lambda, double sigma, double kappa) {
        Args.positive("lambda", lambda);
        return slowdown(n, sigma, kappa) / lambda;
    }

    /**
     * Concurrency of peak throughput {@code N* = sqrt((1 - σ)/κ)} (may be below 1, meaning any
     * added concurrency hurts).
     *
     * @param sigma contention, in [0, 1)
     * @param kappa coherency, finite, {@code > 0} (with {@code κ = 0} there is no peak)
     * @return {@code N*}
     */
    public static double peakConcurrency(double sigma, double kappa) {
        Args.probability("sigma", sigma);
        if (sigma == 1.0) {
            throw new IllegalArgumentException("sigma must be in [0, 1) for a peak to exist, was " + sigma);
        }
        Args.positive("kappa", kappa);
        return Math.sqrt((1.0 - sigma) / kappa);
    }
}
