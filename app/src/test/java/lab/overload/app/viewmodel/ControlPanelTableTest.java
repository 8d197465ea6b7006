package lab.overload.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.FieldDef;
import lab.overload.models.scenario.Parameter;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Pins what the control panel shows for every bundled preset: each parameter path with its control group and
 * whether it is shown under the preset's settings, and, for every one-parameter change (each choice and switch
 * value, each number at its minimum and maximum), the paths whose visibility that change flips. The expected table
 * in {@code src/test/resources/control-panel.txt} was computed by the panel's earlier, path-matching classes, before
 * group and relevance became metadata of the field tables (see {@link ParameterPaths#list(Scenario)}); regenerate it
 * only for an intended change, with {@code -Dgolden.write=true}, and review the diff.
 */
class ControlPanelTableTest {
    private static final Path EXPECTED = Path.of("src", "test", "resources", "control-panel.txt");

    @Test
    void everyPresetShowsTheSameControls() throws IOException {
        String actual = table();
        if (Boolean.getBoolean("golden.write")) {
            Files.writeString(EXPECTED, actual, StandardCharsets.UTF_8);
        }
        List<String> expected = Files.readAllLines(EXPECTED, StandardCharsets.UTF_8);
        List<String> lines = actual.lines().toList();
        for (int i = 0; i < Math.min(expected.size(), lines.size()); i++) {
            assertEquals(expected.get(i), lines.get(i), "control-panel.txt line " + (i + 1));
        }
        assertEquals(expected.size(), lines.size(), "control-panel.txt line count");
    }

    private static String table() throws IOException {
        List<Path> presets;
        try (Stream<Path> s = Files.list(Path.of("..", "presets"))) {
            presets = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        StringBuilder out = new StringBuilder();
        for (Path file : presets) {
            Scenario preset = ScenarioCodec.read(file);
            out.append("# ").append(file.getFileName()).append('\n');
            List<Parameter> params = ParameterPaths.list(preset);
            for (Parameter p : params) {
                out.append(p.path()).append('\t').append(p.control().label()).append('\t')
                        .append(p.shown() ? "shown" : "hidden").append('\n');
            }
            for (Parameter p : params) {
                for (String value : variants(p.def())) {
                    Scenario changed;
                    try {
                        changed = ParameterPaths.with(preset, p.path(), value);
                    } catch (IllegalArgumentException crossFieldRule) {
                        continue; // e.g. limit.minLimit above limit.maxLimit: no panel shows that state
                    }
                    List<String> flips = new ArrayList<>();
                    List<Parameter> after = ParameterPaths.list(changed);
                    for (int i = 0; i < after.size(); i++) {
                        Parameter q = after.get(i);
                        assertEquals(params.get(i).path(), q.path(), "a parameter change keeps the paths");
                        if (params.get(i).shown() != q.shown()) {
                            flips.add((q.shown() ? "+" : "-") + q.path());
                        }
                    }
                    if (!flips.isEmpty()) {
                        out.append("  ").append(p.path()).append('=').append(value).append(": ")
                                .append(String.join(" ", flips)).append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    private static List<String> variants(FieldDef def) {
        return switch (def.kind()) {
            case CHOICE -> def.choices();
            case BOOLEAN -> List.of("true", "false");
            default -> List.of(FieldDef.format(def.min()), FieldDef.format(def.max()));
        };
    }
}
