package lab.overload.models.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The registry of scenario sections: the lists of named parts a scenario holds, each with its JSON property (which is
 * also its {@link Scenario} component and the first segment of its parameter paths), its element schema, whether
 * its elements are <em>stages</em> (parts that accept attempts, so a client or another stage can name them as a
 * target), and the fields of an element that name onward targets. The codec, the generated format reference,
 * {@link ParameterPaths}, the control panel and the stage checks of {@link Scenario} all work from this list.
 *
 * <p>Sections without a schema are declared for the stage kinds later versions add; they are not part of the format
 * yet, so a file that has one is rejected as not modelled. Adding one means: its records, its schema here, and a
 * {@link Scenario} component of the same name (the scenario's field table is built from this registry, so a
 * missing component fails at class initialisation).
 */
public enum Section {
    CLIENTS("clients", false, ClientSpec.SCHEMA, 1, 64, "Client groups.", List.of("target")),
    SERVICES("services", true, ServiceSpec.SCHEMA, 0, 64, "Services.", List.of("dependency.target")),
    APIS("apis", true, ApiSpec.SCHEMA, 0, 64, "API front doors (token-bucket throttles).", List.of("target")),
    PLATFORM("platform", false, PlatformSpec.SCHEMA, 0, 1,
            "The account the functions run on (at most one; the defaults when absent).", List.of()),
    FUNCTIONS("functions", true, FunctionSpec.SCHEMA, 0, 256, "Functions, each running in sandboxes.",
            List.of("dependency.target")),
    QUEUES("queues", true, QueueSpec.SCHEMA, 0, 64, "Asynchronous queues whose pollers invoke a stage.",
            List.of("target"));

    private final String property;
    private final boolean stage;
    private final ObjectSchema schema;
    private final int minSize;
    private final int maxSize;
    private final String description;
    private final List<String> targetFields;

    Section(String property, boolean stage, ObjectSchema schema, int minSize, int maxSize, String description,
            List<String> targetFields) {
        this.property = property;
        this.stage = stage;
        this.schema = schema;
        this.minSize = minSize;
        this.maxSize = maxSize;
        this.description = description;
        this.targetFields = targetFields;
    }

    /** A section a later version fills in: declared, not yet part of the format. */
    Section(String property, boolean stage) {
        this(property, stage, null, 0, 0, "", List.of());
    }

    /** The JSON property, Scenario component and first parameter-path segment, e.g. "services". */
    public String property() {
        return property;
    }

    /** Whether its elements accept attempts and can be named as a target. */
    public boolean isStage() {
        return stage;
    }

    /** Whether this version models it (it has a schema and a Scenario component). */
    public boolean isModelled() {
        return schema != null;
    }

    /** The element schema; null for a section not modelled yet. */
    public ObjectSchema schema() {
        return schema;
    }

    /**
     * The dotted paths, inside an element, of the text fields that name a stage this element calls (the client's
     * {@code target}, a service's {@code dependency.target}); an empty text names none.
     */
    public List<String> targetFields() {
        return targetFields;
    }

    /** The scenario field holding this section's list. */
    public FieldDef field() {
        return FieldDef.list(property, schema, minSize, maxSize, description);
    }

    /** The sections this version models, in registry order. */
    public static List<Section> modelled() {
        return Arrays.stream(values()).filter(Section::isModelled).toList();
    }

    /** The section with that property, or null. */
    public static Section of(String property) {
        for (Section s : values()) {
            if (s.property.equals(property)) {
                return s;
            }
        }
        return null;
    }

    /** The elements of this section in a scenario. */
    @SuppressWarnings("unchecked")
    public List<? extends Record> elements(Scenario scenario) {
        return (List<? extends Record>) Records.get(scenario, property);
    }

    /** The name of an element (every section's elements have a {@code name}). */
    public String name(Record element) {
        return (String) Records.get(element, "name");
    }

    /** The element of that name in a scenario, or null. */
    public Record element(Scenario scenario, String name) {
        for (Record r : elements(scenario)) {
            if (name(r).equals(name)) {
                return r;
            }
        }
        return null;
    }

    /** "services.api": the prefix of an element's parameter paths and its name in messages. */
    public String owner(String name) {
        return property + "." + name;
    }

    /**
     * A target field's value in one element.
     *
     * @param field the field's dotted path inside the element, e.g. "dependency.target"
     * @param stage the stage it names; empty when it names none
     */
    public record Target(String field, String stage) {
    }

    /** The target field values of an element, in {@link #targetFields()} order; empty texts included. */
    public List<Target> targets(Record element) {
        List<Target> out = new ArrayList<>();
        for (String path : targetFields) {
            Object v = element;
            for (String part : path.split("\\.")) {
                v = Records.get((Record) v, part);
            }
            out.add(new Target(path, (String) v));
        }
        return out;
    }
}
