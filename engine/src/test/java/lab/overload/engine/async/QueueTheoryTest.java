package lab.overload.engine.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lab.overload.engine.component.World;
import lab.overload.engine.component.async.QueueSummary;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.theory.PriorityQueueing;
import org.junit.jupiter.api.Test;

/**
 * A queue with one poller in front of a one-worker service with exponential work is an M/M/1 queue whose waiting
 * time is the message age. Fixed seeds; tolerances stated per assertion. The closed forms are in
 * {@link PriorityQueueing} (Kleinrock, Queueing Systems Vol. 1 and 2).
 */
class QueueTheoryTest {

    static Scenario mm1(String discipline, long seed) {
        return ScenarioCodec.read("{\"name\": \"mm1\", \"seed\": " + seed + ", \"durationSeconds\": 20000, "
                + "\"warmupSeconds\": 100, \"intervalMillis\": 1000, \"clients\": [{\"name\": \"web\", "
                + "\"target\": \"q\", \"ratePerSecond\": 8, \"timeoutKind\": \"NONE\"}], \"services\": [{\"name\": "
                + "\"svc\", \"workersPerHost\": 1, \"serviceTimeMillis\": 100}], \"queues\": [{\"name\": \"q\", "
                + "\"target\": \"svc\", \"discipline\": \"" + discipline + "\"}]}");
    }

    static QueueSummary run(Scenario s) {
        World w = new World(s);
        w.runUntil(s.durationMicros());
        QueueSummary q = w.queueSummaries().get("q");
        q.checkConservation("q");
        w.summary().checkConservation();
        return q;
    }

    /**
     * M/M/1 at lambda = 8/s, mu = 10/s: mean wait rho / (mu - lambda) = 400 ms under FIFO and LIFO alike (the order
     * does not change the work in the system). About 160,000 messages per run; at rho = 0.8 consecutive waits are
     * strongly correlated, so the tolerance is 8 % of the mean. LIFO's waits spread far wider: its p99 is larger.
     */
    @Test
    void fifoAndLifoHaveTheSameMeanWait() {
        double expected = 0.8 / (10 - 8) * 1000;
        QueueSummary fifo = run(mm1("FIFO", 11));
        QueueSummary lifo = run(mm1("LIFO", 11));
        assertEquals(expected, fifo.ageMeanMillis(), 0.08 * expected, "FIFO mean age");
        assertEquals(expected, lifo.ageMeanMillis(), 0.08 * expected, "LIFO mean age");
        // FIFO's p99 wait: P(W > t) = rho exp(-(mu - lambda) t), so t = ln(80) / 2 s = 2.19 s.
        assertEquals(Math.log(80) / 2 * 1000, fifo.ageP99Millis(), 0.1 * Math.log(80) / 2 * 1000, "FIFO p99");
        assertTrue(lifo.ageP99Millis() > 1.5 * fifo.ageP99Millis(), "LIFO p99 " + lifo.ageP99Millis()
                + " should be far above FIFO's " + fifo.ageP99Millis());
        assertTrue(lifo.ageP50Millis() < fifo.ageP50Millis(), "most LIFO messages wait less");
        // Little's law on the lanes: backlog = lambda x mean age, up to the edges of the window (2 %).
        assertEquals(8 * fifo.ageMeanMillis() / 1000, fifo.backlogMean(), 0.02 * fifo.backlogMean(), "Little");
        assertEquals(0.8 * 0.8 / 0.2, fifo.backlogMean(), 0.1 * 3.2, "M/M/1 Lq = rho^2 / (1 - rho)");
        // Second moments (PriorityQueueing): E[W^2] = 2 rho / (mu - lambda)^2 = 0.4 s^2 under FIFO, and LIFO's is
        // FIFO's / (1 - rho) = 2.0 s^2, so with equal means LIFO's variance is 1.84 s^2 against FIFO's 0.24 s^2.
        // Second moments converge more slowly than means: 15 % each. Both runs share their arrivals and work
        // (common random numbers), so their ratio is much tighter: 5 % of 1 / (1 - rho) = 5.
        double fifoM2 = PriorityQueueing.fifoWaitSecondMoment(8, 10) * 1e6;
        double lifoM2 = PriorityQueueing.lifoWaitSecondMoment(8, 10) * 1e6;
        assertEquals(fifoM2, secondMomentMillis2(fifo), 0.15 * fifoM2, "FIFO E[W^2], ms^2");
        assertEquals(lifoM2, secondMomentMillis2(lifo), 0.15 * lifoM2, "LIFO E[W^2], ms^2");
        assertEquals(1 / (1 - 0.8), secondMomentMillis2(lifo) / secondMomentMillis2(fifo), 0.05 * 5,
                "LIFO's E[W^2] over FIFO's");
        assertTrue(lifo.ageStdDevMillis() > 2.5 * fifo.ageStdDevMillis(), "LIFO's standard deviation "
                + lifo.ageStdDevMillis() + " ms should be about sqrt(1.84 / 0.24) = 2.8 times FIFO's "
                + fifo.ageStdDevMillis());
    }

    /** E[W^2] in ms^2 from the mean and the sample standard deviation of the ages. */
    static double secondMomentMillis2(QueueSummary q) {
        return q.ageStdDevMillis() * q.ageStdDevMillis() + q.ageMeanMillis() * q.ageMeanMillis();
    }
}
