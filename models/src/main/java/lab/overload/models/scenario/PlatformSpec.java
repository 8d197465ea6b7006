package lab.overload.models.scenario;

import java.util.List;

/**
 * The account that runs the scenario's functions (a scenario has at most one; with functions and none declared, the
 * defaults apply). {@code concurrencyLimit} bounds the sandboxes busy at once over every function of the account;
 * functions with reserved concurrency take their share out of it, and at least {@code unreservedMinimum} must remain
 * for the others. {@code workerManagers} each hold {@code slotsPerWorkerManager} sandboxes; a new sandbox is placed in
 * {@code placementMillis} on its function's home worker manager, or, when that one is full, on the worker manager with
 * the most free slots (the increase spreads over the others).
 */
public record PlatformSpec(String name, int concurrencyLimit, int unreservedMinimum, int workerManagers,
                           int slotsPerWorkerManager, double placementMillis) {
    public static final ObjectSchema SCHEMA = new ObjectSchema("Platform", PlatformSpec.class, ControlGroup.PLATFORM,
            List.of(
            FieldDef.text("name", null, 40, "Identifier used in parameter paths (letters, digits, - and _)."),
            FieldDef.integer("concurrencyLimit", "sandboxes", 1, 1_000_000, 1_000,
                    "Account concurrency: the most invokes in progress at once over every function.").log(),
            FieldDef.integer("unreservedMinimum", "sandboxes", 0, 1_000_000, 100,
                    "Concurrency that reserved concurrency may not take: left for functions without a reservation."),
            FieldDef.integer("workerManagers", "managers", 1, 1000, 4,
                    "Worker managers that hold the sandboxes.").restartRequired(),
            FieldDef.integer("slotsPerWorkerManager", "sandboxes", 1, 1_000_000, 1_000,
                    "Sandboxes one worker manager can hold (busy, idle or initialising).").log()
                    .restartRequired(),
            FieldDef.real("placementMillis", "ms", 0, 60_000, 20,
                    "Time to choose a worker manager and create a sandbox for a cold invoke.")));

    /** The account a scenario with functions and no platform entry runs on. */
    public static final PlatformSpec DEFAULT = new PlatformSpec("account", 1_000, 100, 4, 1_000, 20);

    public PlatformSpec {
        name = ClientSpec.checkName(SCHEMA.checkText("name", name), "name");
        SCHEMA.check("concurrencyLimit", concurrencyLimit);
        SCHEMA.check("unreservedMinimum", unreservedMinimum);
        SCHEMA.check("workerManagers", workerManagers);
        SCHEMA.check("slotsPerWorkerManager", slotsPerWorkerManager);
        SCHEMA.check("placementMillis", placementMillis);
    }
}
