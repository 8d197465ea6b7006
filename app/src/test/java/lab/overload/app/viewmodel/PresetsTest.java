package lab.overload.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import lab.overload.engine.metrics.Summary;
import lab.overload.engine.run.BatchRunner;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every lesson preset is listed, has a lesson, and runs headless for its whole duration with conservation. */
class PresetsTest {
    static List<String> names() {
        return PresetCatalog.bundledNames();
    }

    @Test
    void theListNamesEveryPresetFileOnce() throws IOException {
        List<String> files;
        try (Stream<Path> s = Files.list(Path.of("..", "presets"))) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
        assertEquals(files, names().stream().sorted().toList(), "presets/presets.txt lists every preset file once");
    }

    @ParameterizedTest
    @MethodSource("names")
    void runsForItsDurationWithConservation(String name) {
        Scenario s = PresetCatalog.bundled(name);
        assertFalse(s.lesson().story().isEmpty(), name + " has a story");
        assertTrue(s.lesson().tryThis().size() >= 2, name + " has try-this steps");
        assertFalse(s.lesson().formula().isEmpty(), name + " has a formula");
        Summary summary = BatchRunner.run(s).summary();
        summary.checkConservation();
        assertTrue(summary.requestsTotal() > 0, name + " sends requests");
    }
}
