package lab.overload.engine.component;

/**
 * A stage as its callers see it: it accepts an attempt and, later or at once, answers it through the attempt's
 * {@link Caller} (unless the caller has given up on it by then: {@link Attempt#clientDone}). A component reaches
 * another only through this contract; it never calls into another component's internals.
 *
 * <p>The contract allocates nothing: the attempt is a pooled object that carries its caller, and an answer is an
 * {@code int} ({@link Caller#OK}, {@link Caller#ERROR}, {@link Caller#REJECTED}). Every call site of
 * {@link #accept} (a client group's send, a worker's dependency call) sees the stage classes of its own scenario
 * only, one in every scenario of today, so the JIT inlines it as a direct call.
 */
interface Target {
    /** The stage's name (unique in its scenario). */
    String name();

    /**
     * Takes the attempt now. The caller has set {@link Attempt#caller}, the request, the attempt's number and its
     * deadline; the stage sets everything on the server side.
     */
    void accept(Attempt a, long nowMicros);
}
