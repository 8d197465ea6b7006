package lab.overload.models.scenario;

/** What a host does at dequeue with an attempt that waited in its queue longer than the queue-time bound. */
public enum QueueTimeAction {
    /** Reject it: the host pays the rejection cost and tells the client (attempt outcome SHED). */
    REJECT_AT_DEQUEUE,
    /** Drop it silently at no cost: the client is not told and times out (attempt outcome ABANDONED_BY_SERVER). */
    DROP
}
