package lab.overload.models.scenario;

import java.util.List;

/**
 * A function on the scenario's platform: each invoke runs in a sandbox that works on one request at a time. Its work
 * takes {@code durationMillis} (mean, at one full vCPU) scaled by {@code max(1, 1769 / memoryMb)}: CPU is proportional
 * to memory up to one vCPU at 1,769 MB. An invoke that finds no idle sandbox is cold: placement, then
 * {@code initMillis} of initialisation, then its work. An idle sandbox expires {@code keepAliveSeconds} after its last
 * invoke. The invoke (its dependency call and its work, not the init) is abandoned at {@code timeoutMillis} (the caller
 * gets an error).
 *
 * <p>Limits: {@code reservedConcurrency} (0 = none) is both the function's cap and a share of the account kept for
 * it; {@code provisionedConcurrency} sandboxes are initialised before the run and never expire; the function adds at
 * most {@code scalingPerTenSeconds} new sandboxes per 10 s (a bucket of that many, refilled continuously). The
 * {@code dependency} is a service's dependency model: the built-in one, or another stage named by its target; with
 * {@code initCallsDependency} a cold start's init calls it once too (a configuration fetch). A warm invoke takes the
 * idle sandbox that {@code reuse} chooses (the most recently used by default).
 */
public record FunctionSpec(String name, Distribution durationDistribution, double durationMillis, double durationCv,
                           int memoryMb, double timeoutMillis, Distribution initDistribution, double initMillis,
                           double keepAliveSeconds, int reservedConcurrency, int provisionedConcurrency,
                           int scalingPerTenSeconds, double errorProbability, DependencySpec dependency,
                           boolean initCallsDependency, SandboxReuse reuse) {
    /** Memory at which a function has one full vCPU. */
    public static final int FULL_VCPU_MB = 1769;

    private static final Condition CALLS = Condition.is("enabled", true);
    private static final Condition BUILT_IN = CALLS.and(Condition.is("target", ""));
    private static final ObjectSchema DEPENDENCY = DependencySpec.SCHEMA
            .with("latencyDistribution", f -> f.shownWhen(BUILT_IN))
            .with("latencyMillis", f -> f.shownWhen(BUILT_IN))
            .with("maxConcurrency", f -> f.shownWhen(CALLS))
            .with("failureProbability", f -> f.shownWhen(BUILT_IN));

    public static final ObjectSchema SCHEMA = new ObjectSchema("Function", FunctionSpec.class, ControlGroup.FUNCTION,
            List.of(
            FieldDef.text("name", null, 40, "Identifier used in parameter paths (letters, digits, - and _)."),
            FieldDef.choice("durationDistribution", Distribution.class, Distribution.EXPONENTIAL,
                    "Distribution of an invoke's work: CONSTANT, EXPONENTIAL or LOGNORMAL."),
            FieldDef.real("durationMillis", "ms", 0.001, 900_000, 100,
                    "Mean work of one invoke at one full vCPU (1769 MB or more).").log(),
            FieldDef.real("durationCv", "", 0, 20, 1,
                    "Coefficient of variation of the work (LOGNORMAL only).")
                    .shownWhen(Condition.is("durationDistribution", Distribution.LOGNORMAL)),
            FieldDef.integer("memoryMb", "MB", 128, 10_240, FULL_VCPU_MB,
                    "Memory; CPU is proportional to it up to one vCPU at 1769 MB, so less memory is slower work."),
            FieldDef.real("timeoutMillis", "ms", 1, 900_000, 3_000,
                    "Function timeout: the sandbox abandons the invoke (dependency call and work) at this time, with an error.").log(),
            FieldDef.choice("initDistribution", Distribution.class, Distribution.CONSTANT,
                    "Distribution of the initialisation time of a new sandbox (LOGNORMAL uses CV 1)."),
            FieldDef.real("initMillis", "ms", 0, 600_000, 200,
                    "Mean initialisation time of a new sandbox before its first invoke (a cold start)."),
            FieldDef.real("keepAliveSeconds", "s", 0, 86_400, 300,
                    "How long an idle sandbox stays warm after its last invoke."),
            FieldDef.integer("reservedConcurrency", "sandboxes", 0, 1_000_000, 0,
                    "Concurrency reserved for this function and its cap; 0 = none (shares the unreserved pool)."),
            FieldDef.integer("provisionedConcurrency", "sandboxes", 0, 1_000_000, 0,
                    "Sandboxes initialised before the run that never expire; more invokes spill to on-demand.")
                    .restartRequired(),
            FieldDef.integer("scalingPerTenSeconds", "sandboxes", 1, 1_000_000, 1_000,
                    "Scaling rate: the most new sandboxes per 10 s (a bucket of that many, refilled continuously).")
                    .log(),
            FieldDef.real("errorProbability", "", 0, 1, 0,
                    "Probability that a completed invoke answers with an error."),
            FieldDef.object("dependency", DEPENDENCY, "Downstream dependency called by each invoke."),
            FieldDef.bool("initCallsDependency", false,
                    "Whether a cold start's init also calls the dependency once (fetching configuration)."),
            FieldDef.choice("reuse", SandboxReuse.class, SandboxReuse.MOST_RECENTLY_USED,
                    "Idle sandbox a warm invoke takes: MOST_RECENTLY_USED, LEAST_RECENTLY_USED or RANDOM.")));

    public FunctionSpec {
        name = ClientSpec.checkName(SCHEMA.checkText("name", name), "name");
        durationDistribution = SCHEMA.orDefault("durationDistribution", durationDistribution);
        SCHEMA.check("durationMillis", durationMillis);
        SCHEMA.check("durationCv", durationCv);
        SCHEMA.check("memoryMb", memoryMb);
        SCHEMA.check("timeoutMillis", timeoutMillis);
        initDistribution = SCHEMA.orDefault("initDistribution", initDistribution);
        SCHEMA.check("initMillis", initMillis);
        SCHEMA.check("keepAliveSeconds", keepAliveSeconds);
        SCHEMA.check("reservedConcurrency", reservedConcurrency);
        SCHEMA.check("provisionedConcurrency", provisionedConcurrency);
        SCHEMA.check("scalingPerTenSeconds", scalingPerTenSeconds);
        SCHEMA.check("errorProbability", errorProbability);
        dependency = dependency == null ? DependencySpec.NONE : dependency;
        reuse = SCHEMA.orDefault("reuse", reuse);
    }

    /** A function with the given work and limits, the defaults elsewhere (for tests and code-built scenarios). */
    public static FunctionSpec of(String name, double durationMillis, double initMillis, double keepAliveSeconds,
                                  int reservedConcurrency) {
        return new FunctionSpec(name, Distribution.EXPONENTIAL, durationMillis, 1, FULL_VCPU_MB, 3_000,
                Distribution.CONSTANT, initMillis, keepAliveSeconds, reservedConcurrency, 0, 1_000, 0,
                DependencySpec.NONE, false, SandboxReuse.MOST_RECENTLY_USED);
    }

    /** How much slower work runs than at one full vCPU: {@code max(1, 1769 / memoryMb)}. */
    public double cpuSlowdown() {
        return Math.max(1.0, (double) FULL_VCPU_MB / memoryMb);
    }
}
