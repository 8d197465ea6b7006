package lab.overload.models.scenario;

import java.util.List;

/**
 * A host's adaptive concurrency limit: the host admits at most {@code min(workersPerHost, limit)} attempts into
 * service; the rest wait in the accept queue (or are shed when it is full). FIXED keeps the worker count as the bound.
 *
 * <p>AIMD (Netflix {@code AIMDLimit}), per finished attempt: if it was a drop (its client had gone, its dependency
 * failed, it was abandoned) or it held its worker longer than {@code latencyThresholdMillis},
 * {@code limit = floor(limit * backoffRatio)}; otherwise, if at least half the limit was in flight when it started,
 * {@code limit = limit + 1}. GRADIENT (Netflix {@code Gradient2Limit}), per finished attempt with rtt its time in
 * service: {@code longRtt} is an exponential average over {@code longWindowSamples} samples;
 * {@code gradient = clamp(rttTolerance * longRtt / rtt, 0.5, 1)},
 * {@code limit = (1 - smoothing) limit + smoothing (limit * gradient + queueSize)}. Both stay in
 * [{@code minLimit}, {@code maxLimit}]; a minLimit above maxLimit is rejected.
 */
public record LimitSpec(LimitKind kind, int initialLimit, int minLimit, int maxLimit, double backoffRatio,
                        double latencyThresholdMillis, double smoothing, double rttTolerance, int longWindowSamples,
                        int queueSize) {
    public static final ObjectSchema SCHEMA = new ObjectSchema("Limit", LimitSpec.class, List.of(
            FieldDef.choice("kind", LimitKind.class, LimitKind.FIXED,
                    "FIXED (the workers are the bound), AIMD or GRADIENT adaptive concurrency limit per host."),
            FieldDef.integer("initialLimit", "attempts", 1, 100_000, 10,
                    "Adaptive limit per host at the start of a run and after a host restarts.").log()
                    .shownWhen(Condition.isNot("kind", LimitKind.FIXED)),
            FieldDef.integer("minLimit", "attempts", 1, 100_000, 1,
                    "Lowest value the adaptive limit may fall to.").log()
                    .shownWhen(Condition.isNot("kind", LimitKind.FIXED)),
            FieldDef.integer("maxLimit", "attempts", 1, 100_000, 1000,
                    "Highest value the adaptive limit may grow to.").log()
                    .shownWhen(Condition.isNot("kind", LimitKind.FIXED)),
            FieldDef.real("backoffRatio", "", 0.5, 0.999, 0.9,
                    "AIMD: factor applied to the limit on a drop or a slow completion.")
                    .shownWhen(Condition.is("kind", LimitKind.AIMD)),
            FieldDef.real("latencyThresholdMillis", "ms", 0.001, 3_600_000, 1000,
                    "AIMD: an attempt that held its worker longer than this counts as a drop.").log()
                    .shownWhen(Condition.is("kind", LimitKind.AIMD)),
            FieldDef.real("smoothing", "", 0.01, 1, 0.2,
                    "GRADIENT: weight of each new estimate in the smoothed limit (1 = no smoothing).")
                    .shownWhen(Condition.is("kind", LimitKind.GRADIENT)),
            FieldDef.real("rttTolerance", "", 1, 10, 1.5,
                    "GRADIENT: how much slower than the long-window latency the latest may be before the limit falls.")
                    .shownWhen(Condition.is("kind", LimitKind.GRADIENT)),
            FieldDef.integer("longWindowSamples", "samples", 1, 100_000, 600,
                    "GRADIENT: samples averaged (exponentially) into the long-window latency.").log()
                    .shownWhen(Condition.is("kind", LimitKind.GRADIENT)),
            FieldDef.integer("queueSize", "attempts", 0, 1000, 4,
                    "GRADIENT: headroom added to the limit at each update, so it can probe upwards.")
                    .shownWhen(Condition.is("kind", LimitKind.GRADIENT))));

    /** No adaptive limit: the worker count is the bound. */
    public static final LimitSpec NONE = new LimitSpec(LimitKind.FIXED, 10, 1, 1000, 0.9, 1000, 0.2, 1.5, 600, 4);

    public LimitSpec {
        kind = SCHEMA.orDefault("kind", kind);
        SCHEMA.check("initialLimit", initialLimit);
        SCHEMA.check("minLimit", minLimit);
        SCHEMA.check("maxLimit", maxLimit);
        SCHEMA.check("backoffRatio", backoffRatio);
        SCHEMA.check("latencyThresholdMillis", latencyThresholdMillis);
        SCHEMA.check("smoothing", smoothing);
        SCHEMA.check("rttTolerance", rttTolerance);
        SCHEMA.check("longWindowSamples", longWindowSamples);
        SCHEMA.check("queueSize", queueSize);
        if (minLimit > maxLimit) {
            throw new IllegalArgumentException("limit.minLimit (" + minLimit + ") must not be above limit.maxLimit ("
                    + maxLimit + "); lower minLimit or raise maxLimit");
        }
    }

    /** The upper bound the limit uses: {@code maxLimit} (the constructor checks it is not below minLimit). */
    public int effectiveMaxLimit() {
        return Math.max(minLimit, maxLimit);
    }
}
