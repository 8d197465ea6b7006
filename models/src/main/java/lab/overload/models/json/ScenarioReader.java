package lab.overload.models.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import lab.overload.models.scenario.FieldDef;
import lab.overload.models.scenario.IndexedOverrides;
import lab.overload.models.scenario.ObjectSchema;
import lab.overload.models.scenario.Records;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.scenario.Section;
import lab.overload.models.scenario.TimelineChange;

/**
 * Builds the records of one parsed document from the field tables, knowing the schemaVersion the file declares: a
 * field newer than that version is rejected, as is a section reserved for a later version. Every problem is a
 * {@link ScenarioFormatException} with the JSON path; {@link ScenarioCodec} parses, applies the limits and calls it.
 */
final class ScenarioReader {
    private final int version;

    ScenarioReader(int version) {
        this.version = version;
    }

    /** The record of {@code schema} that {@code node} describes; {@code path} is its JSON path, for messages. */
    Record build(ObjectSchema schema, JsonNode node, String path) {
        if (!node.isObject()) {
            throw new ScenarioFormatException(path, "expected an object (" + schema.typeName() + "), found "
                    + node.getNodeType().name().toLowerCase());
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            FieldDef f = schema.field(name);
            Section later = schema == Scenario.SCHEMA ? Section.of(name) : null;
            if (later != null && !later.isModelled()) {
                throw new ScenarioFormatException(path + "." + name, "section '" + name
                        + "' is reserved for a later version of the format; this build models "
                        + String.join(", ", Section.modelled().stream().map(Section::property).toList()));
            }
            if (f == null) {
                throw new ScenarioFormatException(path + "." + name, "unknown property of " + schema.typeName()
                        + " (known: " + String.join(", ", schema.fields().stream().map(FieldDef::name).toList())
                        + ")");
            }
            if (f.since() > version) {
                throw new ScenarioFormatException(path + "." + name, "is new in schemaVersion " + f.since()
                        + "; this file is schemaVersion " + version);
            }
        }
        List<FieldDef> fields = schema.fields();
        Object[] args = new Object[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            FieldDef f = fields.get(i);
            args[i] = value(schema, f, node.get(f.name()), path + "." + f.name());
        }
        try {
            return Records.construct(schema.type(), args);
        } catch (IllegalArgumentException e) {
            throw new ScenarioFormatException(path, e.getMessage(), e);
        }
    }

    private Object value(ObjectSchema schema, FieldDef f, JsonNode node, String path) {
        Class<?> type = Records.componentType(schema.type(), f.name());
        if (node == null || node.isNull()) {
            return switch (f.kind()) {
                case OBJECT -> build(f.element(), ScenarioCodec.mapper().createObjectNode(), path);
                case SPARSE -> IndexedOverrides.empty();
                case LIST, TEXT_LIST -> {
                    if (f.defaultValue() == null) {
                        throw new ScenarioFormatException(path, "is required (" + f.rangeText() + ")");
                    }
                    yield List.of();
                }
                case TEXT -> {
                    if (f.defaultValue() == null) {
                        throw new ScenarioFormatException(path, "is required (" + f.rangeText() + ")");
                    }
                    yield f.defaultValue();
                }
                default -> Records.fromEncoded(type, Records.toEncoded(f.defaultValue()));
            };
        }
        switch (f.kind()) {
            case REAL, INTEGER -> {
                if (!node.isNumber()) {
                    throw new ScenarioFormatException(path, "expected a number " + f.rangeText() + ", found "
                            + node.getNodeType().name().toLowerCase());
                }
                double v = node.doubleValue();
                if (!Double.isFinite(v)) {
                    throw new ScenarioFormatException(path, "number is not finite (" + node.asText()
                            + "); must be " + f.rangeText());
                }
                if (f.kind() == FieldDef.Kind.INTEGER && (!node.canConvertToExactIntegral() || v != Math.rint(v))) {
                    throw new ScenarioFormatException(path, "must be " + f.rangeText() + ", was " + node.asText());
                }
                return Records.fromEncoded(type, check(f, v, path));
            }
            case BOOLEAN -> {
                if (!node.isBoolean()) {
                    throw new ScenarioFormatException(path, "expected true or false");
                }
                return node.booleanValue();
            }
            case CHOICE -> {
                if (!node.isTextual()) {
                    throw new ScenarioFormatException(path, "expected " + f.rangeText());
                }
                return Records.fromEncoded(type, parse(f, node.textValue(), path));
            }
            case TEXT -> {
                boolean scalarAllowed = f == TimelineChange.SCHEMA.field("value");
                if (!(node.isTextual() || (scalarAllowed && node.isValueNode()))) {
                    throw new ScenarioFormatException(path, "expected text ("
                            + (scalarAllowed ? "a number, true/false or a name" : f.rangeText()) + ")");
                }
                if (node.isNumber() && !Double.isFinite(node.doubleValue())) {
                    throw new ScenarioFormatException(path, "number is not finite (" + node.asText() + ")");
                }
                String text = node.asText();
                if (text.length() < f.min() || text.length() > f.max()) {
                    throw new ScenarioFormatException(path, "must be " + f.rangeText() + ", was "
                            + text.length() + " characters");
                }
                return text;
            }
            case TEXT_LIST -> {
                List<String> out = new ArrayList<>();
                for (JsonNode item : array(f, node, path)) {
                    if (!item.isTextual()) {
                        throw new ScenarioFormatException(path + "[" + out.size() + "]", "expected text");
                    }
                    out.add(item.textValue());
                }
                return out;
            }
            case LIST -> {
                List<Object> out = new ArrayList<>();
                for (JsonNode item : array(f, node, path)) {
                    out.add(build(f.element(), item, path + "[" + out.size() + "]"));
                }
                return out;
            }
            case OBJECT -> {
                return build(f.element(), node, path);
            }
            case SPARSE -> {
                return overrides(f, node, path);
            }
            default -> throw new IllegalStateException("kind " + f.kind());
        }
    }

    /** A sparse field: an object whose keys are indices ("0", "17") in the field's range. */
    private IndexedOverrides<Record> overrides(FieldDef f, JsonNode node, String path) {
        if (!node.isObject()) {
            throw new ScenarioFormatException(path, "expected " + f.rangeText());
        }
        Map<Integer, Record> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (!key.matches("0|[1-9][0-9]{0,9}") || Long.parseLong(key) > f.max()) {
                throw new ScenarioFormatException(path + "." + key, "index must be an integer in [0, "
                        + FieldDef.format(f.max()) + "]");
            }
            out.put(Integer.parseInt(key), build(f.element(), e.getValue(), path + "." + key));
        }
        return IndexedOverrides.of(out);
    }

    private static ArrayNode array(FieldDef f, JsonNode node, String path) {
        if (!node.isArray()) {
            throw new ScenarioFormatException(path, "expected " + f.rangeText());
        }
        if (node.size() < f.min() || node.size() > f.max()) {
            throw new ScenarioFormatException(path, "must be " + f.rangeText() + ", has " + node.size());
        }
        return (ArrayNode) node;
    }

    private static double check(FieldDef f, double v, String path) {
        try {
            return f.check(v);
        } catch (IllegalArgumentException e) {
            throw new ScenarioFormatException(path, "must be " + f.rangeText() + ", was " + FieldDef.format(v));
        }
    }

    private static double parse(FieldDef f, String text, String path) {
        try {
            return f.parse(f.name(), text);
        } catch (IllegalArgumentException e) {
            throw new ScenarioFormatException(path, "must be " + f.rangeText() + ", was '" + text + "'");
        }
    }
}
