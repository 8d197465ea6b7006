package lab.overload.engine.component;

/** A logical request at its client: it lives from arrival until its final outcome, across its attempts. */
final class Request {
    int slot;
    long id;
    long gen;
    boolean inUse;
    ClientGroup client;
    long arrivedMicros;
    double size;
    int attemptsMade;
    long lastSleepMicros;
    boolean measured;
    /** The attempt the client is waiting for, or null while it backs off. */
    Attempt current;
    /** Work (micros) its first attempt was given: the whole job, which a resumed retry finishes. */
    long totalWorkMicros;
    /** Work (micros) done in completed checkpoints by any of its attempts: where a resumed retry starts. */
    long checkpointedMicros;
    /** Whether its trace is sampled (decided once, when it arrives; false without a trace sampler). */
    boolean sampled;
    /** The tenant it belongs to (0 when its group stands for one tenant). */
    int tenant;
}
