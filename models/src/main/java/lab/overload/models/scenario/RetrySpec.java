package lab.overload.models.scenario;

import java.util.List;

/**
 * Client retry policy: up to {@code maxAttempts} attempts per request (1 = no retries). Before retry n (n = 1, 2,
 * ...) the client sleeps a backoff of min(cap, base * 2^(n-1)), randomised by the jitter mode. Timeouts,
 * rejections and errors are all retried while attempts remain.
 */
public record RetrySpec(int maxAttempts, double backoffBaseMillis, double backoffCapMillis, Jitter jitter) {
    /** Backoff matters only when there are retries. */
    private static final Condition RETRIES = Condition.above("maxAttempts", 1);

    public static final ObjectSchema SCHEMA = new ObjectSchema("Retry", RetrySpec.class, List.of(
            FieldDef.integer("maxAttempts", "attempts", 1, 100, 1,
                    "Attempts per request including the first; 1 means no retries."),
            FieldDef.real("backoffBaseMillis", "ms", 0, 600_000, 100,
                    "Backoff before the first retry; it doubles with each further retry.").shownWhen(RETRIES),
            FieldDef.real("backoffCapMillis", "ms", 0, 3_600_000, 10_000,
                    "Upper bound on any one backoff.").shownWhen(RETRIES),
            FieldDef.choice("jitter", Jitter.class, Jitter.FULL,
                    "How the backoff is randomised: NONE, FULL, EQUAL or DECORRELATED.").shownWhen(RETRIES)));

    public static final RetrySpec NONE = new RetrySpec(1, 100, 10_000, Jitter.FULL);

    public RetrySpec {
        SCHEMA.check("maxAttempts", maxAttempts);
        SCHEMA.check("backoffBaseMillis", backoffBaseMillis);
        SCHEMA.check("backoffCapMillis", backoffCapMillis);
        jitter = SCHEMA.orDefault("jitter", jitter);
    }
}
