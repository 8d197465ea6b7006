package lab.overload.models.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Version 1 of the format keeps loading: every bundled preset (version-1 files, but for those with the version-2
 * sections of the platform or queues), and files written by the version-1 writer ({@code src/test/resources/v1},
 * written from the presets of the same name by the writer before version 2). The writer writes version 2, and what
 * it writes reads back as the same scenario.
 */
class SchemaVersionTest {
    private static final Path PRESETS = Path.of("..", "presets");

    static List<Path> presets() throws IOException {
        try (Stream<Path> s = Files.list(PRESETS)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("presets")
    void everyPresetLoadsAsVersion1AndRoundTripsAsVersion2ToAnEqualScenario(Path preset) throws IOException {
        var tree = ScenarioCodec.mapper().readTree(preset.toFile());
        boolean newSections = tree.has("apis") || tree.has("platform") || tree.has("functions") || tree.has("queues");
        assertEquals(newSections ? 2 : 1, tree.get("schemaVersion").intValue(), preset
                + (newSections ? " uses version-2 sections" : " is a version-1 file (it uses no version-2 section)"));
        Scenario v1 = ScenarioCodec.read(preset);
        String written = ScenarioCodec.write(v1);
        assertTrue(written.contains("\"schemaVersion\" : 2,"), "the writer writes version 2");
        Scenario v2 = ScenarioCodec.read(written);
        assertEquals(v1, v2, preset + ": version 2 reads back as the scenario version 1 gave");
        assertEquals(written, ScenarioCodec.write(v2), "and writes the same bytes again");
    }

    @ParameterizedTest
    @ValueSource(strings = {"metastable-retry-storm", "slow-dependency", "retry-budgets"})
    void aFileWrittenByTheVersion1WriterLoads(String name) throws IOException {
        Path old = Path.of("src", "test", "resources", "v1", name + ".json");
        String text = Files.readString(old, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{\n  \"schemaVersion\" : 1,\n"), "a version-1 writer's file");
        Scenario loaded = ScenarioCodec.read(old);
        Scenario preset = ScenarioCodec.read(PRESETS.resolve(name + ".json"));
        assertEquals(lab.overload.models.scenario.Records.with(preset, "lesson", loaded.lesson()), loaded,
                "the version-1 writer's file gives the scenario of the preset it was written from (the preset's"
                        + " lesson text has been edited since; every other field must be equal)");
        assertEquals(loaded, ScenarioCodec.read(text.replace("\"schemaVersion\" : 1,", "\"schemaVersion\" : 2,")),
                "every version-1 file is also a valid version-2 file meaning the same");
    }

    /** Two services where api's dependency is the stage db, as version 2 allows. */
    private static String chain(String version) {
        return "{" + version + "\"name\":\"t\",\"clients\":[{\"name\":\"web\",\"target\":\"api\"}],"
                + "\"services\":[{\"name\":\"api\",\"dependency\":{\"enabled\":true,\"target\":\"db\"}},"
                + "{\"name\":\"db\"}]}";
    }

    @Test
    void aVersion2FieldLoadsInAVersion2FileOrOneWithoutAVersionButNotInAVersion1File() {
        assertEquals("db", ScenarioCodec.read(chain("\"schemaVersion\":2,")).service("api").dependency().target());
        assertEquals("db", ScenarioCodec.read(chain("")).service("api").dependency().target(),
                "a file without schemaVersion is read as the current version");
        ScenarioFormatException e = assertThrows(ScenarioFormatException.class,
                () -> ScenarioCodec.read(chain("\"schemaVersion\":1,")));
        assertEquals("$.services[0].dependency.target: is new in schemaVersion 2; this file is schemaVersion 1",
                e.getMessage());
    }

    @Test
    void aScenarioBuiltAsVersion1IsHeldAndWrittenAsVersion2() {
        Scenario built = ScenarioCodec.read(chain(""));
        Scenario asV1 = new Scenario(1, built.name(), built.description(), built.lesson(), built.seed(),
                built.durationSeconds(), built.warmupSeconds(), built.intervalMillis(), built.clients(),
                built.services(), built.timeline());
        assertEquals(Scenario.SCHEMA_VERSION, asV1.schemaVersion());
        assertEquals(built, asV1);
    }
}
