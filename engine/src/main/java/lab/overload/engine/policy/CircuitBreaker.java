package lab.overload.engine.policy;

import java.util.function.LongSupplier;
import lab.overload.models.scenario.CircuitBreakerSpec;

/**
 * A circuit breaker with a time-based sliding window, in the style of resilience4j's {@code CircuitBreaker}:
 * <ul>
 *   <li><b>CLOSED</b>: attempts pass. Each outcome is counted in a {@link BudgetWindow} of {@code windowSeconds}
 *       (success; or failure = error, rejection, timeout). After each outcome, when the window holds
 *       n &ge; {@code minimumRequests} outcomes and failures / n &ge; {@code failureRateThreshold}, it opens.</li>
 *   <li><b>OPEN</b>: every attempt is rejected locally for {@code openSeconds} after it opened; outcomes of attempts
 *       sent earlier are ignored. Then it is HALF_OPEN (checked lazily, whenever it is asked).</li>
 *   <li><b>HALF_OPEN</b>: up to {@code halfOpenProbes} attempts are let through; the rest are rejected. Any outcome
 *       that arrives now counts as a probe result (including a late one from before it opened: it is just as much
 *       evidence about the backend): a failure re-opens it for another {@code openSeconds}; once
 *       {@code halfOpenProbes} successes have arrived it closes, with an empty window.</li>
 * </ul>
 * Live changes keep the state: a new threshold or minimum applies at the next outcome, a new cool-down counts from
 * when it opened, a new window keeps the counts (see {@link BudgetWindow#setWindow}).
 *
 * <p>Thread rule: single writer (the simulation thread); the clock is sim time in microseconds.
 */
public final class CircuitBreaker {
    /** The breaker's states; {@link #gauge} maps them to 0, 0.5 and 1. */
    public enum State { CLOSED, OPEN, HALF_OPEN }

    private static final int SUCCESSES = 0;
    private static final int FAILURES = 1;

    private final LongSupplier clock;
    private final BudgetWindow window;
    private CircuitBreakerSpec spec;
    private State state = State.CLOSED;
    private long openedAtMicros;
    private int probesLetThrough;
    private int probeSuccesses;

    public CircuitBreaker(CircuitBreakerSpec spec, LongSupplier clock) {
        this.clock = clock;
        this.spec = spec;
        this.window = new BudgetWindow(2, Math.round(spec.windowSeconds() * 1e6), clock.getAsLong());
    }

    /** Applies new parameters, keeping the state. */
    public void reconfigure(CircuitBreakerSpec next) {
        spec = next;
        window.setWindow(Math.round(next.windowSeconds() * 1e6), clock.getAsLong());
    }

    /** The state now (an OPEN breaker whose cool-down has passed becomes HALF_OPEN here). */
    public State state() {
        if (state == State.OPEN && clock.getAsLong() - openedAtMicros >= Math.round(spec.openSeconds() * 1e6)) {
            state = State.HALF_OPEN;
            probesLetThrough = 0;
            probeSuccesses = 0;
        }
        return state;
    }

    /** The state as a number for charts: 0 closed, 0.5 half-open, 1 open. */
    public double gauge() {
        return switch (state()) {
            case CLOSED -> 0;
            case HALF_OPEN -> 0.5;
            case OPEN -> 1;
        };
    }

    /** Asks to send one attempt; false means it is rejected locally. */
    public boolean tryAcquirePermission() {
        return switch (state()) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (probesLetThrough >= spec.halfOpenProbes()) {
                    yield false;
                }
                probesLetThrough++;
                yield true;
            }
        };
    }

    /** An attempt succeeded. */
    public void onSuccess() {
        switch (state()) {
            case CLOSED -> {
                window.add(clock.getAsLong(), SUCCESSES, 1);
                evaluate();
            }
            case HALF_OPEN -> {
                if (++probeSuccesses >= spec.halfOpenProbes()) {
                    state = State.CLOSED;
                    window.clear(clock.getAsLong());
                }
            }
            case OPEN -> { }
        }
    }

    /** An attempt failed: an error, a rejection by the backend or a timeout. */
    public void onFailure() {
        switch (state()) {
            case CLOSED -> {
                window.add(clock.getAsLong(), FAILURES, 1);
                evaluate();
            }
            case HALF_OPEN -> open();
            case OPEN -> { }
        }
    }

    /** Failure rate over the window now (NaN with no outcomes). */
    public double failureRate() {
        long now = clock.getAsLong();
        double f = window.sum(now, FAILURES);
        double n = f + window.sum(now, SUCCESSES);
        return n == 0 ? Double.NaN : f / n;
    }

    private void evaluate() {
        long now = clock.getAsLong();
        double f = window.sum(now, FAILURES);
        double n = f + window.sum(now, SUCCESSES);
        if (n >= spec.minimumRequests() && f >= spec.failureRateThreshold() * n) {
            open();
        }
    }

    private void open() {
        state = State.OPEN;
        openedAtMicros = clock.getAsLong();
    }
}
