package lab.overload.models.scenario;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A complete, validated scenario: client groups calling services, run for {@code durationSeconds} with the first
 * {@code warmupSeconds} excluded from summaries, metrics sealed every {@code intervalMillis}, and a timeline of
 * parameter changes. Immutable; change it with {@link ParameterPaths#with(Scenario, String, String)}.
 */
public record Scenario(int schemaVersion, String name, String description, Lesson lesson, long seed,
                       double durationSeconds, double warmupSeconds, int intervalMillis, List<ClientSpec> clients,
                       List<ServiceSpec> services, List<TimelineChange> timeline) {
    /** The only schema version this build reads and writes. */
    public static final int SCHEMA_VERSION = 1;

    public static final ObjectSchema SCHEMA = new ObjectSchema("Scenario", Scenario.class, List.of(
            FieldDef.integer("schemaVersion", "", 1, 1, 1, "Version of this format; must be 1.").fixed(),
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
            FieldDef.list("clients", ClientSpec.SCHEMA, 1, 64, "Client groups."),
            FieldDef.list("services", ServiceSpec.SCHEMA, 1, 64, "Services."),
            FieldDef.list("timeline", TimelineChange.SCHEMA, 0, 10_000, "Scheduled parameter changes.")));

    public Scenario {
        SCHEMA.check("schemaVersion", schemaVersion);
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
        Set<String> serviceNames = new HashSet<>();
        for (ServiceSpec s : services) {
            if (!serviceNames.add(s.name())) {
                throw new IllegalArgumentException("services: duplicate name '" + s.name() + "'");
            }
        }
        Set<String> clientNames = new HashSet<>();
        for (ClientSpec c : clients) {
            if (!clientNames.add(c.name())) {
                throw new IllegalArgumentException("clients: duplicate name '" + c.name() + "'");
            }
            if (!serviceNames.contains(c.target())) {
                throw new IllegalArgumentException("clients." + c.name() + ".target names no service: '"
                        + c.target() + "' (services: " + String.join(", ", serviceNames.stream().sorted().toList())
                        + ")");
            }
        }
        timeline = timeline == null || timeline.isEmpty() ? List.of() : TimelineCheck.check(timeline,
                new Scenario(schemaVersion, name, description, lesson, seed, durationSeconds, warmupSeconds,
                        intervalMillis, clients, services, List.of()));
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
                intervalMillis, clients, services, timeline);
    }

    /** This scenario with another duration and warm-up (seconds). */
    public Scenario withDuration(double newDurationSeconds, double newWarmupSeconds) {
        return new Scenario(schemaVersion, name, description, lesson, seed, newDurationSeconds, newWarmupSeconds,
                intervalMillis, clients, services, timeline);
    }
}
