package lab.overload.models.scenario;

/** Inter-arrival time distribution of an open-loop client group. */
public enum ArrivalKind {
    /** Exponential gaps: a Poisson process. */
    POISSON,
    /** Evenly spaced arrivals, the first one gap after the start. */
    CONSTANT
}
