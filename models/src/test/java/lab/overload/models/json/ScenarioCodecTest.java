package lab.overload.models.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import lab.overload.models.scenario.ArrivalKind;
import lab.overload.models.scenario.Balancer;
import lab.overload.models.scenario.ClientSpec;
import lab.overload.models.scenario.Discipline;
import lab.overload.models.scenario.Distribution;
import lab.overload.models.scenario.ExpiredWork;
import lab.overload.models.scenario.FieldDef;
import lab.overload.models.scenario.Jitter;
import lab.overload.models.scenario.Lesson;
import lab.overload.models.scenario.LoopKind;
import lab.overload.models.scenario.ObjectSchema;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Records;
import lab.overload.models.scenario.RetrySpec;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.scenario.ServiceSpec;
import lab.overload.models.scenario.TimelineChange;
import lab.overload.models.scenario.TimeoutKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScenarioCodecTest {
    static final String MINIMAL = "{\"name\":\"Minimal\",\"clients\":[{\"name\":\"web\",\"target\":\"api\"}],"
            + "\"services\":[{\"name\":\"api\"}]}";

    /** A scenario in which every field differs from its default, with text that needs escaping. */
    static Scenario rich() {
        RetrySpec retry = new RetrySpec(4, 25.5, 2000, Jitter.DECORRELATED);
        ClientSpec web = new ClientSpec("web", "api", LoopKind.OPEN, ArrivalKind.CONSTANT, 123.456, 7, 250.25,
                Distribution.LOGNORMAL, 1.5, 2.25, TimeoutKind.EXPONENTIAL, 333.3, retry);
        ClientSpec batch = new ClientSpec("batch-2", "db_1", LoopKind.CLOSED, ArrivalKind.POISSON, 0, 40, 0.1,
                Distribution.EXPONENTIAL, 0.001, 0, TimeoutKind.NONE, 3_600_000, RetrySpec.NONE);
        ServiceSpec api = new ServiceSpec("api", 3, 16, 4, 50, Discipline.LIFO, 0.25, ExpiredWork.DROP_AT_DEQUEUE,
                Distribution.LOGNORMAL, 12.5, 3, 0.01, 0.05, 0.001, Balancer.LEAST_OUTSTANDING);
        ServiceSpec db = new ServiceSpec("db_1", 1000, 100_000, 4096, 10_000_000, Discipline.FIFO, 60_000,
                ExpiredWork.PROCESS, Distribution.CONSTANT, 0.001, 0, 1, 1, 1, Balancer.RANDOM);
        List<TimelineChange> timeline = List.of(
                new TimelineChange(5, "clients.web.ratePerSecond", "200", 2.5, 10, "ramp \"up\" \u2191"),
                new TimelineChange(5, "services.api.discipline", "FIFO", 0, 0, ""),
                new TimelineChange(864_000, "clients.web.retry.maxAttempts", "1", 0, 0, "tab\tand\nnewline"));
        Lesson lesson = new Lesson("Story with \\ backslash, \"quotes\" and \u00e9\u00e8 \ud83d\ude80.",
                List.of("Raise the rate.", "Watch goodput fall."), "rho = lambda / (c * mu)");
        return new Scenario(1, "Rich \u00fcber scenario", "desc\r\nline two", lesson, 9_007_199_254_740_991L,
                123.5, 10.25, 250, List.of(web, batch), List.of(api, db), timeline);
    }

    @Test
    void minimalDocumentGetsTheDefaults() {
        Scenario s = ScenarioCodec.read(MINIMAL);
        assertEquals(2, s.schemaVersion());
        assertEquals("", s.description());
        assertEquals(Lesson.NONE, s.lesson());
        assertEquals(1, s.seed());
        assertEquals(60, s.durationSeconds());
        assertEquals(0, s.warmupSeconds());
        assertEquals(100, s.intervalMillis());
        assertEquals(List.of(), s.timeline());
        ClientSpec c = s.client("web");
        assertEquals(LoopKind.OPEN, c.loop());
        assertEquals(ArrivalKind.POISSON, c.arrivals());
        assertEquals(10, c.ratePerSecond());
        assertEquals(1000, c.timeoutMillis());
        assertEquals(TimeoutKind.FIXED, c.timeoutKind());
        assertEquals(RetrySpec.NONE, c.retry());
        assertEquals(1, c.retry().maxAttempts());
        assertEquals(Jitter.FULL, c.retry().jitter());
        ServiceSpec a = s.service("api");
        assertEquals(1, a.hosts());
        assertEquals(10, a.workersPerHost());
        assertEquals(0, a.coresPerHost());
        assertEquals(10, a.effectiveCores());
        assertEquals(1000, a.queueCapacity());
        assertEquals(Discipline.FIFO, a.discipline());
        assertEquals(Distribution.EXPONENTIAL, a.serviceTimeDistribution());
        assertEquals(100, a.serviceTimeMillis());
        assertEquals(Balancer.ROUND_ROBIN, a.balancer());
    }

    /** Every scalar field of the minimal document's records holds exactly its field-table default. */
    static Stream<Arguments> defaultedRecords() {
        Scenario s = ScenarioCodec.read(MINIMAL);
        return Stream.of(Arguments.of(Scenario.SCHEMA, s), Arguments.of(ClientSpec.SCHEMA, s.clients().get(0)),
                Arguments.of(RetrySpec.SCHEMA, s.clients().get(0).retry()),
                Arguments.of(ServiceSpec.SCHEMA, s.services().get(0)), Arguments.of(Lesson.SCHEMA, s.lesson()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaultedRecords")
    void missingFieldsTakeTheFieldTableDefaults(ObjectSchema schema, Record record) {
        for (FieldDef f : schema.fields()) {
            Object actual = Records.get(record, f.name());
            if (f.isScalar()) {
                assertEquals(Records.toEncoded(f.defaultValue()), Records.toEncoded(actual),
                        schema.typeName() + "." + f.name());
            } else if (f.defaultValue() != null && f.kind() != FieldDef.Kind.OBJECT
                    && !(schema == Scenario.SCHEMA && f.name().equals("services"))) { // MINIMAL declares its service
                assertEquals(f.defaultValue(), actual, schema.typeName() + "." + f.name());
            }
        }
    }

    @Test
    void nullMeansTheDefault() {
        String json = "{\"name\":\"n\",\"description\":null,\"lesson\":null,\"seed\":null,\"timeline\":null,"
                + "\"clients\":[{\"name\":\"web\",\"target\":\"api\",\"retry\":null,\"loop\":null}],"
                + "\"services\":[{\"name\":\"api\",\"hosts\":null}]}";
        Scenario s = ScenarioCodec.read(json);
        assertEquals(ScenarioCodec.read(MINIMAL.replace("Minimal", "n")), s);
    }

    @Test
    void roundTripIsEqualAndByteStable() {
        Scenario s = rich();
        String once = ScenarioCodec.write(s);
        Scenario back = ScenarioCodec.read(once);
        assertEquals(s, back);
        assertEquals(once, ScenarioCodec.write(back), "write(read(write(s))) must equal write(s)");
        assertEquals(once, ScenarioCodec.write(s), "writing twice gives the same bytes");
        assertTrue(once.endsWith("}\n"));
    }

    @Test
    void writingMakesDefaultsExplicitAndIsThenStable() {
        String written = ScenarioCodec.write(ScenarioCodec.read(MINIMAL));
        assertTrue(written.contains("\"schemaVersion\" : 2"), written);
        assertTrue(written.contains("\"workersPerHost\" : 10"), written);
        assertTrue(written.contains("\"jitter\" : \"FULL\""), written);
        assertEquals(written, ScenarioCodec.write(ScenarioCodec.read(written)));
    }

    @Test
    void writeEmitsEveryFieldInFieldTableOrder() throws IOException {
        JsonNode root = ScenarioCodec.mapper().readTree(ScenarioCodec.write(rich()));
        assertFieldOrder(Scenario.SCHEMA, root);
        assertFieldOrder(ClientSpec.SCHEMA, root.get("clients").get(0));
        assertFieldOrder(RetrySpec.SCHEMA, root.get("clients").get(0).get("retry"));
        assertFieldOrder(ServiceSpec.SCHEMA, root.get("services").get(0));
        assertFieldOrder(TimelineChange.SCHEMA, root.get("timeline").get(0));
        assertFieldOrder(Lesson.SCHEMA, root.get("lesson"));
    }

    private static void assertFieldOrder(ObjectSchema schema, JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        assertEquals(schema.fields().stream().map(FieldDef::name).toList(), names, schema.typeName());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 0.1, 0.001, 1.0 / 3, 99_999.999_999_9, 100_000, 12_345.678_901_234_5, 4.9e-3})
    void realValuesRoundTripExactly(double rate) {
        Scenario s = ParameterPaths.with(ScenarioCodec.read(MINIMAL), "clients.web.ratePerSecond", rate);
        Scenario back = ScenarioCodec.read(ScenarioCodec.write(s));
        assertEquals(rate, back.client("web").ratePerSecond());
        assertEquals(s, back);
    }

    @Test
    void numericTimelineValueIsReadAsText() {
        String json = MINIMAL.replace("}]}", "}],\"timeline\":[{\"atSeconds\":1,\"path\":\"clients.web.ratePerSecond\","
                + "\"value\":25}]}");
        Scenario s = ScenarioCodec.read(json);
        assertEquals("25", s.timeline().get(0).value());
        assertEquals(s, ScenarioCodec.read(ScenarioCodec.write(s)));
    }

    @Test
    void writeAtomicallyWritesAReadableFileAndLeavesNoTempFiles(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("sub").resolve("scenario.json");
        ScenarioCodec.writeAtomically(rich(), target);
        assertEquals(rich(), ScenarioCodec.read(target));
        assertArrayEquals(ScenarioCodec.write(rich()).getBytes(StandardCharsets.UTF_8), Files.readAllBytes(target));
        assertEquals(List.of(target), listing(target.getParent()), "only the target, no temp files");
    }

    @Test
    void writeAtomicallyReplacesAnExistingFileCompletely(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("scenario.json");
        ScenarioCodec.writeAtomically(rich(), target);
        Scenario small = ScenarioCodec.read(MINIMAL);
        ScenarioCodec.writeAtomically(small, target);
        assertEquals(ScenarioCodec.write(small), Files.readString(target), "no bytes of the longer old file left");
        assertEquals(small, ScenarioCodec.read(target));
        assertEquals(List.of(target), listing(dir));
    }

    @Test
    void failedAtomicWriteOverADirectoryChangesNothingAndLeavesNoTempFiles(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("scenario.json");
        Files.createDirectory(target);
        Path inside = Files.writeString(target.resolve("keep.txt"), "precious");
        Path sibling = dir.resolve("other.json");
        ScenarioCodec.writeAtomically(rich(), sibling);
        byte[] siblingBefore = Files.readAllBytes(sibling);

        assertThrows(IOException.class, () -> ScenarioCodec.writeAtomically(ScenarioCodec.read(MINIMAL), target));

        assertTrue(Files.isDirectory(target));
        assertEquals("precious", Files.readString(inside));
        assertArrayEquals(siblingBefore, Files.readAllBytes(sibling));
        assertEquals(List.of(sibling, target), listing(dir), "no temp file left beside the target");
    }

    @Test
    void failedAtomicWriteThroughAFileLeavesThatFileUnchanged(@TempDir Path dir) throws IOException {
        Path existing = dir.resolve("scenario.json");
        ScenarioCodec.writeAtomically(rich(), existing);
        byte[] before = Files.readAllBytes(existing);

        assertThrows(IOException.class,
                () -> ScenarioCodec.writeAtomically(ScenarioCodec.read(MINIMAL), existing.resolve("x.json")));

        assertArrayEquals(before, Files.readAllBytes(existing));
        assertEquals(rich(), ScenarioCodec.read(existing));
        assertEquals(List.of(existing), listing(dir));
    }

    @Test
    void differentScenariosWriteDifferently() {
        Scenario s = ScenarioCodec.read(MINIMAL);
        assertNotEquals(ScenarioCodec.write(s), ScenarioCodec.write(s.withSeed(2)));
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
