package lab.overload.models.theory;

import static lab.overload.models.theory.Rejects.assertRejects;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MMcKTest {

    @Test
    void mm1k10AtRhoOneIsUniform() {
        assertEquals(5.0, MMcK.meanNumberInSystem(1, 10, 3.0, 3.0), 1e-9, "M/M/1/10 lambda=mu: L = 5 within 1e-9");
        assertEquals(1.0 / 11, MMcK.blockingProbability(1, 10, 3.0, 3.0), 1e-15,
                "M/M/1/10 lambda=mu: blocking = 1/11 within 1e-15");
        assertEquals(4.0 + 1.0 / 11, MMcK.meanQueueLength(1, 10, 3.0, 3.0), 1e-12,
                "M/M/1/10 lambda=mu: Lq = L - (1 - p0) = 5 - 10/11 within 1e-12");
    }

    @ParameterizedTest(name = "rho={0}, K={1}")
    @CsvSource({"0.5, 5", "2.0, 7", "0.9, 50", "1.3, 20"})
    void mm1kClosedForms(double rho, int k) {
        double mu = 2.0;
        double lambda = rho * mu;
        double pk = (1 - rho) * Math.pow(rho, k) / (1 - Math.pow(rho, k + 1));
        double l = rho / (1 - rho) - (k + 1) * Math.pow(rho, k + 1) / (1 - Math.pow(rho, k + 1));
        assertEquals(pk, MMcK.blockingProbability(1, k, lambda, mu), 1e-12 * pk, "M/M/1/K p_K within 1e-12 rel");
        assertEquals(l, MMcK.meanNumberInSystem(1, k, lambda, mu), 1e-11 * l, "M/M/1/K L within 1e-11 rel");
        assertEquals(lambda * (1 - pk), MMcK.throughput(1, k, lambda, mu), 1e-12 * lambda,
                "throughput = lambda(1-p_K) within 1e-12 rel");
    }

    @ParameterizedTest(name = "c={0}, a={1}")
    @CsvSource({"1, 0.5", "5, 3.0", "20, 25.0"})
    void lossSystemEqualsErlangBDirectSum(int c, double a) {
        double term = 1.0;
        double sum = 1.0;
        for (int k = 1; k <= c; k++) {
            term *= a / k;
            sum += term;
        }
        double expected = term / sum;
        assertEquals(expected, MMcK.blockingProbability(c, c, a, 1.0), 1e-12 * expected,
                "M/M/c/c blocking = Erlang B direct sum within 1e-12 rel");
        assertEquals(0.0, MMcK.meanQueueLength(c, c, a, 1.0), 0.0, "no waiting room: Lq = 0 exactly");
    }

    @Test
    void largeBufferApproachesPublishedMm2() {
        // Truncation error ~ 0.9^3000, far below 1e-6.
        assertEquals(7.673684, MMcK.meanQueueLength(2, 3000, 9.0, 5.0), 1e-6, "M/M/2/3000 Lq -> 7.673684 within 1e-6");
        assertEquals(1.052632, MMcK.meanResponseTime(2, 3000, 9.0, 5.0), 1e-6, "M/M/2/3000 W -> 1.052632 within 1e-6");
    }

    @Test
    void millionStatesAtRhoOne() {
        int k = 1_000_000;
        assertEquals(k / 2.0, MMcK.meanNumberInSystem(1, k, 1.0, 1.0), 1e-9 * k,
                "M/M/1/K rho=1: L = K/2 within 1e-9 rel");
        assertEquals(1.0 / (k + 1), MMcK.blockingProbability(1, k, 1.0, 1.0), 1e-9 / k,
                "M/M/1/K rho=1: blocking = 1/(K+1) within 1e-9 rel");
    }

    @Test
    void heavyOverloadDoesNotOverflow() {
        // rho = 2, K = 5000: rho^K ~ 1e1505 overflows doubles; exact p_K = (rho-1)/rho / (1 - rho^-(K+1)).
        assertEquals(0.5, MMcK.blockingProbability(1, 5000, 2.0, 1.0), 1e-12, "rho=2 K=5000 blocking within 1e-12");
        assertEquals(1.0, MMcK.throughput(1, 5000, 2.0, 1.0), 1e-12, "rho=2 K=5000 throughput = mu within 1e-12");
        // Reflection N -> K - N turns rho into 1/rho, so L = K - L_{M/M/1}(rho=1/2) = K - 1 (up to ~2^-K).
        double expectedL = 5000 - 1.0;
        assertEquals(expectedL, MMcK.meanNumberInSystem(1, 5000, 2.0, 1.0), 1e-9, "rho=2 K=5000 L = K-1 within 1e-9");
    }

    @ParameterizedTest(name = "c={0}, K={1}, lambda={2}, mu={3}")
    @CsvSource({"3, 8, 4.0, 1.0", "10, 40, 12.0, 1.1", "2, 2, 1.0, 3.0"})
    void flowBalanceAndLittle(int c, int k, double lambda, double mu) {
        double l = MMcK.meanNumberInSystem(c, k, lambda, mu);
        double lq = MMcK.meanQueueLength(c, k, lambda, mu);
        double x = MMcK.throughput(c, k, lambda, mu);
        assertEquals(mu * (l - lq), x, 1e-12 * x, "throughput = mu * E[busy servers] within 1e-12 rel");
        assertEquals(l / x, MMcK.meanResponseTime(c, k, lambda, mu), 1e-12 * l / x, "W = L/throughput within 1e-12 rel");
        assertEquals(MMcK.meanResponseTime(c, k, lambda, mu) - 1.0 / mu, MMcK.meanWaitInQueue(c, k, lambda, mu),
                1e-12 * l / x, "Wq = W - 1/mu within 1e-12 rel");
    }

    @Test
    void rejectsBadArguments() {
        assertRejects("c", () -> MMcK.meanNumberInSystem(0, 5, 1.0, 1.0));
        assertRejects("k", () -> MMcK.meanNumberInSystem(3, 2, 1.0, 1.0));
        assertRejects("lambda", () -> MMcK.blockingProbability(1, 5, 0.0, 1.0));
        assertRejects("mu", () -> MMcK.throughput(1, 5, 1.0, -1.0));
        assertRejects("lambda", () -> MMcK.meanNumberInSystem(1, 5, 1e300, 1e-300)); // lambda/mu beyond 2^1000
    }
}
