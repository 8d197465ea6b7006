package lab.overload.models.scenario;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The field table of one scenario record type. Its field names must be the record's components in order; this is
 * checked when the schema is built, so the table and the record cannot drift apart.
 */
public final class ObjectSchema {
    private final String typeName;
    private final Class<? extends Record> type;
    private final List<FieldDef> fields;
    private final Map<String, FieldDef> byName = new LinkedHashMap<>();

    public ObjectSchema(String typeName, Class<? extends Record> type, List<FieldDef> fields) {
        this.typeName = typeName;
        this.type = type;
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
