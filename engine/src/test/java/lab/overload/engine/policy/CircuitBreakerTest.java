package lab.overload.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lab.overload.engine.policy.CircuitBreaker.State;
import lab.overload.models.scenario.CircuitBreakerSpec;
import org.junit.jupiter.api.Test;

/** Breaker transitions with a scripted clock: threshold 0.5, at least 4 outcomes, window 10 s, open 5 s, 2 probes. */
class CircuitBreakerTest {
    private final ManualClock clock = new ManualClock();
    private final CircuitBreaker breaker = new CircuitBreaker(new CircuitBreakerSpec(true, 0.5, 4, 10, 5, 2), clock);

    @Test
    void closedOpenHalfOpenReopenHalfOpenClosed() {
        clock.setSeconds(1);
        breaker.onSuccess();
        breaker.onSuccess();
        breaker.onFailure();
        assertEquals(State.CLOSED, breaker.state(), "3 outcomes < minimum 4");
        assertTrue(breaker.tryAcquirePermission());
        breaker.onFailure();
        assertEquals(State.OPEN, breaker.state(), "2 of 4 failed: rate 0.5 >= 0.5");
        assertEquals(1.0, breaker.gauge());
        assertFalse(breaker.tryAcquirePermission());

        clock.setSeconds(3);
        breaker.onSuccess();
        assertEquals(State.OPEN, breaker.state(), "outcomes while open are ignored");
        clock.setSeconds(5.999_999);
        assertFalse(breaker.tryAcquirePermission());
        clock.setSeconds(6);
        assertEquals(State.HALF_OPEN, breaker.state(), "openSeconds 5 after opening at 1 s");
        assertEquals(0.5, breaker.gauge());
        assertTrue(breaker.tryAcquirePermission(), "probe 1");
        assertTrue(breaker.tryAcquirePermission(), "probe 2");
        assertFalse(breaker.tryAcquirePermission(), "only 2 probes");
        breaker.onSuccess();
        assertEquals(State.HALF_OPEN, breaker.state(), "1 of 2 probes succeeded");
        clock.setSeconds(6.5);
        breaker.onFailure();
        assertEquals(State.OPEN, breaker.state(), "a failed probe re-opens");

        clock.setSeconds(11.499_999);
        assertEquals(State.OPEN, breaker.state());
        clock.setSeconds(11.5);
        assertEquals(State.HALF_OPEN, breaker.state(), "cool-down counts from the re-opening at 6.5 s");
        assertTrue(breaker.tryAcquirePermission());
        assertTrue(breaker.tryAcquirePermission());
        breaker.onSuccess();
        breaker.onSuccess();
        assertEquals(State.CLOSED, breaker.state(), "both probes succeeded");
        assertEquals(0.0, breaker.gauge());
        assertTrue(Double.isNaN(breaker.failureRate()), "closing starts an empty window");
    }

    @Test
    void oldOutcomesLeaveTheWindow() {
        clock.setSeconds(20);
        breaker.onFailure();
        breaker.onFailure();
        breaker.onFailure();
        assertEquals(State.CLOSED, breaker.state());
        clock.setSeconds(30);
        breaker.onFailure();
        assertEquals(State.CLOSED, breaker.state(), "the three failures at 20 s expired at 30 s: 1 outcome");
        assertEquals(1.0, breaker.failureRate());
    }

    @Test
    void belowTheThresholdItStaysClosed() {
        for (int i = 0; i < 100; i++) {
            clock.setSeconds(i * 0.05);
            if (i % 3 == 2) {
                breaker.onFailure();
            } else {
                breaker.onSuccess();
            }
            assertEquals(State.CLOSED, breaker.state(), "outcome " + i);
        }
    }

    @Test
    void liveChangesKeepTheStateAndApplyTheNewNumbers() {
        clock.setSeconds(1);
        for (int i = 0; i < 4; i++) {
            breaker.onFailure();
        }
        assertEquals(State.OPEN, breaker.state());
        breaker.reconfigure(new CircuitBreakerSpec(true, 0.5, 4, 10, 1, 1));
        clock.setSeconds(2);
        assertEquals(State.HALF_OPEN, breaker.state(), "the new 1 s cool-down counts from 1 s");
        assertTrue(breaker.tryAcquirePermission());
        assertFalse(breaker.tryAcquirePermission(), "now 1 probe");
        breaker.onSuccess();
        assertEquals(State.CLOSED, breaker.state());
    }
}
