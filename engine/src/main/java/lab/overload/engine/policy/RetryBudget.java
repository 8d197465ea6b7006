package lab.overload.engine.policy;

import java.util.function.LongSupplier;
import lab.overload.models.scenario.RetryBudgetSpec;

/**
 * A client-wide limit on retries, consulted before each retry that the retry policy's {@code maxAttempts} allows.
 * The client reports every new logical request, every failed attempt (error, rejection or timeout) and every success;
 * the budget answers whether the next retry may go. A denied retry ends its request with the outcome of the attempt
 * that failed, so a budget never creates work, it only removes retries.
 *
 * <p>Implementations: {@link RetryBudgetAws} (AWS SDK standard quota), {@link RetryBudgetGrpc} (gRPC retry
 * throttling), {@link RetryBudgetFinagle} (Finagle RetryBudget). Each takes the sim clock, and keeps its state when
 * {@link #reconfigure} changes its parameters live.
 *
 * <p>Thread rule: single writer (the simulation thread).
 */
public interface RetryBudget {
    /** Returned by {@link #tryAcquireRetry} when the budget denies the retry. */
    int DENIED = -1;

    /** A new logical request arrived (a deposit, for budgets that grow with traffic). */
    void onRequest();

    /** An attempt failed: an error, a rejection or a timeout. */
    void onFailure();

    /**
     * An attempt succeeded.
     *
     * @param wasRetry  whether the successful attempt was a retry
     * @param retryCost what {@link #tryAcquireRetry} withdrew for that retry (0 for a first try)
     */
    void onSuccess(boolean wasRetry, int retryCost);

    /**
     * Asks to retry the attempt that just failed; withdraws from the budget when allowed.
     *
     * @param afterTimeout whether the failed attempt timed out (the AWS quota charges more for those)
     * @return the tokens withdrawn (0 or more; the client hands it back to {@link #onSuccess}), or {@link #DENIED}
     */
    int tryAcquireRetry(boolean afterTimeout);

    /** What the budget holds now, in its own unit (tokens, or retries for Finagle): the gauge. */
    double available();

    /** Applies changed parameters of the same kind, keeping the state (tokens clamp to a new maximum). */
    void reconfigure(RetryBudgetSpec spec);

    /**
     * The budget for a spec, or null for {@code NONE}. With a previous budget of the same kind, that budget is
     * reconfigured and returned (state kept); a different kind starts afresh.
     */
    static RetryBudget of(RetryBudgetSpec spec, RetryBudget previous, LongSupplier clock) {
        RetryBudget same = switch (spec.kind()) {
            case NONE -> null;
            case AWS_STANDARD -> previous instanceof RetryBudgetAws ? previous : null;
            case GRPC -> previous instanceof RetryBudgetGrpc ? previous : null;
            case FINAGLE -> previous instanceof RetryBudgetFinagle ? previous : null;
        };
        if (same != null) {
            same.reconfigure(spec);
            return same;
        }
        return switch (spec.kind()) {
            case NONE -> null;
            case AWS_STANDARD -> new RetryBudgetAws(spec);
            case GRPC -> new RetryBudgetGrpc(spec);
            case FINAGLE -> new RetryBudgetFinagle(spec, clock);
        };
    }
}
