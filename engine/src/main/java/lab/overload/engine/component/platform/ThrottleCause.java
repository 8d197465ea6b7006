package lab.overload.engine.component.platform;

/**
 * Why the platform refused an invoke at once (a cheap {@code THROTTLED} answer its caller may retry). Metric names
 * come from {@link #metricName()}, never from the constant's position.
 */
public enum ThrottleCause {
    /** The function already runs as many invokes as its reserved concurrency. */
    RESERVED_CONCURRENCY("reservedConcurrency"),
    /** The functions without a reservation already use the account's unreserved concurrency. */
    ACCOUNT_CONCURRENCY("accountConcurrency"),
    /** The function's scaling-rate bucket has no whole token for a new sandbox. */
    SCALING_RATE("scalingRate"),
    /** Every worker manager slot holds a sandbox that is busy or initialising. */
    CAPACITY("capacity"),
    /** The API's token bucket has no whole token. */
    API_RATE("apiRate");

    private final String metricName;

    ThrottleCause(String metricName) {
        this.metricName = metricName;
    }

    /** The name in metrics and summaries, e.g. {@code scalingRate}. */
    public String metricName() {
        return metricName;
    }
}
