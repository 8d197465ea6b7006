package lab.overload.models.scenario;

import java.util.List;

/**
 * A downstream dependency each attempt calls once it holds a worker, before its CPU work: the worker stays held, using
 * no CPU, for the call's latency. By Little's law the workers held are about {@code lambda (S + L)} for arrival rate
 * lambda, service time S and dependency latency L, so a slower dependency fills the worker pool without any more CPU
 * work. At most {@code maxConcurrency} calls are in flight over the whole service; a call beyond it fails fast. A
 * failed call (fast, or with {@code failureProbability} after its latency) answers the client with an error
 * (COMPLETED_ERROR). Calls in flight keep the latency drawn when they started.
 */
public record DependencySpec(boolean enabled, Distribution latencyDistribution, double latencyMillis,
                             int maxConcurrency, double failureProbability, String target) {
    public static final ObjectSchema SCHEMA = new ObjectSchema("Dependency", DependencySpec.class, List.of(
            FieldDef.bool("enabled", false, "Whether each attempt calls the downstream dependency."),
            FieldDef.choice("latencyDistribution", Distribution.class, Distribution.EXPONENTIAL,
                    "Distribution of a call's latency: CONSTANT, EXPONENTIAL or LOGNORMAL (CV 1)."),
            FieldDef.real("latencyMillis", "ms", 0, 3_600_000, 50,
                    "Mean latency of one dependency call, during which the worker waits without CPU."),
            FieldDef.integer("maxConcurrency", "calls", 1, 1_000_000, 1000,
                    "Most calls in flight to the dependency over the service; a call beyond it fails fast.").log(),
            FieldDef.real("failureProbability", "", 0, 1, 0,
                    "Probability that a call fails after its latency, answering the client with an error."),
            FieldDef.text("target", "", 40, "Stage this service's dependency calls (empty: the built-in dependency model above).")));

    /** No dependency. */
    public static final DependencySpec NONE = new DependencySpec(false, Distribution.EXPONENTIAL, 50, 1000, 0, "");

    public DependencySpec {
        latencyDistribution = SCHEMA.orDefault("latencyDistribution", latencyDistribution);
        SCHEMA.check("latencyMillis", latencyMillis);
        SCHEMA.check("maxConcurrency", maxConcurrency);
        SCHEMA.check("failureProbability", failureProbability);
        target = SCHEMA.checkText("target", target);
    }
}
