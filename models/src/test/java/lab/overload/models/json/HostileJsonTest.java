package lab.overload.models.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of hostile and malformed scenario documents. Each must be rejected with a {@link ScenarioFormatException}
 * whose JSON path says where and whose message names the problem; none may be accepted, hang or throw anything else.
 */
class HostileJsonTest {
    /** A valid minimal scenario; the corpus entries break it in one place each. */
    static final String VALID = doc("", "", "");

    /** A minimal scenario with extra members appended to the first client, the first service and the top level. */
    static String doc(String clientExtra, String serviceExtra, String topExtra) {
        return "{\"name\":\"t\",\"clients\":[{\"name\":\"web\",\"target\":\"api\"" + clientExtra + "}],"
                + "\"services\":[{\"name\":\"api\"" + serviceExtra + "}]" + topExtra + "}";
    }

    static String client(String extra) {
        return doc(extra, "", "");
    }

    static String service(String extra) {
        return doc("", extra, "");
    }

    static String top(String extra) {
        return doc("", "", extra);
    }

    static String timeline(String path, String value, String extra) {
        return top(",\"timeline\":[{\"atSeconds\":1,\"path\":\"" + path + "\",\"value\":" + value + extra + "}]");
    }

    static Arguments hostile(String name, String json, String path, String phrase) {
        return arguments(named(name, json), path, phrase);
    }

