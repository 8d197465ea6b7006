package lab.overload.models.scenario;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The field table of one scenario record type. Its field names must be the record's components in order, and every
 * field a {@link Condition} or a sparse field's count names must be one of them; this is checked when the schema is
 * built, so the table and the record cannot drift apart.
 */
public final class ObjectSchema {
    private final String typeName;
    private final Class<? extends Record> type;
    private final List<FieldDef> fields;
    private final ControlGroup group;
    private final Map<String, FieldDef> byName = new LinkedHashMap<>();

    /** A schema whose fields take the control group of the object field that holds it. */
    public ObjectSchema(String typeName, Class<? extends Record> type, List<FieldDef> fields) {
        this(typeName, type, null, fields);
    }

    /** A schema whose fields are in {@code group} unless a field (or the object field holding it) says otherwise. */
    public ObjectSchema(String typeName, Class<? extends Record> type, ControlGroup group, List<FieldDef> fields) {
        this.typeName = typeName;
        this.type = type;
        this.group = group;
        this.fields = List.copyOf(fields);
        RecordComponent[] components = type.getRecordComponents();
        if (components.length != fields.size()) {
            throw new IllegalStateException(typeName + ": " + fields.size() + " fields for "
                    + components.length + " record components");
        }
        for (int i = 0; i < components.length; i++) {
            if (!components[i].getName().equals(fields.get(i).name())) {
                throw new IllegalStateException(typeName + ": field " + i + " is " + fields.get(i).name()
                        + " but the record component is " + components[i].getName());
            }
            byName.put(fields.get(i).name(), fields.get(i));
        }
        for (FieldDef f : fields) {
            for (Condition.Clause c : f.shownWhen().clauses()) {
                requireField(f, c.field());
            }
            if (f.kind() == FieldDef.Kind.SPARSE && !f.countField().isEmpty()) {
                requireField(f, f.countField());
            }
        }
    }

    private void requireField(FieldDef f, String other) {
        if (!byName.containsKey(other)) {
            throw new IllegalStateException(typeName + "." + f.name() + " refers to '" + other
                    + "', which is no field of " + typeName);
        }
    }

    /**
     * A copy of this schema with one field's definition changed, for an owner that declares how a nested object's
     * fields are shown where it uses it (the field's name, kind and range must stay what the record checks).
     */
    public ObjectSchema with(String fieldName, java.util.function.UnaryOperator<FieldDef> change) {
        FieldDef old = byName.get(fieldName);
        FieldDef changed = change.apply(old);
        if (old == null || !changed.name().equals(old.name()) || changed.kind() != old.kind()
                || changed.min() != old.min() || changed.max() != old.max()) {
            throw new IllegalStateException(typeName + "." + fieldName + ": only its metadata may change");
        }
        List<FieldDef> copy = new java.util.ArrayList<>(fields);
        copy.set(copy.indexOf(old), changed);
        return new ObjectSchema(typeName, type, group, copy);
    }

    /** The control group of this schema's fields when neither the field nor the object holding it names one. */
    public ControlGroup group() {
        return group;
    }

    public String typeName() {
        return typeName;
    }

    public Class<? extends Record> type() {
        return type;
    }

    public List<FieldDef> fields() {
        return fields;
    }

    /** The field of that name, or null. */
    public FieldDef field(String name) {
        return byName.get(name);
    }

    /** Checks a numeric value of the named field; a compact constructor calls this for each number it takes. */
    public double check(String name, double value) {
        return byName.get(name).check(value);
    }

    /** Checks a text: non-null when required, within the length limit. Returns the text or its default. */
    public String checkText(String name, String value) {
        FieldDef f = byName.get(name);
        if (value == null) {
            if (f.defaultValue() == null) {
                throw new IllegalArgumentException(name + " is required (" + f.rangeText() + ")");
            }
            return (String) f.defaultValue();
        }
        if (value.length() < f.min() || value.length() > f.max()) {
            throw new IllegalArgumentException(name + " must be " + f.rangeText() + ", was " + value.length());
        }
        return value;
    }

    /** Null-safe copy of a list field, checking its size. */
    public <T> List<T> checkList(String name, List<T> value) {
        FieldDef f = byName.get(name);
        List<T> list = value == null ? List.of() : List.copyOf(value);
        if (list.size() < f.min() || list.size() > f.max()) {
            throw new IllegalArgumentException(name + " must be " + f.rangeText() + ", was " + list.size());
        }
        return list;
    }

    /**
     * Null-safe sparse field: checks each index against the field's range and, when the field names a count, is
     * below {@code count}. Returns the overrides (empty for null).
     */
    public <R extends Record> IndexedOverrides<R> checkIndices(String name, IndexedOverrides<R> value, long count) {
        FieldDef f = byName.get(name);
        IndexedOverrides<R> overrides = value == null ? IndexedOverrides.empty() : value;
        long limit = f.countField().isEmpty() ? (long) f.max() + 1 : Math.min((long) f.max() + 1, count);
        int highest = overrides.highestIndex();
        if (highest >= limit) {
            throw new IllegalArgumentException(name + " has an override for index " + highest
                    + "; indices must be in [0, " + (limit - 1) + "]"
                    + (f.countField().isEmpty() ? "" : " (" + f.countField() + " is " + count + ")"));
        }
        return overrides;
    }

    /** A record of this type with every field at its default; throws naming a required field that has none. */
    public Record defaults() {
        Object[] args = new Object[fields.size()];
        for (int i = 0; i < args.length; i++) {
            FieldDef f = fields.get(i);
            args[i] = switch (f.kind()) {
                case OBJECT -> f.element().defaults();
                case TEXT, LIST, TEXT_LIST, SPARSE -> f.defaultValue();
                default -> Records.fromEncoded(Records.componentType(type, f.name()),
                        Records.toEncoded(f.defaultValue()));
            };
        }
        return Records.construct(type, args);
    }

    /** Returns the value, or the field's default when null (for enum and object fields). */
    @SuppressWarnings("unchecked")
    public <T> T orDefault(String name, T value) {
        if (value != null) {
            return value;
        }
        FieldDef f = byName.get(name);
        if (f.defaultValue() == null) {
            throw new IllegalArgumentException(name + " is required (" + f.rangeText() + ")");
        }
        return (T) f.defaultValue();
    }
}
