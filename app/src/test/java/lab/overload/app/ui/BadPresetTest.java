package lab.overload.app.ui;

import static lab.overload.app.ui.Ui.await;
import static lab.overload.app.ui.Ui.fx;
import static lab.overload.app.ui.Ui.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import lab.overload.app.fx.Styles;
import lab.overload.app.viewmodel.LabViewModel;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Bad input never disturbs a running lab: a malformed scenario file (a value out of range, or not JSON at all) and
 * an out-of-range value typed into a parameter field are reported in the error bar, naming the field and the
 * reason, while the running scenario, its run (generation) and the engine's values stay as they were.
 */
@ExtendWith(ApplicationExtension.class)
class BadPresetTest {
    private static final String RATE = "clients.web.ratePerSecond";

    private Ui.Harness h;
    private LabViewModel vm;

    @BeforeAll
    static void isolate() {
        Ui.isolateUserPresets();
    }

    @Start
    void start(Stage stage) {
        h = Ui.Harness.show(stage, Ui.preset("goodput-collapse.json"));
        vm = h.lab.vm();
    }

    @AfterEach
    void close() throws Exception {
        h.close();
        FxToolkit.cleanupStages();
    }

    @Test
    void malformedScenarioFilesAreReportedAndTheRunContinues(FxRobot robot, @TempDir Path dir) throws IOException {
        fxRun(vm::play);
        await("the lab plays", 3_000, () -> vm.runner().status().simMicros() > 100_000,
                () -> "status " + vm.runner().status());
        Scenario running = fx(() -> vm.scenarioProperty().get());
        int generation = vm.runner().status().generation();

        // 1. A value out of range: ratePerSecond -5.
        String preset = resource("/presets/goodput-collapse.json");
        String rateField = "\"ratePerSecond\":\\s*[0-9.]+";
        assertTrue(java.util.regex.Pattern.compile(rateField).matcher(preset).find(),
                "fixture: the preset has a ratePerSecond");
        Path badRate = dir.resolve("bad-rate.json");
        Files.writeString(badRate, preset.replaceFirst(rateField, "\"ratePerSecond\": -5")
                .replace("\"name\": \"Goodput collapse\"", "\"name\": \"Bad rate\""));
        assertFalse(fx(() -> vm.loadFile(badRate)), "loadFile must refuse a rate of -5");
        String error = errorBar(robot);
        assertTrue(error.contains("bad-rate.json"), "the error names the file: '" + error + "'");
        assertTrue(error.contains("ratePerSecond"), "the error names the field: '" + error + "'");
        assertTrue(error.contains("clients[0]"), "the error gives the JSON path of the field: '" + error + "'");
        assertTrue(error.contains("must be in [0, 100000]") && error.contains("-5"),
                "the error gives the reason (allowed range and the bad value): '" + error + "'");
        assertTrue(fx(() -> robot.lookup("#error-bar").query().getParent().isVisible()), "the error bar is shown");
        assertUntouched(robot, running, generation, "after the out-of-range file");

        // 2. Not JSON at all (truncated document).
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{ \"schemaVersion\": 1, \"name\": \"Broken\", \"clients\": [ {");
        assertFalse(fx(() -> vm.loadFile(broken)), "loadFile must refuse invalid JSON");
        error = errorBar(robot);
        assertTrue(error.contains("broken.json") && error.contains("not valid JSON"),
                "the error names the file and says it is not valid JSON: '" + error + "'");
        assertUntouched(robot, running, generation, "after the invalid JSON file");

        // 3. Control: a good file does load (so the refusals above were about the content).
        Path good = dir.resolve("good.json");
        Files.writeString(good, resource("/presets/load-shedding.json"));
        assertTrue(fx(() -> vm.loadFile(good)), "a valid file loads");
        assertEquals("", errorBar(robot), "a successful load clears the error bar");
        await("the new scenario runs", 3_000, () -> vm.runner().status().generation() == generation + 1
                        && vm.runner().status().scenario().name().equals("Load shedding"),
                () -> "status " + vm.runner().status());
        assertEquals("Load shedding", fx(() -> ((Label) robot.lookup("#lesson-title").query()).getText()));
    }

