package lab.overload.engine.metrics;

/**
 * The work ledger's classes. Work is measured in worker-seconds: the time an attempt holds a worker (or, for a
 * rejection, the time a host spends rejecting it), credited when the attempt ends.
 */
public enum WorkClass {
    /** Work whose answer a waiting client received as a success. */
    USEFUL,
    /** Work finished after the client had left, or answered with an error. */
    WASTED,
    /** Work spent rejecting attempts (the cost of load shedding). */
    REJECTION,
    /** Work given up part-way by the server. */
    ABANDONED,
    /** Cold-start initialisation of a sandbox before its first request (no service has any). */
    INIT
}
