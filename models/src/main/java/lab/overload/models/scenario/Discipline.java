package lab.overload.models.scenario;

/** Order in which a host (or a queue's lane) takes queued work. */
public enum Discipline {
    /** First in, first out: under overload every request waits the whole queue. */
    FIFO,
    /** Last in, first out: the newest request, whose client is most likely still waiting, goes first. */
    LIFO,
    /**
     * Non-preemptive priority: the waiting request of the highest class (the lowest client group {@code priority})
     * goes first, FIFO within a class; a request in service is never interrupted.
     */
    PRIORITY
}
