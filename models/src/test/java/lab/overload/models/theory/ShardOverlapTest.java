package lab.overload.models.theory;

import static lab.overload.models.theory.Rejects.assertRejects;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShardOverlapTest {

    /** Independent exact binomial via Pascal's triangle in longs (fine for n <= 100). */
    private static long binomial(int n, int k) {
        if (k < 0 || k > n) {
            return 0;
        }
        long[] row = new long[n + 1];
        row[0] = 1;
        for (int i = 1; i <= n; i++) {
            for (int j = i; j > 0; j--) {
                row[j] += row[j - 1];
            }
        }
        return row[k];
    }

    @Test
    void publishedEightNodesShardsOfTwo() {
        double[] percent = {53.5714, 42.8571, 3.5714};
        double[] dist = ShardOverlap.overlapDistribution(8, 2);
        for (int m = 0; m < percent.length; m++) {
            assertEquals(percent[m], 100 * dist[m], 1e-3 * percent[m], "N=8 K=2 overlap " + m + " within 1e-3 rel");
        }
    }

    @Test
    void publishedHundredNodesShardsOfFive() {
        // Published percentages. The last is printed with 3 significant digits, so its own rounding
        // (half a unit in the last place, 5e-9 %, i.e. 3.8e-3 rel) exceeds 1e-3 rel; it gets that tolerance.
        double[] percent = {76.9640, 21.1385, 1.83812, 0.0592942, 0.000631, 0.00000133};
        double[] tolerance = new double[percent.length];
        for (int m = 0; m < percent.length; m++) {
            tolerance[m] = 1e-3 * percent[m];
        }
        tolerance[5] = 0.5e-8;
        double[] dist = ShardOverlap.overlapDistribution(100, 5);
        for (int m = 0; m < percent.length; m++) {
            assertEquals(percent[m], 100 * dist[m], tolerance[m],
                    "N=100 K=5 overlap " + m + " within " + tolerance[m] + " percentage points");
        }
    }

    @ParameterizedTest(name = "N={0}, K={1}")
    @CsvSource({"8, 2", "100, 5", "60, 30", "10, 7", "52, 5"})
    void matchesExactRationalAndSumsToOne(int n, int k) {
        double[] dist = ShardOverlap.overlapDistribution(n, k);
        double total = binomial(n, k);
        double sum = 0;
        double mean = 0;
        for (int m = 0; m <= k; m++) {
            double expected = binomial(k, m) * (double) binomial(n - k, k - m) / total;
            assertEquals(expected, dist[m], 1e-15 * expected, "P(overlap=" + m + ") exact ratio within 1e-15 rel");
            assertEquals(dist[m], ShardOverlap.overlapProbability(n, k, m), 0.0, "single value = distribution entry");
            sum += dist[m];
            mean += m * dist[m];
        }
        assertEquals(1.0, sum, 1e-12, "probabilities sum to 1 within 1e-12");
        assertEquals((double) k * k / n, mean, 1e-12 * k, "hypergeometric mean K^2/N within 1e-12 rel");
        assertEquals(ShardOverlap.expectedOverlap(n, k), mean, 1e-12 * k, "expectedOverlap = K^2/N within 1e-12 rel");
        assertEquals(1.0 / total, dist[k], 1e-15 / total, "full overlap = 1/C(N,K) within 1e-15 rel");
    }

    @Test
    void distinctShardCounts() {
        assertEquals(BigInteger.valueOf(28), ShardOverlap.distinctShards(8, 2), "C(8,2) exact");
        assertEquals(BigInteger.valueOf(75_287_520), ShardOverlap.distinctShards(100, 5), "C(100,5) exact");
        assertEquals(BigInteger.valueOf(2_598_960), ShardOverlap.distinctShards(52, 5), "poker hands C(52,5) exact");
        assertEquals(new BigInteger("100891344545564193334812497256"), ShardOverlap.distinctShards(100, 50),
                "C(100,50) exact");
    }

    @Test
    void impossibleOverlapsAreZeroAndLargeShardsSumToOne() {
        assertEquals(0.0, ShardOverlap.overlapProbability(8, 5, 1), 0.0, "N=8 K=5 must share >= 2: P(1) = 0 exactly");
        assertEquals(10.0 / 56, ShardOverlap.overlapProbability(8, 5, 2), 1e-16, "N=8 K=5 P(2) = C(5,2)C(3,3)/C(8,5)");
        double sum = 0;
        for (double p : ShardOverlap.overlapDistribution(2000, 100)) {
            sum += p;
        }
        assertEquals(1.0, sum, 1e-12, "N=2000 K=100 sums to 1 within 1e-12");
    }

    @Test
    void rejectsBadArguments() {
        assertRejects("nodes", () -> ShardOverlap.distinctShards(0, 1));
        assertRejects("shardSize", () -> ShardOverlap.distinctShards(5, 0));
        assertRejects("shardSize", () -> ShardOverlap.overlapDistribution(5, 6));
        assertRejects("overlap", () -> ShardOverlap.overlapProbability(10, 3, 4));
        assertRejects("overlap", () -> ShardOverlap.overlapProbability(10, 3, -1));
    }
}
