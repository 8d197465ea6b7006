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
    /** Its client's request; null for an onward call (a stage's call to another stage), which belongs to none. */
    Request request;
    /** The request's size (1 = typical), copied when the attempt is sent: it scales the work. */
    double size;
    /** An onward call: a stage's worker called another stage with it ({@link #parent} waits for its answer). */
    boolean onward;
    /** For an onward call: the attempt whose worker made the call. */
    Attempt parent;
    /** The onward call this attempt is waiting for, or null. */
    Attempt child;
    /** The metrics of the client group that sent it; null when a stage sent it (an onward call). */
    lab.overload.engine.metrics.ClientMetrics clientMetrics;
    /** The metrics of the stage it was sent to. */
    lab.overload.engine.metrics.StageMetrics stageMetrics;
    /** Who sent it and receives the stage's answer (its client group, or a stage calling onward). */
    Caller caller;
    boolean retry;
    int number;
    long requestId;
    /** Priority class (0 first) at a PRIORITY accept queue or lane: the client group's, carried onward. */
    int priorityClass;
    /** Arrival order in its host's accept queue, so FIFO and LIFO hold across priority classes. */
    long queueSequence;
    boolean measured;
    /** Its caller is done with it: answered, or given up (a client timeout). A stage answers only while false. */
    boolean clientDone;
    boolean serverDone;
    long sentMicros;
    /** The client's deadline for this attempt; Long.MAX_VALUE when it has no timeout. It travels with the request. */
    long deadlineMicros;
    /** The client's timeout timer on its ring, to cancel on a response (Simulation.NO_HANDLE when there is none). */
    long timeoutHandle = lab.overload.engine.core.Simulation.NO_HANDLE;
    long workMicros;
    long enqueuedMicros;
    long startedMicros;
    int state;
    Host host;
    /** At a function: the id of the sandbox that runs it (in its function's table). */
    int sandbox;
    /** Fixed-speed mode: the sim time at which the work completes. */
    long finishMicros;
    /** Bumped when a scheduled completion is superseded (mode change). */
    int epoch;
    /** Shared-speed mode: the host's virtual time at which the work completes. */
    double vfinish;
    int heapIndex = -1;
    int inServiceIndex = -1;
    /** In service but waiting for its dependency call: it holds a worker and uses no CPU. */
    boolean calling;
    /** Its dependency call failed or was refused: it answers with an error when it leaves service. */
    boolean depFailed;
    /** Attempts in service on its host when it was admitted, itself included (the limit's inflight sample). */
    int inflightAtStart;
    /** The request's saved progress (work micros done in completed checkpoints) this attempt resumed from. */
    long baseMicros;
    /** Its own work done at its last completed checkpoint. */
    long savedMicros;
    /** Its own work at its next checkpoint, or {@link #NO_CHECKPOINT}. */
    long nextCheckpointMicros = NO_CHECKPOINT;
    /** Fixed-speed mode: sim time its CPU work began (moved on mode changes so that work done = now - it). */
    long cpuStartMicros;
    /** Shared-speed mode: the host's virtual time at which its CPU work began. */
    double vstart;
    /** Shared-speed mode: virtual time of its next event, a checkpoint or the finish (the heap's key). */
    double vnext;

    static final long NO_CHECKPOINT = Long.MAX_VALUE;

    /** Clears the server-side state of a new attempt. */
    void resetServerState() {
        calling = false;
        depFailed = false;
        baseMicros = 0;
        savedMicros = 0;
        nextCheckpointMicros = NO_CHECKPOINT;
    }

    /** Event argument naming this attempt's current life and completion epoch. */
    long token() {
        return (gen << 20) | (epoch & 0xfffff);
    }

    /**
     * Makes this fresh attempt the onward call a stage sends now for {@code parent} (an API to its target, a service's
     * dependency call to a stage): it carries the parent's request id, size, priority class, attempt number and
     * deadline, is answered to {@code caller}, and becomes the parent's child.
     */
    void sendAsOnwardCall(Attempt parent, Caller caller, boolean measured, long now) {
        onward = true;
        this.parent = parent;
        this.caller = caller;
        clientMetrics = null;
        request = null;
        size = parent.size;
        requestId = parent.requestId;
        priorityClass = parent.priorityClass;
        number = parent.number;
        retry = false;
        this.measured = measured;
        sentMicros = now;
        deadlineMicros = parent.deadlineMicros;
        timeoutHandle = lab.overload.engine.core.Simulation.NO_HANDLE;
        parent.child = this;
    }
}
