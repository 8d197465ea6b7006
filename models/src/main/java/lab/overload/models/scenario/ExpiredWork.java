package lab.overload.models.scenario;

/** What a host does with queued work whose client has already given up. */
public enum ExpiredWork {
    /** Process it anyway: the work is wasted. */
    PROCESS,
    /** Check the client's deadline at dequeue and drop expired work at no cost (a server-side timeout). */
    DROP_AT_DEQUEUE
}
