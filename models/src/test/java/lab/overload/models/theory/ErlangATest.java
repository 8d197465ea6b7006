package lab.overload.models.theory;

import static lab.overload.models.theory.Rejects.assertRejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErlangATest {

    @Test
    void tinyPatienceRateApproachesErlangC() {
        int c = 5;
        double lambda = 4.0;
        double mu = 1.0;
        double theta = 1e-9;
        double wqC = MMc.meanWaitInQueue(c, lambda, mu);
        assertEquals(wqC, ErlangA.meanWaitInQueue(c, lambda, mu, theta), 1e-6 * wqC,
                "Erlang A Wq -> Erlang C Wq as theta -> 0, within 1e-6 rel at theta=1e-9");
        assertEquals(Erlang.erlangC(c, lambda / mu), ErlangA.probabilityOfWaiting(c, lambda, mu, theta), 1e-6,
                "Erlang A P(wait) -> Erlang C within 1e-6 at theta=1e-9");
        assertTrue(ErlangA.probabilityOfAbandonment(c, lambda, mu, theta) < 1e-8,
                "P(abandon) vanishes as theta -> 0 (below 1e-8)");
    }

    @ParameterizedTest(name = "lambda={0}, mu={1}, theta={2}")
    @CsvSource({"1.5, 1.0, 0.5", "0.7, 1.0, 2.0", "3.0, 1.0, 0.2", "0.2, 5.0, 0.01"})
    void singleServerMatchesDirectSummation(double lambda, double mu, double theta) {
        // M/M/1+M: p_n = p_0 prod_{k=1..n} lambda/(mu + (k-1) theta); sum far past the mode.
        double term = 1.0;
        double s0 = 1.0;
        double sq = 0.0;
        for (int n = 1; n < 20000; n++) {
            term *= lambda / (mu + (n - 1) * theta);
            s0 += term;
            sq += (n - 1) * term;
        }
        double lq = sq / s0;
        double pWait = 1.0 - 1.0 / s0;
        double pAb = theta * lq / lambda;
        assertEquals(lq, ErlangA.meanQueueLength(1, lambda, mu, theta), 1e-12 * lq, "M/M/1+M Lq within 1e-12 rel");
        assertEquals(pWait, ErlangA.probabilityOfWaiting(1, lambda, mu, theta), 1e-12, "M/M/1+M P(wait) within 1e-12");
        assertEquals(pAb, ErlangA.probabilityOfAbandonment(1, lambda, mu, theta), 1e-12 * pAb,
                "M/M/1+M P(abandon) within 1e-12 rel");
        assertEquals(lambda * (1 - pAb), ErlangA.servedThroughput(1, lambda, mu, theta), 1e-12 * lambda,
                "served = lambda(1 - P(ab)) within 1e-12 rel");
        assertEquals(mu * pWait, ErlangA.servedThroughput(1, lambda, mu, theta), 1e-12 * lambda,
                "flow balance, served = mu P(server busy) within 1e-12 rel");
    }

    @ParameterizedTest(name = "c={0}, lambda={1}, mu=theta={2}")
    @CsvSource({"3, 5.0, 2.0", "50, 20.0, 0.5", "750, 800.0, 1.0", "1, 0.3, 1.0"})
    void thetaEqualMuIsPoisson(int c, double lambda, double rate) {
        // With theta = mu every customer leaves at rate mu: N ~ Poisson(a), a = lambda/mu.
        double a = lambda / rate;
        double logP = -a; // ln P(N=0)
        double belowC = 0.0; // P(N < c)
        double correction = 0.0; // Σ_{n<c} (c-n) P(N=n)
        for (int n = 0; n < c; n++) {
            if (n > 0) {
                logP += Math.log(a) - Math.log(n);
            }
            double p = Math.exp(logP);
            belowC += p;
            correction += (c - n) * p;
        }
        double excess = a - c + correction; // E[(N-c)+] = E[N - c] + E[(c-N)+]
        assertEquals(excess * rate / lambda, ErlangA.probabilityOfAbandonment(c, lambda, rate, rate), 1e-9,
                "theta=mu: P(ab) = theta E[(N-c)+]/lambda within 1e-9");
        assertEquals(1.0 - belowC, ErlangA.probabilityOfWaiting(c, lambda, rate, rate), 1e-9,
                "theta=mu: P(wait) = P(N >= c) within 1e-9");
        assertEquals(a, ErlangA.meanNumberInSystem(c, lambda, rate, rate), 1e-9 * a, "theta=mu: L = a within 1e-9 rel");
    }

    @Test
    void abandonmentIncreasesWithLoad() {
        double previous = 0.0;
        for (double lambda = 1.0; lambda <= 20.0; lambda += 0.5) {
            double pAb = ErlangA.probabilityOfAbandonment(10, lambda, 1.0, 0.5);
            assertTrue(pAb > previous, "P(ab) strictly increasing in lambda; lambda=" + lambda + " pAb=" + pAb);
            previous = pAb;
        }
    }

    @Test
    void overloadedLargeSystemObeysFlowBound() {
        // Served rate can never exceed c mu, so P(ab) >= 1 - c mu / lambda; also flow balance must hold.
        int c = 1000;
        double lambda = 1100.0;
        double mu = 1.0;
        double theta = 0.1;
        double pAb = ErlangA.probabilityOfAbandonment(c, lambda, mu, theta);
        assertTrue(pAb >= 1.0 - c * mu / lambda - 1e-12 && pAb < 0.2,
                "1 - c mu/lambda - 1e-12 <= P(ab) < 0.2, was " + pAb);
        double busy = ErlangA.meanNumberInSystem(c, lambda, mu, theta) - ErlangA.meanQueueLength(c, lambda, mu, theta);
        assertEquals(mu * busy, ErlangA.servedThroughput(c, lambda, mu, theta), 1e-9 * lambda,
                "served = mu E[busy servers] within 1e-9 rel");
        assertTrue(ErlangA.probabilityOfWaiting(c, lambda, mu, theta) > 0.99, "overloaded: nearly everyone waits");
    }

    @Test
    void rejectsBadArguments() {
        assertRejects("c", () -> ErlangA.probabilityOfWaiting(0, 1.0, 1.0, 1.0));
        assertRejects("lambda", () -> ErlangA.meanQueueLength(1, 0.0, 1.0, 1.0));
        assertRejects("mu", () -> ErlangA.meanQueueLength(1, 1.0, -1.0, 1.0));
        assertRejects("theta", () -> ErlangA.probabilityOfAbandonment(1, 1.0, 1.0, 0.0));
        assertRejects("theta", () -> ErlangA.probabilityOfAbandonment(1, 2.0, 1.0, 1e-12));
    }
}
