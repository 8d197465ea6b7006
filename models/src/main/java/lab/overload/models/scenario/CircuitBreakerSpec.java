package lab.overload.models.scenario;

import java.util.List;

/**
 * A circuit breaker per client group. CLOSED: attempts pass and their outcomes (success; error, rejection or timeout
 * = failure) are counted over the last {@code windowSeconds}; once at least {@code minimumRequests} are counted and the
 * failure rate reaches {@code failureRateThreshold}, it opens. OPEN: every attempt is rejected locally for
 * {@code openSeconds}. HALF_OPEN: {@code halfOpenProbes} attempts pass; if they all succeed it closes, the first
 * failure opens it again.
 */
public record CircuitBreakerSpec(boolean enabled, double failureRateThreshold, int minimumRequests,
                                 double windowSeconds, double openSeconds, int halfOpenProbes) {
    public static final ObjectSchema SCHEMA = new ObjectSchema("CircuitBreaker", CircuitBreakerSpec.class, List.of(
            FieldDef.bool("enabled", false, "Whether a circuit breaker guards the client's attempts."),
            FieldDef.real("failureRateThreshold", "", 0.01, 1, 0.5,
                    "Fraction of failed attempts in the window at which the breaker opens.")
                    .shownWhen(Condition.is("enabled", true)),
            FieldDef.integer("minimumRequests", "attempts", 1, 100_000, 20,
                    "Outcomes the window must hold before the failure rate can open the breaker.")
                    .shownWhen(Condition.is("enabled", true)),
            FieldDef.real("windowSeconds", "s", 0.1, 600, 10,
                    "Sliding window over which attempt outcomes are counted while closed.")
                    .shownWhen(Condition.is("enabled", true)),
            FieldDef.real("openSeconds", "s", 0.01, 3600, 5,
                    "Cool-down: how long an open breaker rejects every attempt before probing.")
                    .shownWhen(Condition.is("enabled", true)),
            FieldDef.integer("halfOpenProbes", "attempts", 1, 1000, 1,
                    "Trial attempts let through when half-open; all must succeed to close the breaker.")
                    .shownWhen(Condition.is("enabled", true))));

    /** No circuit breaker. */
    public static final CircuitBreakerSpec NONE = new CircuitBreakerSpec(false, 0.5, 20, 10, 5, 1);

    public CircuitBreakerSpec {
        SCHEMA.check("failureRateThreshold", failureRateThreshold);
        SCHEMA.check("minimumRequests", minimumRequests);
        SCHEMA.check("windowSeconds", windowSeconds);
        SCHEMA.check("openSeconds", openSeconds);
        SCHEMA.check("halfOpenProbes", halfOpenProbes);
    }
}
