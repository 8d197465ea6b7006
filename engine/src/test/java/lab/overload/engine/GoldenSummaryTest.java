package lab.overload.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.overload.engine.metrics.SummaryJson;
import lab.overload.engine.run.BatchRunner;
import lab.overload.models.json.ScenarioCodec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pins the summaries of several presets, byte for byte, so that work on the engine's speed cannot move a result
 * unnoticed. A change that is meant to change results (a new model rule, a different sampler) updates these files
 * and says why: regenerate with {@code -Dgolden.write=true} and review the diff.
 *
 * <p>Two files per preset: {@code NAME.summary.json} holds the fields the summary had before per-client and per-stage
 * metrics were added (written then, and unchanged since), {@code sections/NAME.json} holds the fields added with them
 * ({@link #ADDED}).
 */
class GoldenSummaryTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    /** Fields added with per-client and per-stage metrics: a group (or "" for the top level) and a field in it. */
    private static final List<List<String>> ADDED = List.of(List.of("latencyMillis", "stdDev"),
            List.of("queueWaitMillis", "stdDev"), List.of("workSeconds", "init"), List.of("", "byClient"),
            List.of("", "byStage"));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"goodput-collapse", "load-shedding", "metastable-retry-storm", "bounded-work",
        "adaptive-concurrency", "slow-dependency"})
    void presetSummaryIsUnchanged(String preset) throws IOException {
        Map<String, Object> tree = BatchRunner.run(ScenarioCodec.read(Path.of("..", "presets", preset + ".json")))
                .summary().toMap();
        Map<String, Object> added = new LinkedHashMap<>();
        for (List<String> f : ADDED) {
            @SuppressWarnings("unchecked")
            Map<String, Object> group = f.get(0).isEmpty() ? tree : (Map<String, Object>) tree.get(f.get(0));
            added.put(f.get(0).isEmpty() ? f.get(1) : f.get(0) + "." + f.get(1), group.remove(f.get(1)));
        }
        check(GOLDEN.resolve(preset + ".summary.json"), SummaryJson.write(tree), preset + ": the summary moved");
        check(GOLDEN.resolve("sections").resolve(preset + ".json"), SummaryJson.write(added),
                preset + ": the per-client and per-stage sections moved");
    }

    private static void check(Path file, String actual, String what) throws IOException {
        if (Boolean.getBoolean("golden.write")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual,
                what + "; if that is intended, regenerate (see the class comment)");
    }
}
