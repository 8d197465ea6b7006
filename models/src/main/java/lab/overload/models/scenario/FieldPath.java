package lab.overload.models.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * A dotted field path inside one record, such as {@code retry.maxAttempts} inside a client group or
 * {@code tenants.17.rateMultiplier} through a sparse field: resolution to the leaf field (with messages naming the
 * whole parameter path), reading, and rebuilding the record with the leaf changed through the validating
 * constructors. {@link ParameterPaths} uses it below the section and element name.
 */
final class FieldPath {
    /**
     * How the record {@code chain[i + 1]} is reached from {@code chain[i]}.
     *
     * @param index the member index for a sparse field, -1 for an object field
     */
    record Step(String field, int index) {
    }

    /** A resolved path: the records from the root down to the leaf's owner, the steps between them, the leaf. */
    record Resolved(List<Record> chain, List<Step> steps, FieldDef def) {
        Record owner() {
            return chain.get(chain.size() - 1);
        }

        /** The leaf's current numeric encoding. */
        double get() {
            return Records.toEncoded(Records.get(owner(), def.name()));
        }

        /** The root rebuilt with the leaf set to a numeric encoding (already range-checked). */
        Record with(double encoded) {
            Object value = Records.fromEncoded(Records.componentType(owner().getClass(), def.name()), encoded);
            Record rebuilt = Records.with(owner(), def.name(), value);
            for (int k = steps.size() - 1; k >= 0; k--) {
                Record parent = chain.get(k);
                Step step = steps.get(k);
                Object replacement = rebuilt;
                if (step.index() >= 0) {
                    @SuppressWarnings("unchecked")
                    IndexedOverrides<Record> members = (IndexedOverrides<Record>) Records.get(parent, step.field());
                    replacement = members.with(step.index(), rebuilt);
                }
                rebuilt = Records.with(parent, step.field(), replacement);
            }
            return rebuilt;
        }
    }

    private FieldPath() {
    }

    /** Resolves {@code parts[from..]} inside {@code root}; {@code path} is the whole path, for messages. */
    static Resolved resolve(Record root, ObjectSchema schema, String[] parts, int from, String path) {
        List<Record> chain = new ArrayList<>(List.of(root));
        List<Step> steps = new ArrayList<>();
        Record current = root;
        int i = from;
        while (i < parts.length) {
            FieldDef f = schema.field(parts[i]);
            boolean last = i == parts.length - 1;
            if (f != null && last && f.tunable() && f.isScalar()) {
                return new Resolved(List.copyOf(chain), List.copyOf(steps), f);
            }
            if (f != null && !last && f.kind() == FieldDef.Kind.OBJECT) {
                current = (Record) Records.get(current, f.name());
                steps.add(new Step(f.name(), -1));
                i++;
            } else if (f != null && i + 2 < parts.length && f.kind() == FieldDef.Kind.SPARSE) {
                int index = index(current, f, parts[i + 1], path);
                Record member = ((IndexedOverrides<?>) Records.get(current, f.name())).get(index);
                current = member != null ? member : f.element().defaults();
                steps.add(new Step(f.name(), index));
                i += 2;
            } else {
                throw new IllegalArgumentException("parameter path '" + path + "': '" + parts[i]
                        + "' is not a tunable field of " + schema.typeName() + " (tunable: "
                        + String.join(", ", tunableNames(schema)) + ")");
            }
            chain.add(current);
            schema = f.element();
        }
        throw new IllegalArgumentException("parameter path '" + path + "' names an object, not one of its fields");
    }

    /** A sparse field's index: a plain decimal integer in range (below the count field's value when it has one). */
    private static int index(Record owner, FieldDef f, String text, String path) {
        long limit = (long) f.max() + 1;
        String count = "";
        if (!f.countField().isEmpty()) {
            long n = ((Number) Records.get(owner, f.countField())).longValue();
            limit = Math.min(limit, n);
            count = " (" + f.countField() + " is " + n + ")";
        }
        long index = -1;
        if (text.matches("0|[1-9][0-9]{0,9}")) {
            index = Long.parseLong(text);
        }
        if (index < 0 || index >= limit) {
            throw new IllegalArgumentException("parameter path '" + path + "': index '" + text + "' of " + f.name()
                    + " must be " + (limit <= 0 ? "absent: there are no members" : "an integer in [0, "
                    + (limit - 1) + "]") + count);
        }
        return (int) index;
    }

    /** The fields a path may continue with: tunable scalars, objects, and sparse fields as {@code NAME.INDEX}. */
    static List<String> tunableNames(ObjectSchema schema) {
        List<String> out = new ArrayList<>();
        for (FieldDef f : schema.fields()) {
            if ((f.tunable() && f.isScalar()) || f.kind() == FieldDef.Kind.OBJECT) {
                out.add(f.name());
            } else if (f.kind() == FieldDef.Kind.SPARSE) {
                out.add(f.name() + ".INDEX");
            }
        }
        return out;
    }

    /**
     * Adds every tunable scalar below {@code record} to {@code out}, with its control group and whether it is shown.
     * Sparse fields are not enumerated (they can hold thousands of members).
     */
    static void collect(List<Parameter> out, String prefix, String owner, Record record, ObjectSchema schema,
                        ControlGroup group, boolean shown) {
        for (FieldDef f : schema.fields()) {
            boolean fieldShown = shown && f.shownWhen().test(record);
            if (f.kind() == FieldDef.Kind.OBJECT) {
                collect(out, prefix + "." + f.name(), owner, (Record) Records.get(record, f.name()), f.element(),
                        f.groupIn(group), fieldShown);
            } else if (f.tunable() && f.isScalar()) {
                out.add(new Parameter(prefix + "." + f.name(), owner, f,
                        Records.toEncoded(Records.get(record, f.name())), f.groupIn(group), fieldShown));
            }
        }
    }
}
