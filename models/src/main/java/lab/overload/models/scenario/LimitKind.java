package lab.overload.models.scenario;

/** How a host's concurrency limit is set: the number of attempts it admits into service is min(workers, limit). */
public enum LimitKind {
    /** No adaptive limit: the worker count is the concurrency bound. */
    FIXED,
    /** Additive increase, multiplicative decrease on drops and slow completions (Netflix AIMDLimit). */
    AIMD,
    /** Gradient of long-window over short-window latency, smoothed (Netflix Gradient2Limit). */
    GRADIENT
}
