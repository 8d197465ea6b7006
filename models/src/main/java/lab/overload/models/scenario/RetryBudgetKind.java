package lab.overload.models.scenario;

/** Which retry budget limits a client group's retries (see {@link RetryBudgetSpec}). */
public enum RetryBudgetKind {
    /** No budget: every retry allowed by {@code maxAttempts} is made. */
    NONE,
    /** The AWS SDK "standard" retry quota: a token bucket that retries drain and successes refill. */
    AWS_STANDARD,
    /** gRPC retry throttling: failures drain tokens, successes add a ratio; retry only above half full. */
    GRPC,
    /** Finagle's RetryBudget: retries limited to a fraction of recent requests plus a minimum rate. */
    FINAGLE
}
