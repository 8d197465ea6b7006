package lab.overload.models.theory;

import static lab.overload.models.theory.Rejects.assertRejects;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MMcTest {

    @Test
    void publishedMm2Example() {
        assertEquals(7.673684, MMc.meanQueueLength(2, 9.0, 5.0), 1e-6, "Lq M/M/2 lambda=9 mu=5 within 1e-6");
        assertEquals(1.052632, MMc.meanResponseTime(2, 9.0, 5.0), 1e-6, "W M/M/2 lambda=9 mu=5 within 1e-6");
        assertEquals(0.9, MMc.utilization(2, 9.0, 5.0), 1e-15, "rho = 9/(2*5) within 1e-15");
        // M/M/2 closed form: P(wait) = 2 rho^2 / (1 + rho).
        assertEquals(2 * 0.81 / 1.9, MMc.probabilityOfWaiting(2, 9.0, 5.0), 1e-14,
                "P(wait) M/M/2 = 2rho^2/(1+rho) within 1e-14");
    }

    @ParameterizedTest(name = "lambda={0}, mu={1}")
    @CsvSource({"0.5, 1.0", "9.0, 10.0", "0.999, 1.0", "3.0, 40.0"})
    void mm1ClosedForms(double lambda, double mu) {
        double rho = lambda / mu;
        assertEquals(rho, MMc.probabilityOfWaiting(1, lambda, mu), 1e-14, "M/M/1 P(wait) = rho within 1e-14");
        double lq = rho * rho / (1 - rho);
        assertEquals(lq, MMc.meanQueueLength(1, lambda, mu), 1e-10 * lq, "M/M/1 Lq = rho^2/(1-rho) within 1e-10 rel");
        double w = 1.0 / (mu - lambda);
        assertEquals(w, MMc.meanResponseTime(1, lambda, mu), 1e-10 * w, "M/M/1 W = 1/(mu-lambda) within 1e-10 rel");
        double l = rho / (1 - rho);
        assertEquals(l, MMc.meanNumberInSystem(1, lambda, mu), 1e-10 * l, "M/M/1 L = rho/(1-rho) within 1e-10 rel");
        assertEquals(rho / (mu - lambda), MMc.meanWaitInQueue(1, lambda, mu), 1e-10 * w,
                "M/M/1 Wq = rho/(mu-lambda) within 1e-10 rel");
    }

    @ParameterizedTest(name = "c={0}, lambda={1}, mu={2}")
    @CsvSource({"1, 0.5, 1.0", "2, 9.0, 5.0", "8, 7.0, 1.0", "500, 480.0, 1.0"})
    void littleAndDecompositionHold(int c, double lambda, double mu) {
        double w = MMc.meanResponseTime(c, lambda, mu);
        double l = MMc.meanNumberInSystem(c, lambda, mu);
        assertEquals(lambda * w, l, 1e-12 * l, "L = lambda W within 1e-12 rel");
        assertEquals(MMc.meanQueueLength(c, lambda, mu) / lambda, MMc.meanWaitInQueue(c, lambda, mu),
                1e-12 * w, "Wq = Lq/lambda within 1e-12 rel");
    }

    @Test
    void moreServersAtSameUtilisationWaitLess() {
        // Economy of scale at rho = 0.9: pooled servers reduce the probability of waiting.
        double previous = 1.0;
        for (int c = 1; c <= 64; c *= 2) {
            double pw = MMc.probabilityOfWaiting(c, 0.9 * c, 1.0);
            assertEquals(true, pw < previous, "P(wait) strictly decreases with c at rho=0.9; c=" + c + " pw=" + pw);
            previous = pw;
        }
    }

    @Test
    void rejectsBadArguments() {
        assertRejects("c", () -> MMc.meanQueueLength(0, 1.0, 2.0));
        assertRejects("lambda", () -> MMc.meanQueueLength(2, 10.0, 5.0));
        assertRejects("lambda", () -> MMc.meanResponseTime(1, -1.0, 5.0));
        assertRejects("mu", () -> MMc.probabilityOfWaiting(1, 1.0, 0.0));
        assertRejects("mu", () -> MMc.utilization(1, 1.0, Double.NaN));
    }
}
