package lab.overload.models.scenario;

/**
 * The groups of the control panel, in the order the panel shows them. Every tunable field belongs to one: its own
 * {@link FieldDef#group()}, else the group of the object that holds it (see {@link ObjectSchema#group()}). The last
 * four are for the stage kinds later versions add.
 */
public enum ControlGroup {
    LOAD("Load"),
    CLIENT("Client"),
    CLIENT_POLICIES("Client policies"),
    LATENCY("Latency"),
    SERVER("Server"),
    SERVER_POLICIES("Server policies"),
    DEPENDENCY("Dependency"),
    API("API"),
    PLATFORM("Platform"),
    FUNCTION("Function"),
    QUEUE("Queue");

    private final String label;

    ControlGroup(String label) {
        this.label = label;
    }

    /** The title users read, e.g. "Client policies". */
    public String label() {
        return label;
    }
}
