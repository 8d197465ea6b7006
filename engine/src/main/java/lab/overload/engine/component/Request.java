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
}
