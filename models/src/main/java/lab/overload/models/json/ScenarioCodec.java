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
import java.util.List;
import lab.overload.models.scenario.FieldDef;
import lab.overload.models.scenario.IndexedOverrides;
import lab.overload.models.scenario.ObjectSchema;
import lab.overload.models.scenario.Records;
import lab.overload.models.scenario.Scenario;

/**
 * The strict scenario JSON codec. Reading rejects, with the JSON path of the problem: documents over
 * {@value #MAX_DOCUMENT_BYTES} bytes, nesting deeper than {@value #MAX_DEPTH}, strings longer than
 * {@value #MAX_STRING_CHARS} characters, duplicate keys, unknown properties, NaN/Infinity and numbers that overflow
 * to infinity (such as 1e400), wrong types, values out of range and an unsupported schemaVersion. Missing fields take
 * the defaults of the field tables. Every version from 1 to {@link Scenario#SCHEMA_VERSION} reads, with the same
 * limits; a field newer than the file's version is rejected, and the scenario read is held as the current version.
 * Writing emits every field in field-table order, so output is stable, and always writes the current version.
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
        if (root.isObject() && version != null && !(version.isIntegralNumber() && version.asLong() >= 1
                && version.asLong() <= Scenario.SCHEMA_VERSION)) {
            throw new ScenarioFormatException("$.schemaVersion", "unsupported schemaVersion " + version
                    + "; this build reads versions 1 to " + Scenario.SCHEMA_VERSION);
        }
        int fileVersion = version == null ? Scenario.SCHEMA_VERSION : version.intValue();
        return (Scenario) new ScenarioReader(fileVersion).build(Scenario.SCHEMA, root, "$");
    }

    /** Reads one object of any schema at the current version (for schemas outside a scenario, e.g. in tests). */
    static Record readObject(ObjectSchema schema, String json) throws IOException {
        return new ScenarioReader(Scenario.SCHEMA_VERSION).build(schema, MAPPER.readTree(json), "$");
    }

    /** Writes one object of any schema, as {@link #write(Scenario)} writes a scenario. */
    static String writeObject(Record record, ObjectSchema schema) throws JsonProcessingException {
        return MAPPER.writeValueAsString(tree(record, schema)) + "\n";
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
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
                case SPARSE -> {
                    ObjectNode members = node.putObject(f.name());
                    ((IndexedOverrides<?>) v).asMap().forEach((i, r) -> members.set(Integer.toString(i),
                            tree(r, f.element())));
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
