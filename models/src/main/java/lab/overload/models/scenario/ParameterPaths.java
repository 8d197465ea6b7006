package lab.overload.models.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Parameter paths: the one mechanism for every change to a scenario (sliders, timelines, {@code --set}, sweeps,
 * recordings). A path is {@code clients.NAME.FIELD}, {@code services.NAME.FIELD} or a nested field such as
 * {@code clients.NAME.retry.maxAttempts}. Every change builds a new scenario through the records' validating
 * constructors, so a path can never produce a scenario that could not have been loaded.
 */
public final class ParameterPaths {
    private ParameterPaths() {
    }

    /** Every tunable path of the scenario, clients first, in field-table order. */
    public static List<Parameter> list(Scenario scenario) {
        List<Parameter> out = new ArrayList<>();
        for (ClientSpec c : scenario.clients()) {
            collect(out, "clients." + c.name(), "clients." + c.name(), c, ClientSpec.SCHEMA);
        }
        for (ServiceSpec s : scenario.services()) {
            collect(out, "services." + s.name(), "services." + s.name(), s, ServiceSpec.SCHEMA);
        }
        return List.copyOf(out);
    }

    private static void collect(List<Parameter> out, String prefix, String group, Record record,
                                ObjectSchema schema) {
        for (FieldDef f : schema.fields()) {
            if (f.kind() == FieldDef.Kind.OBJECT) {
                collect(out, prefix + "." + f.name(), group, (Record) Records.get(record, f.name()), f.element());
            } else if (f.tunable() && f.isScalar()) {
                out.add(new Parameter(prefix + "." + f.name(), group, f,
                        Records.toEncoded(Records.get(record, f.name()))));
            }
        }
    }

    /** The field definition a path names; throws naming the path when it names nothing tunable. */
    public static FieldDef def(Scenario scenario, String path) {
        return resolve(scenario, path).def;
    }

    /** The current numeric encoding of a path's value. */
    public static double get(Scenario scenario, String path) {
        Resolved r = resolve(scenario, path);
        return Records.toEncoded(Records.get(r.chain[r.chain.length - 1], r.def.name()));
    }

    /** A new validated scenario with the path set to a value given as text (number, true/false, choice name). */
    public static Scenario with(Scenario scenario, String path, String value) {
        Resolved r = resolve(scenario, path);
        return apply(scenario, r, r.def.parse(path, value));
    }

    /** A new validated scenario with the path set to a numeric encoding (booleans 0/1, choices their index). */
    public static Scenario with(Scenario scenario, String path, double encoded) {
        Resolved r = resolve(scenario, path);
        return apply(scenario, r, r.def.checkAs(path, encoded));
    }

    private static Scenario apply(Scenario scenario, Resolved r, double encoded) {
        Record leaf = r.chain[r.chain.length - 1];
        Object value = Records.fromEncoded(Records.componentType(leaf.getClass(), r.def.name()), encoded);
        Record rebuilt;
        try {
            rebuilt = Records.with(leaf, r.def.name(), value);
            for (int i = r.chain.length - 2; i >= 0; i--) {
                rebuilt = Records.with(r.chain[i], r.fieldNames[i], rebuilt);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(r.prefix + "." + e.getMessage(), e);
        }
        if (rebuilt instanceof ClientSpec c) {
            List<ClientSpec> clients = new ArrayList<>(scenario.clients());
            clients.set(r.index, c);
            return Records.with(scenario, "clients", clients);
        }
        List<ServiceSpec> services = new ArrayList<>(scenario.services());
        services.set(r.index, (ServiceSpec) rebuilt);
        return Records.with(scenario, "services", services);
    }

    /** A path resolved to its chain of records (the spec, then nested objects) and the leaf field. */
    private record Resolved(String prefix, int index, Record[] chain, String[] fieldNames, FieldDef def) {
    }

    private static Resolved resolve(Scenario scenario, String path) {
        String[] parts = path == null ? new String[0] : path.split("\\.", -1);
        if (parts.length < 3 || !(parts[0].equals("clients") || parts[0].equals("services"))) {
            throw new IllegalArgumentException("parameter path '" + path
                    + "' must look like clients.NAME.FIELD or services.NAME.FIELD");
        }
        List<? extends Record> specs = parts[0].equals("clients") ? scenario.clients() : scenario.services();
        int index = -1;
        for (int i = 0; i < specs.size(); i++) {
            if (Records.get(specs.get(i), "name").equals(parts[1])) {
                index = i;
            }
        }
        if (index < 0) {
            throw new IllegalArgumentException("parameter path '" + path + "': no " + parts[0] + " named '"
                    + parts[1] + "'");
        }
        ObjectSchema schema = parts[0].equals("clients") ? ClientSpec.SCHEMA : ServiceSpec.SCHEMA;
        Record[] chain = new Record[parts.length - 2];
        String[] fieldNames = new String[parts.length - 2];
        chain[0] = specs.get(index);
        for (int i = 2; i < parts.length; i++) {
            FieldDef f = schema.field(parts[i]);
            boolean last = i == parts.length - 1;
            if (f == null || (last && !(f.tunable() && f.isScalar())) || (!last && f.kind() != FieldDef.Kind.OBJECT)) {
                throw new IllegalArgumentException("parameter path '" + path + "': '" + parts[i]
                        + "' is not a tunable field of " + schema.typeName() + " (tunable: "
                        + String.join(", ", tunableNames(schema)) + ")");
            }
            fieldNames[i - 2] = parts[i];
            if (last) {
                return new Resolved(parts[0] + "." + parts[1], index, chain, fieldNames, f);
            }
            chain[i - 1] = (Record) Records.get(chain[i - 2], parts[i]);
            schema = f.element();
        }
        throw new IllegalStateException("unreachable");
    }

    private static List<String> tunableNames(ObjectSchema schema) {
        return schema.fields().stream()
                .filter(f -> (f.tunable() && f.isScalar()) || f.kind() == FieldDef.Kind.OBJECT)
                .map(FieldDef::name).toList();
    }
}
