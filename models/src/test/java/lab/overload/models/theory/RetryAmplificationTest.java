package lab.overload.models.theory;

import static lab.overload.models.theory.Rejects.assertRejects;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryAmplificationTest {

    @ParameterizedTest(name = "p={0}, r={1}")
    @CsvSource({"0.0, 3", "0.1, 0", "0.5, 3", "0.9, 10", "0.999999999999, 3", "0.3, 200", "1.0, 4"})
    void expectedAttemptsEqualsDirectSum(double p, int r) {
        // Attempt i (0-based) happens iff the first i attempts failed: E = Σ_{i=0..r} p^i.
        double sum = 0.0;
        double pi = 1.0;
        for (int i = 0; i <= r; i++) {
            sum += pi;
            pi *= p;
        }
        assertEquals(sum, RetryAmplification.expectedAttempts(p, r), 1e-13 * sum,
                "E[attempts] = Σ p^i within 1e-13 rel");
        assertEquals(pi, RetryAmplification.finalFailureProbability(p, r), 1e-13 * pi + 1e-300,
                "P(final failure) = p^(r+1) within 1e-13 rel");
    }

    @Test
    void knownValues() {
        assertEquals(1.875, RetryAmplification.expectedAttempts(0.5, 3), 1e-15, "p=0.5 r=3: 1+.5+.25+.125 within 1e-15");
        assertEquals(5.0, RetryAmplification.expectedAttempts(1.0, 4), 0.0, "p=1 r=4: exactly r+1");
        assertEquals(1.0, RetryAmplification.expectedAttempts(0.0, 4), 0.0, "p=0: exactly one attempt");
        assertEquals(1e-3, RetryAmplification.finalFailureProbability(0.1, 2), 1e-18, "0.1^3 within 1e-18");
    }

    @Test
    void nearCertainFailureDoesNotCancel() {
        // p = 1 - 1e-12, r = 3: Σ p^i = 4 - 6e-12 + O(1e-24); naive (1-p^4)/(1-p) loses ~5 digits here.
        double p = 1.0 - 1e-12;
        double eps = 1.0 - p; // exact in binary
        double expected = 4.0 - 6.0 * eps;
        assertEquals(expected, RetryAmplification.expectedAttempts(p, 3), 1e-14, "p=1-1e-12 r=3 within 1e-14");
    }

    @Test
    void rejectsBadArguments() {
        assertRejects("failureProbability", () -> RetryAmplification.expectedAttempts(1.5, 1));
        assertRejects("failureProbability", () -> RetryAmplification.expectedAttempts(-0.1, 1));
        assertRejects("failureProbability", () -> RetryAmplification.finalFailureProbability(Double.NaN, 1));
        assertRejects("retries", () -> RetryAmplification.expectedAttempts(0.5, -1));
        assertRejects("retries", () -> RetryAmplification.finalFailureProbability(0.5, -2));
    }
}
