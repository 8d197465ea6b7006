package lab.overload.models.theory;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * Overlap between shuffle shards.
 *
 * <p>Shuffle sharding assigns each customer a "shard" of {@code K} nodes chosen uniformly from
 * {@code N}. Fix one shard; another shard drawn uniformly and independently shares exactly
 * {@code m} nodes with it with the hypergeometric probability
 * <pre>
 *   P(overlap = m) = C(K, m) C(N - K, K - m) / C(N, K),    max(0, 2K - N) &lt;= m &lt;= K
 * </pre>
 * (choose which {@code m} of our nodes are shared, then the other {@code K - m} nodes from the
 * {@code N - K} we do not use). {@code P(overlap = K) = 1 / C(N, K)} is the chance that a poison
 * request from another customer takes out <em>all</em> of our nodes. The mean overlap is
 * {@code K² / N}.
 *
 * <p>Numerics: the three binomials are computed exactly with {@link BigInteger} (multiplicative
 * formula, exact integer division at every step), the ratio is formed with 40 significant decimal
 * digits and rounded once to a double, so every result is correct to double precision; no
 * gamma-function approximation is involved. Cost grows like {@code K} big-integer multiplications,
 * fine for shard sizes up to thousands.
 */
public final class ShardOverlap {
    private static final MathContext PRECISION = new MathContext(40);

    private ShardOverlap() {
    }

    /**
     * Number of distinct shards {@code C(N, K)}.
     *
     * @param nodes     {@code N}, {@code >= 1}
     * @param shardSize {@code K}, in {@code [1, N]}
     * @return the exact binomial coefficient
     */
    public static BigInteger distinctShards(int nodes, int shardSize) {
        check(nodes, shardSize);
        return binomial(nodes, shardSize);
    }

    /**
     * Probability that another uniformly chosen shard shares exactly {@code m} nodes with a given one.
     *
     * @param nodes     {@code N}, {@code >= 1}
     * @param shardSize {@code K}, in {@code [1, N]}
     * @param overlap   {@code m}, in {@code [0, K]} (0 is returned when {@code m < 2K - N})
     * @return probability in [0, 1]
     */
    public static double overlapProbability(int nodes, int shardSize, int overlap) {
        check(nodes, shardSize);
        Args.inRange("overlap", overlap, 0, shardSize);
        return ratio(binomial(shardSize, overlap).multiply(binomial(nodes - shardSize, shardSize - overlap)),
                binomial(nodes, shardSize));
    }

    /**
     * The whole overlap distribution; element {@code m} is {@code P(overlap = m)}, {@code m = 0..K}.
     *
     * @param nodes     {@code N}, {@code >= 1}
     * @param shardSize {@code K}, in {@code [1, N]}
     * @return array of length {@code K + 1} summing to 1 (to rounding)
     */
    public static double[] overlapDistribution(int nodes, int shardSize) {
        check(nodes, shardSize);
        BigInteger total = binomial(nodes, shardSize);
        double[] out = new double[shardSize + 1];
        for (int m = 0; m <= shardSize; m++) {
            out[m] = ratio(binomial(shardSize, m).multiply(binomial(nodes - shardSize, shardSize - m)), total);
        }
        return out;
    }

    /**
     * Mean number of shared nodes, {@code K² / N}.
     *
     * @param nodes     {@code N}, {@code >= 1}
     * @param shardSize {@code K}, in {@code [1, N]}
     * @return expected overlap, nodes
     */
    public static double expectedOverlap(int nodes, int shardSize) {
        check(nodes, shardSize);
        return (double) shardSize * shardSize / nodes;
    }

    /** Exact C(n, k); 0 when k &gt; n. Uses C(n, i) = C(n, i-1) (n - i + 1) / i, each division exact. */
    private static BigInteger binomial(int n, int k) {
        if (k < 0 || k > n) {
            return BigInteger.ZERO;
        }
        int kk = Math.min(k, n - k);
        BigInteger result = BigInteger.ONE;
        for (int i = 1; i <= kk; i++) {
            result = result.multiply(BigInteger.valueOf(n - kk + i)).divide(BigInteger.valueOf(i));
        }
        return result;
    }

    private static double ratio(BigInteger numerator, BigInteger denominator) {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), PRECISION).doubleValue();
    }

    private static void check(int nodes, int shardSize) {
        Args.atLeast("nodes", nodes, 1);
        Args.inRange("shardSize", shardSize, 1, nodes);
    }
}
