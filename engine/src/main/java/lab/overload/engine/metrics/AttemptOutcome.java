package lab.overload.engine.metrics;

/** How one attempt ends, at the server. Every attempt ends in exactly one (or is still in flight). */
public enum AttemptOutcome {
    /** Completed while its client was still waiting, successfully. */
    COMPLETED_USEFUL,
    /** Completed after its client had given up: the work was wasted. */
    COMPLETED_WASTED,
    /** Completed while its client was waiting, but answered with an error. */
    COMPLETED_ERROR,
    /** Rejected by a service's load shedding (cheap rejection). */
    SHED,
    /** Rejected by a front-door throttle (429). */
    THROTTLED,
    /** Dropped by the server because the client's deadline had passed (server-side timeout). */
    ABANDONED_BY_SERVER
}
