package lab.overload.models.scenario;

/** How a client group generates requests. */
public enum LoopKind {
    /** Arrivals follow their own clock, whatever the responses do (users on the internet). */
    OPEN,
    /** A fixed number of users, each waiting for its response, then thinking, then sending the next. */
    CLOSED
}
