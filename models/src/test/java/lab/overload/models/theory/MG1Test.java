package lab.overload.models.theory;

import static lab.overload.models.theory.Rejects.assertRejects;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MG1Test {

    @Test
    void md1TextbookValues() {
        // M/D/1, rho = 0.8, E[S] = 1: Lq = rho^2 / (2(1-rho)) = 1.6, Wq = 2.0, W = 3.0, L = 2.4.
        assertEquals(1.6, MG1.meanQueueLength(0.8, 1.0, 0.0), 1e-12, "M/D/1 Lq = 1.6 within 1e-12");
        assertEquals(2.0, MG1.meanWaitInQueue(0.8, 1.0, 0.0), 1e-12, "M/D/1 Wq = 2.0 within 1e-12");
        assertEquals(3.0, MG1.meanResponseTime(0.8, 1.0, 0.0), 1e-12, "M/D/1 W = 3.0 within 1e-12");
        assertEquals(2.4, MG1.meanNumberInSystem(0.8, 1.0, 0.0), 1e-12, "M/D/1 L = 2.4 within 1e-12");
    }

    @ParameterizedTest(name = "lambda={0}, mu={1}")
    @CsvSource({"0.5, 1.0", "9.0, 10.0", "0.99, 1.0", "4.5, 5.0"})
    void exponentialServiceMatchesMm1(double lambda, double mu) {
        double es = 1.0 / mu;
        double wq = MMc.meanWaitInQueue(1, lambda, mu);
        assertEquals(wq, MG1.meanWaitInQueue(lambda, es, 1.0), 1e-12 * wq, "M/G/1 cv2=1 Wq = M/M/1 Wq within 1e-12 rel");
        double w = 1.0 / (mu - lambda);
        assertEquals(w, MG1.meanResponseTime(lambda, es, 1.0), 1e-12 * w, "M/M/1 W = 1/(mu-lambda) within 1e-12 rel");
        double lq = MMc.meanQueueLength(1, lambda, mu);
        assertEquals(lq, MG1.meanQueueLength(lambda, es, 1.0), 1e-12 * lq, "M/M/1 Lq within 1e-12 rel");
        double md1 = MG1.meanWaitInQueue(lambda, es, 0.0);
        assertEquals(wq / 2, md1, 1e-12 * wq, "M/D/1 waits exactly half of M/M/1, within 1e-12 rel");
    }

    @Test
    void momentFormMatchesScvForm() {
        // Uniform(0, 2) service: E[S] = 1, E[S^2] = 4/3, so cv^2 = 1/3.
        double fromMoments = MG1.meanWaitInQueueFromMoments(0.6, 1.0, 4.0 / 3.0);
        assertEquals(0.6 * (4.0 / 3.0) / (2 * 0.4), fromMoments, 1e-12, "P-K with E[S^2]=4/3 within 1e-12");
        assertEquals(fromMoments, MG1.meanWaitInQueue(0.6, 1.0, 1.0 / 3.0), 1e-12, "scv form = moment form within 1e-12");
    }

    @Test
    void rejectsBadArguments() {
        assertRejects("lambda", () -> MG1.meanWaitInQueue(1.0, 1.0, 1.0));
        assertRejects("lambda", () -> MG1.meanWaitInQueue(-0.1, 1.0, 1.0));
        assertRejects("meanService", () -> MG1.meanResponseTime(0.5, 0.0, 1.0));
        assertRejects("scv", () -> MG1.meanQueueLength(0.5, 1.0, -0.5));
        assertRejects("secondMoment", () -> MG1.meanWaitInQueueFromMoments(0.5, 1.0, 0.9));
    }
}
