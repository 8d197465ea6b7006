package lab.overload.engine.policy;

import java.util.function.LongSupplier;
import lab.overload.models.scenario.ThrottleSpec;

/**
 * Client-side adaptive throttling, as in the Google SRE book ("Handling Overload"). Over a sliding window (a
 * {@link BudgetWindow}) the client counts
 * <ul>
 *   <li><b>requests</b>: every attempt the application asked to send, including those this throttle rejected;</li>
 *   <li><b>accepts</b>: attempts the backend accepted, i.e. answered (successfully or with an application error)
 *       rather than shed or throttled. A timed-out attempt is not an accept: the client never learns that the
 *       backend took it, and under overload a timeout is the usual sign that it did not in time.</li>
 * </ul>
 * and rejects each new attempt locally, before it is counted, with probability
 *
 * <pre>    P(reject) = max(0, (requests - K &times; accepts) / (requests + 1))</pre>
 *
 * While the backend accepts everything, requests &le; K accepts and nothing is rejected. When it accepts only a rate a
 * of the offered rate r, requests approach r and P approaches 1 - K a / r, so the backend keeps receiving about K a:
 * K = 2 lets through twice what it can take, enough to notice quickly when it recovers. Locally rejected attempts
 * still count as requests, which is what makes the formula settle instead of oscillating.
 *
 * <p>How the engine records a local rejection: see {@code ClientGroup}; a rejected first attempt is an attempt with
 * outcome THROTTLED (a client-side 429, no work), a rejected retry is a denied retry.
 *
 * <p>Thread rule: single writer (the simulation thread); the clock is sim time in microseconds.
 */
public final class AdaptiveThrottle {
    private static final int REQUESTS = 0;
    private static final int ACCEPTS = 1;

    private final LongSupplier clock;
    private final BudgetWindow window;
    private double k;

    public AdaptiveThrottle(ThrottleSpec spec, LongSupplier clock) {
        this.clock = clock;
        this.window = new BudgetWindow(2, Math.round(spec.windowSeconds() * 1e6), clock.getAsLong());
        reconfigure(spec);
    }

    /** Applies new parameters, keeping the counts (a new window length applies to them from now). */
    public void reconfigure(ThrottleSpec spec) {
        if (!(spec.k() >= 1)) {
            throw new IllegalArgumentException("k must be at least 1, was " + spec.k());
        }
        k = spec.k();
        window.setWindow(Math.round(spec.windowSeconds() * 1e6), clock.getAsLong());
    }

    /** The probability that the next attempt is rejected locally, from the counts in the window now. */
    public double rejectProbability() {
        long now = clock.getAsLong();
        double requests = window.sum(now, REQUESTS);
        double accepts = window.sum(now, ACCEPTS);
        return Math.max(0, (requests - k * accepts) / (requests + 1));
    }

    /**
     * Decides one attempt: computes the probability from the counts so far, then counts the attempt as a request.
     *
     * @param uniform a draw from U[0, 1) (the client's {@code throttle} stream)
     * @return true if the attempt may go to the backend, false if it is rejected locally
     */
    public boolean tryAcquire(double uniform) {
        double p = rejectProbability();
        window.add(clock.getAsLong(), REQUESTS, 1);
        return uniform >= p;
    }

    /** The backend accepted an attempt (answered it with a success or an application error). */
    public void onAccept() {
        window.add(clock.getAsLong(), ACCEPTS, 1);
    }

    /** Requests counted in the window now (for tests and tables). */
    public double requests() {
        return window.sum(clock.getAsLong(), REQUESTS);
    }

    /** Accepts counted in the window now. */
    public double accepts() {
        return window.sum(clock.getAsLong(), ACCEPTS);
    }
}
