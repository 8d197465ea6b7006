package lab.overload.models.scenario;

import java.util.List;

/**
 * A retry budget: a client-wide limit on retries, checked before each retry that {@code maxAttempts} allows; a denied
 * retry ends the request with the outcome of its last failed attempt. Only the fields of the chosen {@code kind} are
 * used:
 * <ul>
 *   <li>{@code AWS_STANDARD} (AWS SDK standard retry quota): a bucket of {@code quotaCapacity} tokens, initially full;
 *       a retry withdraws {@code retryCost} tokens ({@code timeoutRetryCost} after a timeout) and is denied when the
 *       bucket cannot pay; a success refunds what its request's last retry withdrew, or adds
 *       {@code noRetryIncrement} when it succeeded on the first try (capped at the capacity).</li>
 *   <li>{@code GRPC} (gRPC retry throttling, gRFC A6): tokens start at {@code maxTokens}; every failed attempt
 *       removes 1 (not below 0), every success adds {@code tokenRatio} (not above {@code maxTokens}); a retry is
 *       allowed only while tokens &gt; maxTokens / 2.</li>
 *   <li>{@code FINAGLE} (Finagle RetryBudget): a retry is allowed while, over the last {@code ttlSeconds},
 *       retries + 1 &le; {@code percentCanRetry} &times; requests + {@code minRetriesPerSecond} &times; ttl.</li>
 * </ul>
 */
public record RetryBudgetSpec(RetryBudgetKind kind, int quotaCapacity, int retryCost, int timeoutRetryCost,
                              int noRetryIncrement, int maxTokens, double tokenRatio, double ttlSeconds,
                              double minRetriesPerSecond, double percentCanRetry) {
    public static final ObjectSchema SCHEMA = new ObjectSchema("RetryBudget", RetryBudgetSpec.class, List.of(
            FieldDef.choice("kind", RetryBudgetKind.class, RetryBudgetKind.NONE,
                    "Which budget limits retries: NONE, AWS_STANDARD (SDK quota), GRPC (retry throttling) or FINAGLE."),
            FieldDef.integer("quotaCapacity", "tokens", 1, 100_000, 500,
                    "AWS_STANDARD: size of the retry quota, which starts full.")
                    .shownWhen(Condition.is("kind", RetryBudgetKind.AWS_STANDARD)),
            FieldDef.integer("retryCost", "tokens", 0, 10_000, 5,
                    "AWS_STANDARD: tokens one retry withdraws from the quota.")
                    .shownWhen(Condition.is("kind", RetryBudgetKind.AWS_STANDARD)),
            FieldDef.integer("timeoutRetryCost", "tokens", 0, 10_000, 10,
                    "AWS_STANDARD: tokens a retry withdraws when the failed attempt timed out.")
                    .shownWhen(Condition.is("kind", RetryBudgetKind.AWS_STANDARD)),
            FieldDef.integer("noRetryIncrement", "tokens", 0, 10_000, 1,
                    "AWS_STANDARD: tokens a request that succeeds on its first try adds to the quota.")
                    .shownWhen(Condition.is("kind", RetryBudgetKind.AWS_STANDARD)),
            FieldDef.integer("maxTokens", "tokens", 1, 1000, 10,
                    "GRPC: token bucket size; retries stop while tokens are at or below half of it.")
                    .shownWhen(Condition.is("kind", RetryBudgetKind.GRPC)),
            FieldDef.real("tokenRatio", "tokens", 0.001, 10, 0.1,
                    "GRPC: tokens each success adds back (each failure removes 1), to 3 decimals.")
                    .shownWhen(Condition.is("kind", RetryBudgetKind.GRPC)),
            FieldDef.real("ttlSeconds", "s", 1, 60, 10,
                    "FINAGLE: how long a request's deposit and a retry's withdrawal count against the budget.")
                    .shownWhen(Condition.is("kind", RetryBudgetKind.FINAGLE)),
            FieldDef.real("minRetriesPerSecond", "1/s", 0, 100_000, 10,
                    "FINAGLE: retries per second allowed even with no recent requests.")
                    .shownWhen(Condition.is("kind", RetryBudgetKind.FINAGLE)),
            FieldDef.real("percentCanRetry", "", 0, 10, 0.2,
                    "FINAGLE: retries allowed per recent request, as a fraction (0.2 = 20%).")
                    .shownWhen(Condition.is("kind", RetryBudgetKind.FINAGLE))));

    /** No retry budget (the fields of the other kinds at their defaults). */
    public static final RetryBudgetSpec NONE = new RetryBudgetSpec(RetryBudgetKind.NONE, 500, 5, 10, 1, 10, 0.1, 10,
            10, 0.2);

    public RetryBudgetSpec {
        kind = SCHEMA.orDefault("kind", kind);
        SCHEMA.check("quotaCapacity", quotaCapacity);
        SCHEMA.check("retryCost", retryCost);
        SCHEMA.check("timeoutRetryCost", timeoutRetryCost);
        SCHEMA.check("noRetryIncrement", noRetryIncrement);
        SCHEMA.check("maxTokens", maxTokens);
        SCHEMA.check("tokenRatio", tokenRatio);
        SCHEMA.check("ttlSeconds", ttlSeconds);
        SCHEMA.check("minRetriesPerSecond", minRetriesPerSecond);
        SCHEMA.check("percentCanRetry", percentCanRetry);
    }

    /** The AWS SDK standard quota with its published numbers (500 tokens, retry 5, after a timeout 10, success 1). */
    public static RetryBudgetSpec awsStandard() {
        return new RetryBudgetSpec(RetryBudgetKind.AWS_STANDARD, 500, 5, 10, 1, 10, 0.1, 10, 10, 0.2);
    }

    /** gRPC retry throttling with the given bucket size and success ratio. */
    public static RetryBudgetSpec grpc(int maxTokens, double tokenRatio) {
        return new RetryBudgetSpec(RetryBudgetKind.GRPC, 500, 5, 10, 1, maxTokens, tokenRatio, 10, 10, 0.2);
    }

    /** A Finagle budget with the given ttl, minimum retry rate and fraction of requests that may be retried. */
    public static RetryBudgetSpec finagle(double ttlSeconds, double minRetriesPerSecond, double percentCanRetry) {
        return new RetryBudgetSpec(RetryBudgetKind.FINAGLE, 500, 5, 10, 1, 10, 0.1, ttlSeconds, minRetriesPerSecond,
                percentCanRetry);
    }
}
