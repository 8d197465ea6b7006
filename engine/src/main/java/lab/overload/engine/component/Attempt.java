package lab.overload.engine.component;

/**
 * One attempt of a request, as the server sees it. Its client may give up on it (timeout) while the server still
 * holds it: the attempt lives until both sides are done with it.
 */
final class Attempt {
    static final int NEW = 0;
    static final int QUEUED = 1;
    static final int IN_SERVICE = 2;
    static final int REJECTING = 3;

    int slot;
    long gen;
    boolean inUse;
    Request request;
    boolean retry;
    int number;
    long requestId;
    boolean measured;
    boolean clientDone;
    boolean serverDone;
    long sentMicros;
    /** The client's deadline for this attempt; Long.MAX_VALUE when it has no timeout. It travels with the request. */
    long deadlineMicros;
    long workMicros;
    long enqueuedMicros;
    long startedMicros;
    int state;
    Host host;
    /** Fixed-speed mode: the sim time at which the work completes. */
    long finishMicros;
    /** Bumped when a scheduled completion is superseded (mode change). */
    int epoch;
    /** Shared-speed mode: the host's virtual time at which the work completes. */
    double vfinish;
    int heapIndex = -1;
    int inServiceIndex = -1;

    /** Event argument naming this attempt's current life and completion epoch. */
    long token() {
        return (gen << 20) | (epoch & 0xfffff);
    }
}