    @Test
    void outOfRangeTypedValueShowsTheErrorAndLeavesTheEngineValue(FxRobot robot) {
        h.fastForwardTo(2);
        double before = ParameterPaths.get(vm.runner().status().scenario(), RATE);
        assertEquals(ParameterPaths.get(fx(() -> vm.loadedProperty().get()), RATE), before, 0.0,
                "fixture: at 2 s the engine runs the preset's rate (no timeline change yet)");
        assertTrue(before != 250, "fixture: the valid value typed below differs from the preset's");
        TextField field = Ui.fieldOf(h.lab.view(), RATE);

        // Type as a user does: click the field, replace its text, press Enter.
        robot.clickOn(field);
        await("the rate field has focus", 2_000, () -> fx(field::isFocused),
                () -> "focus owner " + fx(() -> String.valueOf(h.lab.scene().getFocusOwner())));
        fxRun(field::selectAll);
        robot.write("-5");
        assertEquals("-5", fx(field::getText), "robot typing reached the field");
        robot.type(KeyCode.ENTER);

        await("the error bar reports the typed value", 2_000, () -> !errorBar(robot).isEmpty(), () -> "no error");
        String error = errorBar(robot);
        assertTrue(error.contains(RATE), "the error names the parameter: '" + error + "'");
        assertTrue(error.contains("must be in [0, 100000]") && error.contains("-5"),
                "the error gives the allowed range and the typed value: '" + error + "'");
        assertTrue(fx(() -> field.getStyleClass().contains(Styles.CONTROL_INVALID)),
                "the field is marked invalid (" + Styles.CONTROL_INVALID + ")");

        Ui.sleep(300); // several pulses: nothing may reach the engine
        assertEquals(before, ParameterPaths.get(vm.runner().status().scenario(), RATE), 0.0,
                "the engine keeps its rate");
        assertTrue(vm.runner().controlLog().isEmpty(), "no change reached the engine: " + vm.runner().controlLog());
        assertEquals(before, ParameterPaths.get(fx(() -> vm.scenarioProperty().get()), RATE), 0.0,
                "the view model's scenario keeps the rate");
        assertEquals(2_000_000L, vm.runner().status().simMicros(), "still paused where the test left it");

        // A valid value typed afterwards goes through and clears the error.
        fxRun(field::selectAll);
        robot.write("250");
        robot.type(KeyCode.ENTER);
        await("the engine runs with the typed 250/s", 3_000,
                () -> ParameterPaths.get(vm.runner().status().scenario(), RATE) == 250,
                () -> RATE + " = " + ParameterPaths.get(vm.runner().status().scenario(), RATE) + ", error '"
                        + errorBar(robot) + "'");
        assertEquals("", errorBar(robot), "a valid change clears the error bar");
        assertFalse(fx(() -> field.getStyleClass().contains(Styles.CONTROL_INVALID)), "the field is valid again");
    }

    private void assertUntouched(FxRobot robot, Scenario running, int generation, String when) {
        long t0 = vm.runner().status().simMicros();
        Ui.sleep(300);
        assertSame(running, fx(() -> vm.scenarioProperty().get()), "the running scenario is unchanged " + when);
        assertEquals("Goodput collapse", vm.runner().status().scenario().name(), "engine scenario name " + when);
        assertEquals("Goodput collapse", fx(() -> ((Label) robot.lookup("#lesson-title").query()).getText()),
                "lesson title " + when);
        assertEquals(generation, vm.runner().status().generation(), "no restart (same generation) " + when);
        assertEquals(generation, fx(vm.generationProperty()::get), "view model generation " + when);
        assertNotEquals(t0, vm.runner().status().simMicros(), "sim time keeps advancing " + when);
        assertTrue(vm.runner().status().running(), "still playing " + when);
    }

    private static String errorBar(FxRobot robot) {
        return fx(() -> ((Label) robot.lookup("#error-bar").query()).getText());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = BadPresetTest.class.getResourceAsStream(name)) {
            assertTrue(in != null, "resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
