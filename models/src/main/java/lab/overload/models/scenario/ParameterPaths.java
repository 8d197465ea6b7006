package lab.overload.models.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Parameter paths: the one mechanism for every change to a scenario (sliders, timelines, {@code --set}, sweeps,
 * recordings). A path is {@code SECTION.NAME.FIELD} for a section of the {@link Section} registry, e.g.
 * {@code clients.web.ratePerSecond}, {@code services.api.workersPerHost}, or a nested field such as
 * {@code clients.web.retry.maxAttempts}; a sparse field's member is reached by its index, as in
 * {@code SECTION.NAME.FIELD.INDEX.FIELD}. Every change builds a new scenario through the records' validating
 * constructors, so a path can never produce a scenario that could not have been loaded.
 */
public final class ParameterPaths {
    private ParameterPaths() {
    }

    /**
     * Every tunable path of the scenario, section by section in registry order, each element in field-table order,
     * with its control group and whether it is shown under the current settings. Sparse fields' members are not
     * listed.
     */
    public static List<Parameter> list(Scenario scenario) {
        List<Parameter> out = new ArrayList<>();
        for (Section section : Section.modelled()) {
            for (Record element : section.elements(scenario)) {
                String owner = section.owner(section.name(element));
                FieldPath.collect(out, owner, owner, element, section.schema(), section.schema().group(), true);
            }
        }
        return List.copyOf(out);
    }

    /** The field definition a path names; throws naming the path when it names nothing tunable. */
    public static FieldDef def(Scenario scenario, String path) {
        return resolve(scenario, path).field.def();
    }

    /** The current numeric encoding of a path's value. */
    public static double get(Scenario scenario, String path) {
        return resolve(scenario, path).field.get();
    }

    /**
     * The part of the scenario a valid path changes, as its path prefix ({@code services.api}): the engine routes a
     * change to the component of that name.
     */
    public static String owner(Scenario scenario, String path) {
        Resolved r = resolve(scenario, path);
        return r.section.owner(r.section.name(r.field.chain().get(0)));
    }

    /** A new validated scenario with the path set to a value given as text (number, true/false, choice name). */
    public static Scenario with(Scenario scenario, String path, String value) {
        Resolved r = resolve(scenario, path);
        return apply(scenario, r, r.field.def().parse(path, value));
    }

    /** A new validated scenario with the path set to a numeric encoding (booleans 0/1, choices their index). */
    public static Scenario with(Scenario scenario, String path, double encoded) {
        Resolved r = resolve(scenario, path);
        return apply(scenario, r, r.field.def().checkAs(path, encoded));
    }

    private static Scenario apply(Scenario scenario, Resolved r, double encoded) {
        Record rebuilt;
        try {
            rebuilt = r.field.with(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(r.section.owner(r.section.name(r.field.chain().get(0))) + "."
                    + e.getMessage(), e);
        }
        List<Record> elements = new ArrayList<>(r.section.elements(scenario));
        elements.set(r.index, rebuilt);
        return Records.with(scenario, r.section.property(), elements);
    }

    /** A path resolved to its section, the element's position in it, and the field path inside the element. */
    private record Resolved(Section section, int index, FieldPath.Resolved field) {
    }

    private static Resolved resolve(Scenario scenario, String path) {
        String[] parts = path == null ? new String[0] : path.split("\\.", -1);
        Section section = parts.length < 3 ? null : Section.of(parts[0]);
        if (section == null || !section.isModelled()) {
            throw new IllegalArgumentException("parameter path '" + path + "' must look like " + String.join(" or ",
                    Section.modelled().stream().map(s -> s.property() + ".NAME.FIELD").toList()));
        }
        List<? extends Record> elements = section.elements(scenario);
        int index = -1;
        for (int i = 0; i < elements.size(); i++) {
            if (section.name(elements.get(i)).equals(parts[1])) {
                index = i;
            }
        }
        if (index < 0) {
            throw new IllegalArgumentException("parameter path '" + path + "': no " + parts[0] + " named '"
                    + parts[1] + "'");
        }
        return new Resolved(section, index, FieldPath.resolve(elements.get(index), section.schema(), parts, 2, path));
    }
}
