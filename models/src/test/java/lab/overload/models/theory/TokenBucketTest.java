package lab.overload.models.theory;

import static lab.overload.models.theory.Rejects.assertRejects;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    @Test
    void refillIsLinearThenCapped() {
        assertEquals(7.0, TokenBucket.tokensAfter(10, 2, 3, 2), 1e-12, "3 + 2*2 = 7 within 1e-12");
        assertEquals(10.0, TokenBucket.tokensAfter(10, 2, 3, 10), 0.0, "capped at capacity 10, exact");
        assertEquals(3.0, TokenBucket.tokensAfter(10, 0, 3, 100), 0.0, "no refill keeps 3 tokens, exact");
    }

    @Test
    void waitingForTokens() {
        assertEquals(2.5, TokenBucket.timeUntilAvailable(10, 2, 3, 8), 1e-12, "(8-3)/2 = 2.5 s within 1e-12");
        assertEquals(0.0, TokenBucket.timeUntilAvailable(10, 2, 9, 8), 0.0, "already available: 0 s, exact");
        assertEquals(Double.POSITIVE_INFINITY, TokenBucket.timeUntilAvailable(10, 0, 3, 8), 0.0, "no refill: never");
        double t = TokenBucket.timeUntilAvailable(10, 2, 3, 8);
        assertEquals(8.0, TokenBucket.tokensAfter(10, 2, 3, t), 1e-12, "tokensAfter(timeUntilAvailable) = required");
    }

    @Test
    void greedySimulationNeverBeatsArrivalCurveBound() {
        // Requests every 1 ms into a full bucket b=5, r=10/s; count admissions over T = 2 s.
        double capacity = 5;
        double rate = 10;
        double tokens = capacity;
        int admitted = 0;
        double dt = 0.001;
        for (int i = 0; i <= 2000; i++) {
            if (i > 0) {
                tokens = TokenBucket.tokensAfter(capacity, rate, tokens, dt);
            }
            if (tokens >= 1.0 - 1e-9) {
                tokens = Math.max(0.0, tokens - 1.0);
                admitted++;
            }
        }
        double bound = TokenBucket.maxAdmittedInWindow(capacity, rate, 2.0);
        assertEquals(25.0, bound, 1e-12, "b + rT = 5 + 10*2 = 25 within 1e-12");
        assertEquals(bound, admitted, 1.0, "greedy admissions within 1 of the b + rT bound, got " + admitted);
    }

    @Test
    void burstDurationDrainsFullBucket() {
        double d = TokenBucket.burstDuration(100, 10, 30);
        assertEquals(5.0, d, 1e-12, "100 / (30 - 10) = 5 s within 1e-12");
        assertEquals(0.0, 100 + (10 - 30) * d, 1e-12, "net drain empties the bucket exactly at that time");
        assertEquals(Double.POSITIVE_INFINITY, TokenBucket.burstDuration(100, 10, 10), 0.0, "R <= r never drains");
    }

    @Test
    void rejectsBadArguments() {
        assertRejects("capacity", () -> TokenBucket.tokensAfter(0, 1, 0, 1));
        assertRejects("refillRate", () -> TokenBucket.tokensAfter(10, -1, 0, 1));
        assertRejects("currentTokens", () -> TokenBucket.tokensAfter(10, 1, 11, 1));
        assertRejects("elapsed", () -> TokenBucket.tokensAfter(10, 1, 5, -1));
        assertRejects("required", () -> TokenBucket.timeUntilAvailable(10, 1, 5, 11));
        assertRejects("window", () -> TokenBucket.maxAdmittedInWindow(10, 1, Double.NaN));
        assertRejects("arrivalRate", () -> TokenBucket.burstDuration(10, 1, -3));
    }
}
