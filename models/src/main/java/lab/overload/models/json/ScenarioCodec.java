package lab.overload.models.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import lab.overload.models.scenario.FieldDef;
import lab.overload.models.scenario.ObjectSchema;
import lab.overload.models.scenario.Records;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.scenario.TimelineChange;

/**
 * The strict scenario JSON codec. Reading rejects, with the JSON path of the problem: documents over
 * {@value #MAX_DOCUMENT_BYTES} bytes, nesting deeper than {@value #MAX_DEPTH}, strings longer than
 * {@value #MAX_STRING_CHARS} characters, duplicate keys, unknown properties, NaN/Infinity and numbers that overflow
 * to infinity (such as 1e400), wrong types, values out of range and an unsupported schemaVersion. Missing fields take
 * the defaults of the field tables. Writing emits every field in field-table order, so output is stable.
 */
public final class ScenarioCodec {
    public static final int MAX_DOCUMENT_BYTES = 1_000_000;
    public static final int MAX_DEPTH = 32;
    public static final int MAX_STRING_CHARS = 65_536;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxStringLength(MAX_STRING_CHARS)
                            .maxNumberLength(400)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ScenarioCodec() {
    }

    /** The one configured mapper (strict reading, indented writing), for other documents of the project. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Same as {@link #readFile(Path)}. */
    public static Scenario read(Path file) throws IOException {
        return readFile(file);
    }

    /**
     * Reads a scenario file safely: the path must lead (after following links) to a regular file, checked before it
     * is opened, so a FIFO, a device or a directory is refused without blocking; at most
     * {@value #MAX_DOCUMENT_BYTES} bytes are read, whatever size the file reports.
     *
     * @throws java.nio.file.NoSuchFileException when nothing is there (or a link is broken)
     * @throws java.nio.file.AccessDeniedException when it cannot be read
     * @throws NotRegularFileException when it is not a regular file
     * @throws IOException when reading fails
     * @throws ScenarioFormatException when the document is too large or not a valid scenario (names the JSON path)
     */
    public static Scenario readFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            if (!Files.exists(file)) {
                throw new java.nio.file.NoSuchFileException(file.toString(), null,
                        Files.isSymbolicLink(file) ? "broken link" : "no such file");
            }
            throw new NotRegularFileException(file);
        }
        long size = Files.size(file);
        if (size > MAX_DOCUMENT_BYTES) {
            throw new ScenarioFormatException("$", "document is " + size + " bytes; the limit is "
                    + MAX_DOCUMENT_BYTES);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(readBounded(in));
        }
    }

    /**
     * Reads at most {@value #MAX_DOCUMENT_BYTES} bytes; throws a {@link ScenarioFormatException} if the stream has
     * more (without reading further).
     */
    public static byte[] readBounded(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_DOCUMENT_BYTES + 1);
        if (bytes.length > MAX_DOCUMENT_BYTES) {
            throw new ScenarioFormatException("$", "document is larger than the limit of " + MAX_DOCUMENT_BYTES
                    + " bytes");
        }
        return bytes;
    }

    public static Scenario read(String json) {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    public static Scenario read(byte[] json) {
        if (json.length > MAX_DOCUMENT_BYTES) {
            throw new ScenarioFormatException("$", "document is " + json.length + " bytes; the limit is "
                    + MAX_DOCUMENT_BYTES);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ScenarioFormatException("$", "not valid JSON: " + e.getOriginalMessage()
                    + location(e), e);
        } catch (IOException e) {
            throw new ScenarioFormatException("$", "unreadable: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new ScenarioFormatException("$", "document is empty; expected a scenario object");
        }
        JsonNode version = root.get("schemaVersion");
        if (root.isObject() && version != null && !(version.isIntegralNumber()
                && version.asLong() == Scenario.SCHEMA_VERSION)) {
            throw new ScenarioFormatException("$.schemaVersion", "unsupported schemaVersion " + version
                    + "; this build reads version " + Scenario.SCHEMA_VERSION);
        }
        return (Scenario) build(Scenario.SCHEMA, root, "$");
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    private static Record build(ObjectSchema schema, JsonNode node, String path) {
        if (!node.isObject()) {
            throw new ScenarioFormatException(path, "expected an object (" + schema.typeName() + "), found "
                    + node.getNodeType().name().toLowerCase());
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (schema.field(name) == null) {
                throw new ScenarioFormatException(path + "." + name, "unknown property of " + schema.typeName()
                        + " (known: " + String.join(", ", schema.fields().stream().map(FieldDef::name).toList())
                        + ")");
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

    private static Object value(ObjectSchema schema, FieldDef f, JsonNode node, String path) {
        Class<?> type = Records.componentType(schema.type(), f.name());
        if (node == null || node.isNull()) {
            return switch (f.kind()) {
                case OBJECT -> build(f.element(), MAPPER.createObjectNode(), path);
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
            default -> throw new IllegalStateException("kind " + f.kind());
        }
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

    /** The scenario as indented JSON with every field, in field-table order. */
    public static String write(Scenario scenario) {
        try {
            return MAPPER.writeValueAsString(tree(scenario, Scenario.SCHEMA)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode tree(Record record, ObjectSchema schema) {
        ObjectNode node = MAPPER.createObjectNode();
        for (FieldDef f : schema.fields()) {
            Object v = Records.get(record, f.name());
            switch (f.kind()) {
                case INTEGER -> node.put(f.name(), ((Number) v).longValue());
                case REAL -> node.put(f.name(), ((Number) v).doubleValue());
                case BOOLEAN -> node.put(f.name(), (Boolean) v);
                case CHOICE -> node.put(f.name(), ((Enum<?>) v).name());
                case TEXT -> node.put(f.name(), (String) v);
                case TEXT_LIST -> {
                    ArrayNode a = node.putArray(f.name());
                    ((List<?>) v).forEach(s -> a.add((String) s));
                }
                case OBJECT -> node.set(f.name(), tree((Record) v, f.element()));
                case LIST -> {
                    ArrayNode a = node.putArray(f.name());
                    ((List<?>) v).forEach(item -> a.add(tree((Record) item, f.element())));
                }
                default -> throw new IllegalStateException("kind " + f.kind());
            }
        }
        return node;
    }

    /** Writes the scenario atomically: to a temporary file beside the target, then a rename. */
    public static void writeAtomically(Scenario scenario, Path target) throws IOException {
        AtomicFiles.write(target, write(scenario).getBytes(StandardCharsets.UTF_8));
    }
}
