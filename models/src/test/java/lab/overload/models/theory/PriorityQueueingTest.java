package lab.overload.models.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PriorityQueueingTest {

    /** One class: Cobham's formula is the M/G/1 (P-K) wait. */
    @Test
    void oneClassIsPollaczekKhinchine() {
        double w = PriorityQueueing.cobhamWait(0, new double[] {0.6}, new double[] {1}, new double[] {4.0 / 3});
        assertEquals(MG1.meanWaitInQueueFromMoments(0.6, 1, 4.0 / 3), w, 1e-12, "P-K within 1e-12");
    }

    /**
     * Two classes at M/M/1, lambda 4 + 4 per second, mu 10: W0 = rho / mu = 0.08 s, class 0 waits 0.08 / 0.6 and
     * class 1 0.08 / (0.6 x 0.2); their rate-weighted mean is the FIFO wait rho / (mu - lambda) = 0.4 s.
     */
    @Test
    void twoClassesAtMm1() {
        double[] lambdas = {4, 4};
        double high = PriorityQueueing.cobhamWaitMm1(0, lambdas, 10);
        double low = PriorityQueueing.cobhamWaitMm1(1, lambdas, 10);
        assertEquals(0.08 / 0.6, high, 1e-12, "class 0 within 1e-12");
        assertEquals(0.08 / 0.12, low, 1e-12, "class 1 within 1e-12");
        assertEquals(PriorityQueueing.meanWait(8, 10), (high + low) / 2, 1e-12, "conservation law within 1e-12");
    }

    @Test
    void lifoSecondMomentIsFifosOverOneMinusRho() {
        assertEquals(0.4, PriorityQueueing.fifoWaitSecondMoment(8, 10), 1e-12, "2 rho / (mu - lambda)^2");
        assertEquals(2.0, PriorityQueueing.lifoWaitSecondMoment(8, 10), 1e-12, "0.4 / (1 - 0.8)");
        assertEquals(0.4, PriorityQueueing.meanWait(8, 10), 1e-12, "rho / (mu - lambda)");
    }

    @Test
    void rejectsAnUnstableLoad() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> PriorityQueueing.cobhamWaitMm1(0, new double[] {6, 5}, 10));
        assertEquals("the total load must be below 1 for a steady state, was 1.1", e.getMessage());
    }
}
