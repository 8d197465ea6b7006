package lab.overload.models.scenario;

import java.util.List;

/**
 * A service: {@code hosts} identical hosts, each with {@code workersPerHost} worker threads (its concurrency
 * bound) sharing {@code coresPerHost} CPU cores, and an accept queue of {@code queueCapacity}. An attempt that
 * finds every worker busy and the queue full is shed: the host spends {@code rejectionCostMillis} of CPU on the
 * rejection and answers with an error the client may retry.
 *
 * <p>Speed of work in progress on a host with n attempts holding workers and m attempts being rejected:
 * {@code min(1, cores / (n + m)) / (1 + sigma (n - 1) + kappa n (n - 1))}, the Universal Scalability Law slowdown on
 * top of processor sharing of the cores. Every attempt in progress slows when n rises, including those that
 * started earlier.
 *
 * <p>Overload policies (each off by default): {@code hostsDown} crashes the last hosts (their queued and in-service
 * work is lost); {@link LimitSpec} an adaptive concurrency limit; {@link SheddingSpec} a queue-time bound;
 * {@link DeadlineSpec} the client's deadline at the server and checkpoints; {@link BoundedWorkSpec} an input size limit
 * and resume from checkpoint; {@link DependencySpec} a downstream call that holds the worker (the built-in model, or
 * another stage named by its {@code target}: a service is a stage that calls onward).
 */
