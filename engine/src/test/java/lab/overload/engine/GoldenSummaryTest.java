package lab.overload.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import lab.overload.engine.metrics.SummaryJson;
import lab.overload.engine.run.BatchRunner;
import lab.overload.models.json.ScenarioCodec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pins the summaries of several presets, byte for byte, so that work on the engine's speed cannot move a result
 * unnoticed. A change that is meant to change results (a new model rule, a different sampler) updates these files
 * and says why: regenerate with {@code -Dgolden.write=true} and review the diff.
 */
class GoldenSummaryTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"goodput-collapse", "load-shedding", "metastable-retry-storm", "bounded-work",
        "adaptive-concurrency", "slow-dependency"})
    void presetSummaryIsUnchanged(String preset) throws IOException {
        String actual = SummaryJson.write(
                BatchRunner.run(ScenarioCodec.read(Path.of("..", "presets", preset + ".json"))).summary());
        Path file = GOLDEN.resolve(preset + ".summary.json");
        if (Boolean.getBoolean("golden.write")) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual,
                preset + ": the summary moved; if that is intended, regenerate (see the class comment)");
    }
}
