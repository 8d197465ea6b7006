package lab.overload.engine.metrics;

/** How a logical request ends, at the client. Every request ends in exactly one (or is still in flight). */
public enum RequestOutcome {
    /** Answered successfully within its timeout. */
    SUCCEEDED,
    /** Its last attempt timed out and no retry was left. */
    FAILED_TIMEOUT,
    /** Its last attempt was shed or throttled and no retry was left. */
    FAILED_REJECTED,
    /** Its last attempt answered with an error and no retry was left. */
    FAILED_ERROR,
    /** An asynchronous message dropped by its time to live. */
    EXPIRED
}
