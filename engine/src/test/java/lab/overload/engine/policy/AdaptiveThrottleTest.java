package lab.overload.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lab.overload.models.scenario.ThrottleSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SRE book's client-side throttling formula on scripted counts: P = max(0, (req - K acc) / (req + 1)). */
class AdaptiveThrottleTest {

    @ParameterizedTest(name = "requests {0}, accepts {1}, K {2}")
    @CsvSource({
        "0,   0,   2",
        "10,  10,  2",
        "20,  10,  2",
        "100, 30,  2",
        "100, 0,   2",
        "100, 30,  1",
        "100, 30,  3",
        "7,   1,   1.5"})
    void probabilityIsTheSreFormula(int requests, int accepts, double k) {
        ManualClock clock = new ManualClock();
        AdaptiveThrottle t = new AdaptiveThrottle(new ThrottleSpec(true, 120, k), clock);
        for (int i = 0; i < requests; i++) {
            t.tryAcquire(0.999_999);
        }
        for (int i = 0; i < accepts; i++) {
            t.onAccept();
        }
        double expected = Math.max(0, (requests - k * accepts) / (requests + 1.0));
        assertEquals(expected, t.rejectProbability(), 1e-15);
        assertEquals(requests, t.requests());
        assertEquals(accepts, t.accepts());
    }

    @Test
    void decisionUsesTheCountsBeforeTheAttemptAndCountsRejectedAttemptsAsRequests() {
        ManualClock clock = new ManualClock();
        AdaptiveThrottle t = new AdaptiveThrottle(new ThrottleSpec(true, 120, 2), clock);
        for (int i = 0; i < 100; i++) {
            t.tryAcquire(0.999_999);
        }
        for (int i = 0; i < 30; i++) {
            t.onAccept();
        }
        // P = (100 - 60) / 101 = 0.39604
        assertFalse(t.tryAcquire(0.396), "0.396 < 40/101: rejected");
        assertEquals(101, t.requests(), "a rejected attempt is still a request");
        // P = (101 - 60) / 102 = 0.40196
        assertTrue(t.tryAcquire(0.402), "0.402 >= 41/102: admitted");
        assertEquals(42.0 / 103, t.rejectProbability(), 1e-15);
    }

    @Test
    void countsExpireAfterTheWindowAndKCanChangeLive() {
        ManualClock clock = new ManualClock();
        AdaptiveThrottle t = new AdaptiveThrottle(new ThrottleSpec(true, 120, 2), clock);
        for (int i = 0; i < 50; i++) {
            t.tryAcquire(0.999_999);
        }
        t.onAccept();
        assertEquals(48.0 / 51, t.rejectProbability(), 1e-15);
        t.reconfigure(new ThrottleSpec(true, 120, 10));
        assertEquals(40.0 / 51, t.rejectProbability(), 1e-15, "K 10: (50 - 10) / 51");
        clock.setSeconds(119.999);
        assertEquals(40.0 / 51, t.rejectProbability(), 1e-15);
        clock.setSeconds(120);
        assertEquals(0, t.rejectProbability(), "everything expired after the 120 s window");
    }

    @Test
    void anAcceptingBackendIsNeverThrottled() {
        ManualClock clock = new ManualClock();
        AdaptiveThrottle t = new AdaptiveThrottle(new ThrottleSpec(true, 10, 2), clock);
        for (int i = 0; i < 1000; i++) {
            clock.setSeconds(i * 0.01);
            assertTrue(t.tryAcquire(0.0), "request " + i);
            t.onAccept();
        }
    }
}
