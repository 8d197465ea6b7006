package lab.overload.engine.async;

import static org.junit.jupiter.api.Assertions.assertEquals;

import lab.overload.engine.component.World;
import lab.overload.engine.metrics.Summary;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.theory.PriorityQueueing;
import org.junit.jupiter.api.Test;

/**
 * Two-class non-preemptive priority at M/M/1 against Cobham's formula: groups hi (priority 0) and lo (priority 1),
 * Poisson at 4 per second each, call a one-worker service with exponential work of mean 100 ms whose accept queue is
 * PRIORITY (no timeouts, a queue that never fills). Fixed seed; tolerances stated per assertion.
 */
class PriorityTheoryTest {

    static Scenario twoClasses(long seed) {
        return ScenarioCodec.read("{\"name\": \"cobham\", \"seed\": " + seed + ", \"durationSeconds\": 20000, "
                + "\"warmupSeconds\": 100, \"intervalMillis\": 1000, \"clients\": [" + client("hi", 0) + ", "
                + client("lo", 1) + "], \"services\": [{\"name\": \"svc\", \"workersPerHost\": 1, "
                + "\"queueCapacity\": 100000, \"serviceTimeMillis\": 100, \"discipline\": \"PRIORITY\"}]}");
    }

    private static String client(String name, int priority) {
        return "{\"name\": \"" + name + "\", \"target\": \"svc\", \"ratePerSecond\": 4, \"timeoutKind\": \"NONE\", "
                + "\"priority\": " + priority + "}";
    }

    /**
     * lambda = 4 + 4 per second, mu = 10 per second: W0 = rho / mu = 80 ms; hi waits W0 / (1 - 0.4) = 133 ms, lo
     * W0 / ((1 - 0.4)(1 - 0.8)) = 667 ms. About 80,000 requests per class; at rho = 0.8 successive waits are strongly
     * correlated, so the tolerance is 8 % of each mean. Their mean is FIFO's 400 ms (the conservation law).
     */
    @Test
    void classWaitsFollowCobham() {
        Scenario s = twoClasses(17);
        World w = new World(s);
        w.runUntil(s.durationMicros());
        Summary sum = w.summary();
        sum.checkConservation();
        double[] lambdas = {4, 4};
        double hi = PriorityQueueing.cobhamWaitMm1(0, lambdas, 10) * 1000;
        double lo = PriorityQueueing.cobhamWaitMm1(1, lambdas, 10) * 1000;
        double hiMeasured = sum.byClient().get("hi").queueWaitMean();
        double loMeasured = sum.byClient().get("lo").queueWaitMean();
        assertEquals(hi, hiMeasured, 0.08 * hi, "hi's mean wait (Cobham, class 0)");
        assertEquals(lo, loMeasured, 0.08 * lo, "lo's mean wait (Cobham, class 1)");
        assertEquals(PriorityQueueing.meanWait(8, 10) * 1000, (hiMeasured + loMeasured) / 2, 0.08 * 400,
                "the classes' mean wait is FIFO's");
    }
}
