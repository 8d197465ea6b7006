package lab.overload.models.scenario;

import java.util.List;

/**
 * What a queue does with a message whose invocation did not succeed, as Lambda's asynchronous invocation does. A
 * failed invocation (the target answered with an error) is retried up to {@code retryAttempts} times, retry n
 * (n = 1, 2, ...) after {@code retryDelaySeconds * 2^(n-1)} (Lambda's defaults: two retries, one and two minutes
 * after the failures), and then dead-lettered. A throttled invocation (the target refused it) is retried without a
 * limit on the count, throttle n after min(300 s, {@code throttleBackoffSeconds * 2^(n-1)}), as long as the retry
 * would start within {@code maxEventAgeSeconds} of the message's first enqueue; otherwise the message expires. The
 * same age bound ends a failed message's retries early. While it waits out a delay a message is "in retry"; when
 * the delay ends it rejoins a lane at the tail.
 */
public record AsyncRetrySpec(int retryAttempts, double retryDelaySeconds, double throttleBackoffSeconds,
                             double maxEventAgeSeconds) {
    /** The longest backoff of a throttled message, in seconds (Lambda's five minutes). */
    public static final double THROTTLE_BACKOFF_CAP_SECONDS = 300;

    public static final ObjectSchema SCHEMA = new ObjectSchema("AsyncRetry", AsyncRetrySpec.class, List.of(
            FieldDef.integer("retryAttempts", "retries", 0, 10, 2,
                    "Retries of a message whose invocation failed, before it is dead-lettered (Lambda: 0 to 2)."),
            FieldDef.real("retryDelaySeconds", "s", 0, 3_600, 60,
                    "Delay before the first retry of a failed message; it doubles with each further retry."),
            FieldDef.real("throttleBackoffSeconds", "s", 0.001, 300, 1,
                    "Backoff before retrying a throttled message; it doubles with each throttle, up to 300 s."),
            FieldDef.real("maxEventAgeSeconds", "s", 1, 86_400, 21_600,
                    "A message is retried only while it is younger than this; then it expires (Lambda: 6 h).")));

    /** Lambda's defaults: two retries one and two minutes apart, throttles retried for up to six hours. */
    public static final AsyncRetrySpec DEFAULT = new AsyncRetrySpec(2, 60, 1, 21_600);

    public AsyncRetrySpec {
        SCHEMA.check("retryAttempts", retryAttempts);
        SCHEMA.check("retryDelaySeconds", retryDelaySeconds);
        SCHEMA.check("throttleBackoffSeconds", throttleBackoffSeconds);
        SCHEMA.check("maxEventAgeSeconds", maxEventAgeSeconds);
    }

    /** The delay before retry {@code n} (1, 2, ...) of a failed message, in microseconds. */
    public long retryDelayMicros(int n) {
        return Math.round(retryDelaySeconds * Math.pow(2, n - 1) * 1e6);
    }

    /** The backoff after throttle {@code n} (1, 2, ...), in microseconds: doubling, capped at five minutes. */
    public long throttleBackoffMicros(int n) {
        return Math.round(Math.min(THROTTLE_BACKOFF_CAP_SECONDS, throttleBackoffSeconds * Math.pow(2, n - 1)) * 1e6);
    }

    public long maxEventAgeMicros() {
        return Math.round(maxEventAgeSeconds * 1e6);
    }
}
