package lab.overload.engine.operate;

import java.util.Locale;

/**
 * What a span of a sampled trace stands for. Client-side spans ({@link #ATTEMPT}, {@link #BACKOFF},
 * {@link #CLIENT}) tile a request's life from arrival to its end; the others sit inside the attempt they serve.
 */
public enum SpanKind {
    /** One attempt, from its send to its answer, its timeout or a refusal. */
    ATTEMPT,
    /** The client sleeping before a retry. */
    BACKOFF,
    /** Any other client-side time (a local refusal by a circuit breaker or an adaptive throttle). */
    CLIENT,
    /** A cheap refusal: a front-door (API) 429, a function throttle, a shed or a full queue (zero length). */
    THROTTLE,
    /** Waiting in a service's accept queue for a worker. */
    QUEUE_WAIT,
    /** A message waiting in an asynchronous queue for a poller. */
    ASYNC_WAIT,
    /** A cold start: placing the new sandbox on a worker manager. */
    PLACEMENT,
    /** A cold start: the sandbox's init. */
    INIT,
    /** Work on a worker or in a sandbox. */
    WORK,
    /** Waiting for a dependency call or an onward invoke to answer. */
    CALL,
    /** Server-side time after the client gave up on the attempt (wasted). */
    AFTER_TIMEOUT,
    /** A queued message dropped as too old (time to live, or maximum event age): from its first enqueue (its age). */
    EXPIRED,
    /** A queued message the target failed on every try: from its first enqueue to the dead-letter (its age). */
    DEAD_LETTERED;

    /** The name as a CSS-friendly token, e.g. {@code queue-wait}. */
    public String cssName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