    static Stream<Arguments> corpus() {
        return Stream.of(
                // not a JSON object at all
                hostile("empty document", "", "$", "document is empty"),
                hostile("whitespace only", " \n\t\r\n ", "$", "document is empty"),
                hostile("truncated", VALID.substring(0, VALID.length() / 2), "$", "Unexpected end-of-input"),
                hostile("truncated after last brace removed", VALID.substring(0, VALID.length() - 1), "$",
                        "Unexpected end-of-input"),
                hostile("array at the root", "[]", "$", "expected an object (Scenario), found array"),
                hostile("null at the root", "null", "$", "expected an object (Scenario), found null"),
                hostile("trailing garbage", VALID + " xyz", "$", "Unrecognized token 'xyz'"),
                hostile("second object after the first", VALID + " {}", "$", "Trailing token"),
                hostile("trailing comma after the object", VALID + ",", "$", "not valid JSON"),
                hostile("comment", "/* hi */" + VALID, "$", "comment"),
                hostile("single quotes", VALID.replace("\"t\"", "'t'"), "$", "not valid JSON"),
                // limits
                hostile("40 nested arrays in a field", top(",\"description\":" + "[".repeat(40) + "]".repeat(40)),
                        "$", "nesting depth (33) exceeds the maximum allowed (32"),
                hostile("40 nested objects in an unknown field",
                        top(",\"x\":" + "{\"a\":".repeat(40) + "1" + "}".repeat(40)), "$", "nesting depth"),
                hostile("2 MB document", top(",\"description\":\"" + "a".repeat(2_000_000) + "\""), "$",
                        "bytes; the limit is 1000000"),
                hostile("70 000-character string", top(",\"description\":\"" + "a".repeat(70_000) + "\""), "$",
                        "String value length (70000) exceeds the maximum allowed (65536"),
                hostile("text longer than its field allows", top(",\"description\":\"" + "a".repeat(2001) + "\""),
                        "$.description", "must be text of 0 to 2000 characters, was 2001 characters"),
                // numbers
                hostile("1e400", client(",\"ratePerSecond\":1e400"), "$.clients[0].ratePerSecond",
                        "number is not finite"),
                hostile("-1e400", client(",\"ratePerSecond\":-1e400"), "$.clients[0].ratePerSecond",
                        "number is not finite"),
                hostile("NaN", client(",\"ratePerSecond\":NaN"), "$", "Non-standard token 'NaN'"),
                hostile("Infinity", client(",\"ratePerSecond\":Infinity"), "$", "Non-standard token 'Infinity'"),
                hostile("-Infinity", client(",\"ratePerSecond\":-Infinity"), "$",
                        "Non-standard token '-Infinity'"),
                hostile("1e400 as a timeline value", timeline("clients.web.ratePerSecond", "1e400", ""),
                        "$.timeline[0].value", "number is not finite"),
                hostile("negative rate", client(",\"ratePerSecond\":-5"), "$.clients[0].ratePerSecond",
                        "must be in [0, 100000] 1/s, was -5"),
                hostile("zero workers", service(",\"workersPerHost\":0"), "$.services[0].workersPerHost",
                        "must be an integer in [1, 100000] workers, was 0"),
                hostile("probability above 1", service(",\"errorProbability\":1.5"),
                        "$.services[0].errorProbability", "must be in [0, 1], was 1.5"),
                hostile("retry attempts out of range", client(",\"retry\":{\"maxAttempts\":0}"),
                        "$.clients[0].retry.maxAttempts", "must be an integer in [1, 100] attempts, was 0"),
                hostile("integer field with 2.5", client(",\"users\":2.5"), "$.clients[0].users",
                        "must be an integer in [0, 100000] users, was 2.5"),
                hostile("negative seed", top(",\"seed\":-1"), "$.seed", "must be an integer in [0, "),
                hostile("seed beyond 2^53", top(",\"seed\":123456789012345678901234567890"), "$.seed",
                        "must be an integer in [0, "),
                // structure and types
                hostile("unknown top-level field", top(",\"colour\":\"red\""), "$.colour",
                        "unknown property of Scenario (known: schemaVersion, name,"),
                hostile("unknown field in a client", client(",\"rate\":5"), "$.clients[0].rate",
                        "unknown property of Client"),
                hostile("unknown field in a nested retry", client(",\"retry\":{\"maxAttempts\":3,\"bogus\":1}"),
                        "$.clients[0].retry.bogus", "unknown property of Retry"),
                hostile("unknown field in the lesson", top(",\"lesson\":{\"storey\":\"x\"}"), "$.lesson.storey",
                        "unknown property of Lesson"),
                hostile("duplicate key in a client", client(",\"ratePerSecond\":1,\"ratePerSecond\":2"), "$",
                        "Duplicate field 'ratePerSecond'"),
                hostile("duplicate top-level key", top(",\"name\":\"again\""), "$", "Duplicate field 'name'"),
                hostile("string for a number", client(",\"ratePerSecond\":\"10\""), "$.clients[0].ratePerSecond",
                        "expected a number in [0, 100000] 1/s, found string"),
                hostile("boolean for a number", client(",\"ratePerSecond\":true"), "$.clients[0].ratePerSecond",
                        "found boolean"),
                hostile("number for a choice", client(",\"loop\":1"), "$.clients[0].loop",
                        "expected one of OPEN, CLOSED"),
                hostile("object for a list", "{\"name\":\"t\",\"clients\":{},\"services\":[{\"name\":\"api\"}]}",
                        "$.clients", "expected a list of 1 to 64 objects"),
                hostile("number for the retry object", client(",\"retry\":3"), "$.clients[0].retry",
                        "expected an object (Retry), found number"),
                hostile("number in the tryThis list", top(",\"lesson\":{\"tryThis\":[\"a\",7]}"),
                        "$.lesson.tryThis[1]", "expected text"),
                hostile("missing scenario name",
                        "{\"clients\":[{\"name\":\"web\",\"target\":\"api\"}],\"services\":[{\"name\":\"api\"}]}",
                        "$.name", "is required (text of 1 to 200 characters)"),
                hostile("null scenario name", VALID.replace("\"t\"", "null"), "$.name", "is required"),
                hostile("missing client name",
                        "{\"name\":\"t\",\"clients\":[{\"target\":\"api\"}],\"services\":[{\"name\":\"api\"}]}",
                        "$.clients[0].name", "is required"),
                hostile("no stage at all", "{\"name\":\"t\",\"clients\":[{\"name\":\"web\",\"target\":\"api\"}]}",
                        "$", "clients.web.target names no stage: 'api' (searched services: none; apis: none; "
                                + "functions: none; queues: none)"),
                hostile("no clients", "{\"name\":\"t\",\"clients\":[],\"services\":[{\"name\":\"api\"}]}",
                        "$.clients", "must be a list of 1 to 64 objects, has 0"),
                hostile("bad enum value", client(",\"loop\":\"SIDEWAYS\""), "$.clients[0].loop",
                        "must be one of OPEN, CLOSED, was 'SIDEWAYS'"),
                hostile("bad nested enum value", client(",\"retry\":{\"jitter\":\"PARTIAL\"}"),
                        "$.clients[0].retry.jitter", "must be one of NONE, FULL, EQUAL, DECORRELATED"),
                // versions and cross-field rules
                hostile("schemaVersion 3", top(",\"schemaVersion\":3"), "$.schemaVersion",
                        "unsupported schemaVersion 3; this build reads versions 1 to 2"),
                hostile("schemaVersion 0", top(",\"schemaVersion\":0"), "$.schemaVersion",
                        "unsupported schemaVersion 0; this build reads versions 1 to 2"),
                hostile("a version-2 field in a version-1 file",
                        service(",\"dependency\":{\"target\":\"api\"}").replace("{\"name\":\"t\"",
                                "{\"schemaVersion\":1,\"name\":\"t\""),
                        "$.services[0].dependency.target", "is new in schemaVersion 2; this file is schemaVersion 1"),
                hostile("a version-2 queue section in a version-1 file", top(",\"schemaVersion\":1,\"queues\":[]"),
                        "$.queues", "is new in schemaVersion 2; this file is schemaVersion 1"),
                hostile("a version-2 section in a version-1 file", top(",\"schemaVersion\":1,\"functions\":[]"),
                        "$.functions", "is new in schemaVersion 2; this file is schemaVersion 1"),
                hostile("schemaVersion as a string", top(",\"schemaVersion\":\"1\""), "$.schemaVersion",
                        "unsupported schemaVersion"),
                hostile("schemaVersion 1.5", top(",\"schemaVersion\":1.5"), "$.schemaVersion",
                        "unsupported schemaVersion 1.5"),
                hostile("client name with a dot",
                        "{\"name\":\"t\",\"clients\":[{\"name\":\"w.b\",\"target\":\"api\"}],"
                                + "\"services\":[{\"name\":\"api\"}]}",
                        "$.clients[0]", "name must use only letters, digits, '-' and '_', was 'w.b'"),
                hostile("unknown client target",
                        "{\"name\":\"t\",\"clients\":[{\"name\":\"web\",\"target\":\"nope\"}],"
                                + "\"services\":[{\"name\":\"api\"}]}",
                        "$", "clients.web.target names no stage: 'nope' (searched services: api; apis: none; functions: none;"
                                + " queues: none)"),
                hostile("duplicate client names",
                        "{\"name\":\"t\",\"clients\":[{\"name\":\"web\",\"target\":\"api\"},"
                                + "{\"name\":\"web\",\"target\":\"api\"}],\"services\":[{\"name\":\"api\"}]}",
                        "$", "clients: duplicate name 'web'"),
                hostile("duplicate service names", service("},{\"name\":\"api\""), "$",
                        "services: duplicate name 'api'"),
                hostile("warmup equal to duration", top(",\"durationSeconds\":10,\"warmupSeconds\":10"), "$",
                        "warmupSeconds must be less than durationSeconds (10 s), was 10"),
                hostile("warmup longer than duration", top(",\"durationSeconds\":10,\"warmupSeconds\":30"), "$",
                        "warmupSeconds must be less than durationSeconds (10 s), was 30"),
                hostile("timeline change with an unknown path", timeline("clients.web.colour", "\"1\"", ""), "$",
                        "timeline[0]: parameter path 'clients.web.colour': 'colour' is not a tunable field"),
                hostile("timeline change for an unknown client", timeline("clients.mobile.ratePerSecond", "5", ""),
                        "$", "timeline[0]: parameter path 'clients.mobile.ratePerSecond': no clients named"),
                hostile("timeline change with a value out of range",
                        timeline("clients.web.ratePerSecond", "\"-1\"", ""), "$",
                        "timeline[0]: clients.web.ratePerSecond must be in [0, 100000] 1/s, was -1"),
                hostile("timeline ramp of a choice", timeline("services.api.discipline", "\"LIFO\"",
                        ",\"rampSeconds\":5"), "$", "timeline[0]: services.api.discipline is not numeric"),
                hostile("timeline change without a path", top(",\"timeline\":[{\"atSeconds\":1,\"value\":\"5\"}]"),
                        "$.timeline[0].path", "is required"));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("corpus")
    void rejectsWithPathAndReason(String json, String expectedPath, String phrase) {
        ScenarioFormatException e = assertThrows(ScenarioFormatException.class, () -> ScenarioCodec.read(json));
        assertEquals(expectedPath, e.jsonPath(), () -> "JSON path of: " + e.getMessage());
        assertTrue(e.getMessage().startsWith(expectedPath + ": "), () -> "message starts with the path: "
                + e.getMessage());
        assertTrue(e.getMessage().contains(phrase), () -> "message should contain '" + phrase + "' but was: "
                + e.getMessage());
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("corpus")
    void rejectsTheSameBytesFromAFile(String json, String expectedPath, String phrase, @TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("hostile.json");
        Files.write(file, json.getBytes(StandardCharsets.UTF_8));
        ScenarioFormatException e = assertThrows(ScenarioFormatException.class, () -> ScenarioCodec.read(file));
        assertEquals(expectedPath, e.jsonPath());
        assertTrue(e.getMessage().contains(phrase), e::getMessage);
    }

    /** The corpus entries that are scenario objects without a schemaVersion, declared as version 1 and as 2. */
    static Stream<Arguments> corpusInEveryVersion() {
        return corpus().flatMap(a -> {
            Object[] args = a.get();
            String json = (String) ((Named<?>) args[0]).getPayload();
            if (!json.startsWith("{\"name\":\"t\"") || json.contains("schemaVersion")) {
                return Stream.empty();
            }
            return Stream.of(1, 2).map(v -> arguments(named(((Named<?>) args[0]).getName() + " in version " + v,
                    "{\"schemaVersion\":" + v + "," + json.substring(1)), args[1], args[2]));
        });
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("corpusInEveryVersion")
    void everyVersionIsReadWithTheSameLimitsAndRules(String json, String expectedPath, String phrase) {
        rejectsWithPathAndReason(json, expectedPath, phrase);
    }

    @Test
    void theBaseDocumentIsValid() {
        Scenario s = ScenarioCodec.read(VALID);
        assertEquals("web", s.clients().get(0).name());
        assertEquals("api", s.services().get(0).name());
    }

    @Test
    void oversizedFileIsRejectedBeforeItIsRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("big.json");
        Files.write(file, new byte[ScenarioCodec.MAX_DOCUMENT_BYTES + 1]);
        ScenarioFormatException e = assertThrows(ScenarioFormatException.class, () -> ScenarioCodec.read(file));
        assertEquals("$: document is 1000001 bytes; the limit is 1000000", e.getMessage());
    }

    @Test
    void limitsAreInclusive() {
        String longest = "a".repeat(2000);
        assertEquals(longest, ScenarioCodec.read(top(",\"description\":\"" + longest + "\"")).description());
        String nested = top(",\"lesson\":{\"tryThis\":[\"x\"]}");
        assertEquals(1, ScenarioCodec.read(nested).lesson().tryThis().size());
    }

    @Test
    void nonIntegralChoiceIndexIsRejected() {
        assertThrows(ScenarioFormatException.class, () -> ScenarioCodec.read(client(",\"loop\":\"0.5\"")));
    }

    @Test
    void timelineChangeOfRestartOnlyFieldIsRejected() {
        assertThrows(ScenarioFormatException.class,
                () -> ScenarioCodec.read(timeline("clients.web.loop", "\"CLOSED\"", "")));
    }
}
