package lab.overload.models.scenario;

import java.util.List;

/**
 * A complete, validated scenario: client groups calling stages (services, APIs and functions, which may call further stages),
 * run for {@code durationSeconds} with the first {@code warmupSeconds} excluded from summaries, metrics sealed every
 * {@code intervalMillis}, and a timeline of parameter changes. Immutable; change it with
 * {@link ParameterPaths#with(Scenario, String, String)}.
 *
 * <p>Its lists of named parts are the sections of the {@link Section} registry, one component per modelled section
 * (the field table below takes their definitions from the registry); the one place that lists them by kind is the
 * stage check in the constructor.
 */
public record Scenario(int schemaVersion, String name, String description, Lesson lesson, long seed,
                       double durationSeconds, double warmupSeconds, int intervalMillis, List<ClientSpec> clients,
                       List<ServiceSpec> services, List<ApiSpec> apis, List<PlatformSpec> platform,
                       List<FunctionSpec> functions, List<QueueSpec> queues, List<TimelineChange> timeline) {
    /**
     * The schema version this build writes. It reads every version from 1 to this one; a file of an older version
     * is read as it was written (fields newer than its version are rejected). A scenario is always held, and
     * written, as this version, so one loaded from a version-1 file equals the same scenario read back from
     * version 2.
     */
    public static final int SCHEMA_VERSION = 2;

    public static final ObjectSchema SCHEMA = new ObjectSchema("Scenario", Scenario.class, List.of(
            FieldDef.integer("schemaVersion", "", 1, SCHEMA_VERSION, SCHEMA_VERSION,
                    "Version of this format: 2 is written; files of version 1 still load.").fixed(),
            FieldDef.text("name", null, 200, "Title shown in the preset picker."),
            FieldDef.text("description", "", 2000, "One-paragraph summary."),
            FieldDef.object("lesson", Lesson.SCHEMA, "Story, try-this steps and formula."),
            FieldDef.integer("seed", "", 0, 9_007_199_254_740_991L, 1,
                    "Root of every random stream; same seed, same numbers.").restartRequired(),
            FieldDef.real("durationSeconds", "s", 0.001, 864_000, 60, "Sim time a run lasts.").fixed(),
            FieldDef.real("warmupSeconds", "s", 0, 864_000, 0,
                    "Sim time excluded from summaries at the start (must be less than the duration).").fixed(),
            FieldDef.integer("intervalMillis", "ms", 10, 60_000, 100,
                    "Length of one metrics interval in sim time.").fixed(),
            Section.CLIENTS.field(),
            Section.SERVICES.field(),
            Section.APIS.field().since(2),
            Section.PLATFORM.field().since(2),
            Section.FUNCTIONS.field().since(2),
            Section.QUEUES.field().since(2),
            FieldDef.list("timeline", TimelineChange.SCHEMA, 0, 10_000, "Scheduled parameter changes.")));

    public Scenario {
        SCHEMA.check("schemaVersion", schemaVersion);
        schemaVersion = SCHEMA_VERSION; // held as the current version, whichever version a file was written in
        name = SCHEMA.checkText("name", name);
        description = SCHEMA.checkText("description", description);
        lesson = lesson == null ? Lesson.NONE : lesson;
        SCHEMA.check("seed", seed);
        SCHEMA.check("durationSeconds", durationSeconds);
        SCHEMA.check("warmupSeconds", warmupSeconds);
        if (warmupSeconds >= durationSeconds) {
            throw new IllegalArgumentException("warmupSeconds must be less than durationSeconds ("
                    + FieldDef.format(durationSeconds) + " s), was " + FieldDef.format(warmupSeconds));
        }
        SCHEMA.check("intervalMillis", intervalMillis);
        clients = SCHEMA.checkList("clients", clients);
        services = SCHEMA.checkList("services", services);
        apis = SCHEMA.checkList("apis", apis == null ? List.of() : apis);
        platform = SCHEMA.checkList("platform", platform == null ? List.of() : platform);
        functions = SCHEMA.checkList("functions", functions == null ? List.of() : functions);
        queues = queues == null ? List.of() : SCHEMA.checkList("queues", queues);
        List<ClientSpec> clientList = clients;
        List<ServiceSpec> serviceList = services;
        List<ApiSpec> apiList = apis;
        List<PlatformSpec> platformList = platform;
        List<FunctionSpec> functionList = functions;
        List<QueueSpec> queueList = queues;
        StageGraph.check(StageGraph.parts(section -> switch (section) {
            case CLIENTS -> clientList;
            case SERVICES -> serviceList;
            case APIS -> apiList;
            case PLATFORM -> platformList;
            case FUNCTIONS -> functionList;
            case QUEUES -> queueList;
            default -> List.of();
        }), StageGraph.stageSections());
        PlatformRules.check(account(platformList), functionList);
        timeline = timeline == null || timeline.isEmpty() ? List.of() : TimelineCheck.check(timeline,
                new Scenario(schemaVersion, name, description, lesson, seed, durationSeconds, warmupSeconds,
                        intervalMillis, clients, services, apis, platform, functions, queues, List.of()));
    }

    /**
     * A scenario of client groups and services only (no APIs, platform, functions or queues): the components the
     * format had before the Lambda-shaped platform and queues.
     */
    public Scenario(int schemaVersion, String name, String description, Lesson lesson, long seed,
                    double durationSeconds, double warmupSeconds, int intervalMillis, List<ClientSpec> clients,
                    List<ServiceSpec> services, List<TimelineChange> timeline) {
        this(schemaVersion, name, description, lesson, seed, durationSeconds, warmupSeconds, intervalMillis, clients,
                services, List.of(), List.of(), List.of(), List.of(), timeline);
    }

    /** A scenario without APIs, platform or functions: client groups, services and queues. */
    public Scenario(int schemaVersion, String name, String description, Lesson lesson, long seed,
                    double durationSeconds, double warmupSeconds, int intervalMillis, List<ClientSpec> clients,
                    List<ServiceSpec> services, List<QueueSpec> queues, List<TimelineChange> timeline) {
        this(schemaVersion, name, description, lesson, seed, durationSeconds, warmupSeconds, intervalMillis, clients,
                services, List.of(), List.of(), List.of(), queues, timeline);
    }

    /** A scenario without queues: client groups, services, APIs, the platform and functions. */
    public Scenario(int schemaVersion, String name, String description, Lesson lesson, long seed,
                    double durationSeconds, double warmupSeconds, int intervalMillis, List<ClientSpec> clients,
                    List<ServiceSpec> services, List<ApiSpec> apis, List<PlatformSpec> platform,
                    List<FunctionSpec> functions, List<TimelineChange> timeline) {
        this(schemaVersion, name, description, lesson, seed, durationSeconds, warmupSeconds, intervalMillis, clients,
                services, apis, platform, functions, List.of(), timeline);
    }

    /** The queue of that name, or null. */
    public QueueSpec queue(String queueName) {
        return queues.stream().filter(q -> q.name().equals(queueName)).findFirst().orElse(null);
    }

    /** The account the functions run on: the declared one, or {@link PlatformSpec#DEFAULT}. */
    public PlatformSpec account() {
        return account(platform);
    }

    private static PlatformSpec account(List<PlatformSpec> declared) {
        return declared == null || declared.isEmpty() ? PlatformSpec.DEFAULT : declared.get(0);
    }

    /** The function of that name, or null. */
    public FunctionSpec function(String functionName) {
        return functions.stream().filter(f -> f.name().equals(functionName)).findFirst().orElse(null);
    }

    /** The API of that name, or null. */
    public ApiSpec api(String apiName) {
        return apis.stream().filter(a -> a.name().equals(apiName)).findFirst().orElse(null);
    }

    /** The client group of that name, or null. */
    public ClientSpec client(String clientName) {
        return clients.stream().filter(c -> c.name().equals(clientName)).findFirst().orElse(null);
    }

    /** The service of that name, or null. */
    public ServiceSpec service(String serviceName) {
        return services.stream().filter(s -> s.name().equals(serviceName)).findFirst().orElse(null);
    }

    /** The sim time that ends the run, in microseconds. */
    public long durationMicros() {
        return Math.round(durationSeconds * 1e6);
    }

    /** The sim time at which measurement starts, in microseconds. */
    public long warmupMicros() {
        return Math.round(warmupSeconds * 1e6);
    }

    /** This scenario with another seed. */
    public Scenario withSeed(long newSeed) {
        return new Scenario(schemaVersion, name, description, lesson, newSeed, durationSeconds, warmupSeconds,
                intervalMillis, clients, services, apis, platform, functions, queues, timeline);
    }

    /** This scenario with another duration and warm-up (seconds). */
    public Scenario withDuration(double newDurationSeconds, double newWarmupSeconds) {
        return new Scenario(schemaVersion, name, description, lesson, seed, newDurationSeconds, newWarmupSeconds,
                intervalMillis, clients, services, apis, platform, functions, queues, timeline);
    }
}
