package lab.overload.models.theory;

/**
 * Load amplification from client retries.
 *
 * <p>Model: every attempt of a request fails independently with probability {@code p}; a failed
 * attempt is retried immediately until it succeeds or {@code r} retries (so {@code r + 1}
 * attempts) have been spent. The number of attempts is a geometric variable truncated at
 * {@code r + 1}, and attempt {@code i} (counting from 0) happens iff the first {@code i} failed:
 * <pre>
 *   E[attempts]     = Σ_{i=0..r} p^i = (1 - p^(r+1)) / (1 - p)    (= r + 1 when p = 1)
 *   P(final failure) = p^(r+1)
 * </pre>
 * The expected attempts is the multiplier on offered load seen by the server: with
 * {@code p = 0.5, r = 3} each request costs 1.875 attempts, and as {@code p → 1} (a saturated
 * or failing backend) the load approaches {@code (r + 1)×}, which is why retries turn a brief
 * overload into a sustained one. Independence is an idealisation; correlated failures (the
 * usual overload case) make the amplification closer to the {@code r + 1} worst case.
 */
public final class RetryAmplification {
    private RetryAmplification() {
    }

    /**
     * Expected number of attempts per request, {@code (1 - p^(r+1)) / (1 - p)}.
     *
     * <p>Evaluated as {@code -expm1((r+1) ln p) / (1 - p)} so that {@code p} close to 1 does not
     * cancel catastrophically; {@code p = 1} returns {@code r + 1} exactly.
     *
     * @param failureProbability {@code p}, per-attempt failure probability in [0, 1]
     * @param retries            {@code r}, maximum retries after the first attempt, {@code >= 0}
     * @return expected attempts in {@code [1, r + 1]}
     */
    public static double expectedAttempts(double failureProbability, int retries) {
        Args.probability("failureProbability", failureProbability);
        Args.atLeast("retries", retries, 0);
        double p = failureProbability;
        if (p == 1.0) {
            return retries + 1.0;
        }
        if (p == 0.0) {
            return 1.0;
        }
        return -Math.expm1((retries + 1.0) * Math.log(p)) / (1.0 - p);
    }

    /**
     * Probability that all {@code r + 1} attempts fail, {@code p^(r+1)}.
     *
     * @param failureProbability {@code p}, per-attempt failure probability in [0, 1]
     * @param retries            {@code r}, maximum retries after the first attempt, {@code >= 0}
     * @return probability in [0, 1]
     */
    public static double finalFailureProbability(double failureProbability, int retries) {
        Args.probability("failureProbability", failureProbability);
        Args.atLeast("retries", retries, 0);
        return Math.pow(failureProbability, retries + 1.0);
    }
}
