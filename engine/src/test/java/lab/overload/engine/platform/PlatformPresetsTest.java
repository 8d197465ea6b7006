package lab.overload.engine.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import lab.overload.engine.component.FunctionStats;
import lab.overload.engine.component.World;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.ApiSpec;
import lab.overload.models.scenario.FunctionSpec;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every preset with functions (found in the presets folder, so a new one is covered too), run to its end: the
 * platform's conservation (invokes = warm + cold + throttled; every sandbox-second in exactly one ledger class) and
 * the function and API blocks of the summary agreeing with it.
 */
class PlatformPresetsTest {
    static Stream<String> platformPresets() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("..", "presets"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted()
                    .map(n -> n.substring(0, n.length() - 5))
                    .filter(n -> !read(n).functions().isEmpty()).toList();
            assertFalse(names.isEmpty(), "no preset with functions");
            return names.stream();
        }
    }

    private static Scenario read(String preset) {
        try {
            return ScenarioCodec.read(Path.of("..", "presets", preset + ".json"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("platformPresets")
    @SuppressWarnings("unchecked")
    void conservationAndSummaryBlocks(String preset) {
        Scenario s = read(preset);
        World w = new World(s);
        w.runUntil(s.durationMicros());
        Map<String, Object> tree = w.summary().toMap();
        w.summary().checkConservation();
        Map<String, Object> byStage = (Map<String, Object>) tree.get("byStage");
        for (FunctionSpec f : s.functions()) {
            FunctionStats st = w.functionStats(f.name());
            PlatformTheoryTest.checkPlatformConservation(st);
            Map<String, Object> block = (Map<String, Object>) byStage.get(f.name());
            Map<String, Object> inv = (Map<String, Object>) block.get("invocations");
            Map<String, Long> thr = (Map<String, Long>) inv.get("throttled");
            long throttled = thr.values().stream().mapToLong(Long::longValue).sum();
            assertEquals((long) inv.get("total"), (long) inv.get("warm") + (long) inv.get("cold") + throttled,
                    preset + " " + f.name() + ": total = warm + cold + throttled");
            assertEquals(st.invokes(), (long) inv.get("total"));
            assertTrue(st.invokes() > 0, preset + " " + f.name() + " is invoked");
            Map<String, Double> ledger = (Map<String, Double>) block.get("sandboxSeconds");
            double sum = Stream.of("useful", "wasted", "init", "abandoned", "idle", "inProgress")
                    .mapToDouble(ledger::get).sum();
            assertEquals(ledger.get("total"), sum, 1e-6 * Math.max(1, ledger.get("total")),
                    preset + " " + f.name() + ": every sandbox-second in one class");
            Map<String, Object> sandboxes = (Map<String, Object>) block.get("sandboxes");
            double parts = (double) sandboxes.get("busyMean") + (double) sandboxes.get("idleMean")
                    + (double) sandboxes.get("initializingMean");
            assertEquals((double) sandboxes.get("mean"), parts, 1e-6 * Math.max(1, parts),
                    preset + " " + f.name() + ": the sandboxes by state add up");
        }
        for (ApiSpec a : s.apis()) {
            Map<String, Object> block = (Map<String, Object>) byStage.get(a.name());
            Map<String, Object> attempts = (Map<String, Object>) block.get("attempts");
            assertEquals(attempts.get("total"), block.get("requests"), preset + " " + a.name() + " requests");
            assertTrue((long) block.get("throttled") <= (long) block.get("requests"));
        }
    }
}