public record ServiceSpec(String name, int hosts, int workersPerHost, int coresPerHost, int queueCapacity,
                          Discipline discipline, double rejectionCostMillis, ExpiredWork expiredWork,
                          Distribution serviceTimeDistribution, double serviceTimeMillis, double serviceTimeCv,
                          double errorProbability, double contentionSigma, double coherencyKappa,
                          Balancer balancer, int hostsDown, LimitSpec limit, SheddingSpec shedding,
                          DeadlineSpec deadline, BoundedWorkSpec boundedWork, DependencySpec dependency) {
    /** The balancer and crashed hosts matter only with more than one host. */
    private static final Condition HOSTS = Condition.above("hosts", 1);
    private static final Condition CALLS = Condition.is("enabled", true);
    /** The built-in dependency model's own fields apply only when the dependency is not another stage. */
    private static final Condition BUILT_IN = CALLS.and(Condition.is("target", ""));

    /**
     * The dependency's field table as a service shows it: its settings only while it is enabled, its latency and
     * failure model only while it calls no other stage; {@code target} is new in schemaVersion 2.
     */
    private static final ObjectSchema DEPENDENCY = DependencySpec.SCHEMA
            .with("latencyDistribution", f -> f.shownWhen(BUILT_IN))
            .with("latencyMillis", f -> f.shownWhen(BUILT_IN))
            .with("maxConcurrency", f -> f.shownWhen(CALLS))
            .with("failureProbability", f -> f.shownWhen(BUILT_IN))
            .with("target", f -> f.since(2));

    public static final ObjectSchema SCHEMA = new ObjectSchema("Service", ServiceSpec.class,
            ControlGroup.SERVER, List.of(
            FieldDef.text("name", null, 40, "Identifier used in parameter paths (letters, digits, - and _)."),
            FieldDef.integer("hosts", "hosts", 1, 1000, 1, "Number of identical hosts behind the balancer."),
            FieldDef.integer("workersPerHost", "workers", 1, 100_000, 10,
                    "Worker threads per host: the most attempts a host works on at once.").log(),
            FieldDef.integer("coresPerHost", "cores", 0, 4096, 0,
                    "CPU cores per host shared by its workers; 0 means one core per worker (no CPU sharing)."),
            FieldDef.integer("queueCapacity", "attempts", 0, 10_000_000, 1000,
                    "Accept queue per host; an attempt arriving to a full queue is shed.").log(),
            FieldDef.choice("discipline", Discipline.class, Discipline.FIFO,
                    "Order in which queued attempts are taken: FIFO, LIFO or PRIORITY (by the client group's "
                    + "priority class, FIFO within a class)."),
            FieldDef.real("rejectionCostMillis", "ms", 0, 60_000, 0,
                    "CPU time a host spends to shed one attempt (cheap rejection is small)."),
            FieldDef.choice("expiredWork", ExpiredWork.class, ExpiredWork.PROCESS,
                    "Queued work whose client gave up: PROCESS it anyway (wasted) or DROP_AT_DEQUEUE."),
            FieldDef.choice("serviceTimeDistribution", Distribution.class, Distribution.EXPONENTIAL,
                    "Distribution of the uncontended work per attempt of size 1.").group(ControlGroup.LATENCY),
            FieldDef.real("serviceTimeMillis", "ms", 0.001, 3_600_000, 100,
                    "Mean uncontended work per attempt of size 1.").log().group(ControlGroup.LATENCY),
            FieldDef.real("serviceTimeCv", "", 0, 20, 1,
                    "Coefficient of variation of the service time (LOGNORMAL only).").group(ControlGroup.LATENCY)
                    .shownWhen(Condition.is("serviceTimeDistribution", Distribution.LOGNORMAL)),
            FieldDef.real("errorProbability", "", 0, 1, 0,
                    "Probability that a completed attempt answers with an error.").group(ControlGroup.LATENCY),
            FieldDef.real("contentionSigma", "", 0, 1, 0,
                    "USL contention sigma: the serial fraction that makes work slow as concurrency grows.")
                    .group(ControlGroup.LATENCY),
            FieldDef.real("coherencyKappa", "", 0, 1, 0,
                    "USL coherency kappa: cross-talk cost that makes throughput fall past a peak.")
                    .group(ControlGroup.LATENCY),
            FieldDef.choice("balancer", Balancer.class, Balancer.ROUND_ROBIN,
                    "How attempts are spread over hosts: ROUND_ROBIN, LEAST_OUTSTANDING or RANDOM.").shownWhen(HOSTS),
            FieldDef.integer("hostsDown", "hosts", 0, 1000, 0,
                    "Hosts crashed (the last ones): they take no traffic and lose their work; hosts or more = all.")
                    .shownWhen(HOSTS),
            FieldDef.object("limit", LimitSpec.SCHEMA, "Adaptive concurrency limit per host.")
                    .group(ControlGroup.SERVER_POLICIES),
            FieldDef.object("shedding", SheddingSpec.SCHEMA, "Queue-time bound on accepted work.")
                    .group(ControlGroup.SERVER_POLICIES),
            FieldDef.object("deadline", DeadlineSpec.SCHEMA, "Server-side use of the client's deadline.")
                    .group(ControlGroup.SERVER_POLICIES),
            FieldDef.object("boundedWork", BoundedWorkSpec.SCHEMA, "Input size limit and resume from checkpoint.")
                    .group(ControlGroup.SERVER_POLICIES),
            FieldDef.object("dependency", DEPENDENCY, "Downstream dependency called by each attempt.")
                    .group(ControlGroup.DEPENDENCY)));

    public ServiceSpec {
        name = ClientSpec.checkName(SCHEMA.checkText("name", name), "name");
        SCHEMA.check("hosts", hosts);
        SCHEMA.check("workersPerHost", workersPerHost);
        SCHEMA.check("coresPerHost", coresPerHost);
        SCHEMA.check("queueCapacity", queueCapacity);
        discipline = SCHEMA.orDefault("discipline", discipline);
        SCHEMA.check("rejectionCostMillis", rejectionCostMillis);
        expiredWork = SCHEMA.orDefault("expiredWork", expiredWork);
        serviceTimeDistribution = SCHEMA.orDefault("serviceTimeDistribution", serviceTimeDistribution);
        SCHEMA.check("serviceTimeMillis", serviceTimeMillis);
        SCHEMA.check("serviceTimeCv", serviceTimeCv);
        SCHEMA.check("errorProbability", errorProbability);
        SCHEMA.check("contentionSigma", contentionSigma);
        SCHEMA.check("coherencyKappa", coherencyKappa);
        balancer = SCHEMA.orDefault("balancer", balancer);
        SCHEMA.check("hostsDown", hostsDown);
        limit = limit == null ? LimitSpec.NONE : limit;
        shedding = shedding == null ? SheddingSpec.NONE : shedding;
        deadline = deadline == null ? DeadlineSpec.NONE : deadline;
        boundedWork = boundedWork == null ? BoundedWorkSpec.NONE : boundedWork;
        dependency = dependency == null ? DependencySpec.NONE : dependency;
    }

    /**
     * A service with every host up and no limit, queue-time bound, checkpoints, size limit or dependency: the
     * components before {@code hostsDown}, as the format had them first.
     */
    public ServiceSpec(String name, int hosts, int workersPerHost, int coresPerHost, int queueCapacity,
                       Discipline discipline, double rejectionCostMillis, ExpiredWork expiredWork,
                       Distribution serviceTimeDistribution, double serviceTimeMillis, double serviceTimeCv,
                       double errorProbability, double contentionSigma, double coherencyKappa, Balancer balancer) {
        this(name, hosts, workersPerHost, coresPerHost, queueCapacity, discipline, rejectionCostMillis, expiredWork,
                serviceTimeDistribution, serviceTimeMillis, serviceTimeCv, errorProbability, contentionSigma,
                coherencyKappa, balancer, 0, LimitSpec.NONE, SheddingSpec.NONE, DeadlineSpec.NONE,
                BoundedWorkSpec.NONE, DependencySpec.NONE);
    }

    /**
     * Hosts taking traffic: the first {@code max(0, hosts - hostsDown)}. No cross-field rule ties hostsDown to hosts
     * (every parameter must accept its whole range on its own), so hostsDown at or above hosts means all are down.
     */
    public int hostsUp() {
        return Math.max(0, hosts - hostsDown);
    }

    /** Cores that actually limit a host: coresPerHost, or one per worker when it is 0. */
    public int effectiveCores() {
        return coresPerHost == 0 ? workersPerHost : coresPerHost;
    }
}
