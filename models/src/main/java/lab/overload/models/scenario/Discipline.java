package lab.overload.models.scenario;

/** Order in which a host takes queued work. */
public enum Discipline {
    /** First in, first out: under overload every request waits the whole queue. */
    FIFO,
    /** Last in, first out: the newest request, whose client is most likely still waiting, goes first. */
    LIFO
}
