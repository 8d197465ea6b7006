package lab.overload.engine.policy;

import java.util.function.LongSupplier;
import lab.overload.models.scenario.RetryBudgetKind;
import lab.overload.models.scenario.RetryBudgetSpec;

/**
 * Finagle's {@code RetryBudget}: every logical request deposits, every retry withdraws, and both expire after
 * {@code ttl}. Over the window of the last ttl seconds (a {@link BudgetWindow}, so between 0.9 and 1.0 ttl), with D
 * requests and W retries counted, a retry is allowed when
 *
 * <pre>    W + 1 &le; percentCanRetry &times; D + minRetriesPerSecond &times; ttl</pre>
 *
 * which is Finagle's scaled token arithmetic (deposit 1000, withdrawal 1000 / percentCanRetry, reserve
 * minRetriesPerSecond &times; ttl withdrawals) divided through. The balance on the right minus W is the gauge, in
 * retries. A tolerance of 1e-9 retries absorbs floating-point error in p &times; D.
 *
 * <p>What it does under overload: at an arrival rate &lambda; retries are capped at percentCanRetry &times; &lambda;
 * + minRetriesPerSecond per second, so attempts per request are at most 1 + percentCanRetry (plus the minimum rate)
 * whatever the failure rate; below the cap every retry goes.
 *
 * <p>Thread rule: single writer (the simulation thread); the clock is sim time in microseconds.
 */
public final class RetryBudgetFinagle implements RetryBudget {
    private static final int DEPOSITS = 0;
    private static final int WITHDRAWALS = 1;
    private static final double EPS = 1e-9;

    private final LongSupplier clock;
    private final BudgetWindow window;
    private double ttlSeconds;
    private double minRetriesPerSecond;
    private double percentCanRetry;

    public RetryBudgetFinagle(RetryBudgetSpec spec, LongSupplier clock) {
        this.clock = clock;
        this.window = new BudgetWindow(2, Math.round(spec.ttlSeconds() * 1e6), clock.getAsLong());
        reconfigure(spec);
    }

    @Override
    public void reconfigure(RetryBudgetSpec spec) {
        if (spec.kind() != RetryBudgetKind.FINAGLE) {
            throw new IllegalArgumentException("kind must be FINAGLE, was " + spec.kind());
        }
        ttlSeconds = spec.ttlSeconds();
        minRetriesPerSecond = spec.minRetriesPerSecond();
        percentCanRetry = spec.percentCanRetry();
        window.setWindow(Math.round(ttlSeconds * 1e6), clock.getAsLong());
    }

    @Override
    public void onRequest() {
        window.add(clock.getAsLong(), DEPOSITS, 1);
    }

    @Override
    public void onFailure() {
    }

    @Override
    public void onSuccess(boolean wasRetry, int retryCost) {
    }

    @Override
    public int tryAcquireRetry(boolean afterTimeout) {
        if (available() < 1 - EPS) {
            return DENIED;
        }
        window.add(clock.getAsLong(), WITHDRAWALS, 1);
        return 0;
    }

    @Override
    public double available() {
        long now = clock.getAsLong();
        return percentCanRetry * window.sum(now, DEPOSITS) + minRetriesPerSecond * ttlSeconds
                - window.sum(now, WITHDRAWALS);
    }
}
