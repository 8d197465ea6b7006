package lab.overload.models.scenario;

/** How long a client waits for one attempt. */
public enum TimeoutKind {
    /** No client timeout: the client waits for as long as it takes. */
    NONE,
    /** Every attempt waits exactly timeoutMillis. */
    FIXED,
    /** Exponentially distributed patience with mean timeoutMillis (the Erlang A model). */
    EXPONENTIAL
}
