package lab.overload.app.ui;

import static lab.overload.app.ui.Ui.await;
import static lab.overload.app.ui.Ui.fx;
import static lab.overload.app.ui.Ui.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import lab.overload.app.cli.IntervalCsv;
import lab.overload.app.view.ExportActions.Kind;
import lab.overload.app.viewmodel.RunSoFar;
import lab.overload.engine.metrics.SummaryJson;
import lab.overload.engine.run.BatchRunner;
import lab.overload.engine.run.ControlChange;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.LoopKind;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.scenario.TimelineChange;
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
 * The Export menu: after a live change at 5 s and a run to 8 s, each export writes a file that reads back (PNG
 * decodes, CSV has the {@code run --intervals} columns and one row per interval, the summary JSON has the summary
 * fields, and the scenario loads with the live change on its timeline and replays to the same summary); a file that
 * cannot be written shows an error naming it.
 */
@ExtendWith(ApplicationExtension.class)
class ExportTest {
    private static final String RATE = "clients.web.ratePerSecond";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FxRobot robot = new FxRobot();
    @TempDir
    Path dir;
    private Ui.Harness h;

    @BeforeAll
    static void isolate() {
        Ui.isolateUserPresets();
    }

    @Start
    void start(Stage stage) {
        h = Ui.Harness.show(stage, Ui.preset("goodput-collapse.json"));
    }

    @AfterEach
    void close() throws Exception {
        h.close();
        FxToolkit.cleanupStages();
    }

    private Path export(Kind kind, String name) {
        Path file = dir.resolve(name);
        CompletableFuture<Path> done = fx(() -> h.lab.view().exports().export(kind, file));
        try {
            return done.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError(kind + " export failed: " + e, e);
        }
    }

    /** Runs to 5 s, changes the rate live, runs to 8 s; returns the control log. */
    private List<ControlChange> runWithALiveChange() {
        h.fastForwardTo(5);
        fxRun(() -> h.lab.vm().requestChange(RATE, "321"));
        await("the change reaches the control log", 5_000,
                () -> h.lab.vm().runner().controlLog().size() == 1, () -> "log " + h.lab.vm().runner().controlLog());
        h.fastForwardTo(8);
        return h.lab.vm().runner().controlLog();
    }

    @Test
    void everyExportWritesAFileThatReadsBack() throws IOException {
        List<ControlChange> log = runWithALiveChange();
        assertEquals(List.of(new ControlChange(5_000_001, RATE, "321")), log,
                "a change made at 5 s takes effect 1 us later, before any event at that time");

        BufferedImage png = ImageIO.read(export(Kind.CHART_PNG, "charts.png").toFile());
        assertNotNull(png, "the PNG decodes");
        assertTrue(png.getWidth() > 300 && png.getHeight() > 200, png.getWidth() + "x" + png.getHeight());

        List<String> csv = Files.readAllLines(export(Kind.INTERVALS_CSV, "intervals.csv"));
        List<String> header = List.of(csv.get(0).split(","));
        assertEquals(IntervalCsv.header(), header.subList(0, IntervalCsv.header().size()), "run --intervals columns");
        assertEquals(1 + 80, csv.size(), "a header and one row per 100 ms interval up to 8 s");

        JsonNode summary = JSON.readTree(export(Kind.SUMMARY_JSON, "summary.json").toFile());
        assertEquals(8.0, summary.get("measuredSeconds").asDouble(), 1e-9);
        for (String field : List.of("requests", "attempts", "ratesPerSecond", "latencyMillis", "workSeconds")) {
            assertTrue(summary.has(field), field + " missing from " + summary);
        }
        assertTrue(summary.get("requests").get("total").asLong() > 1000, summary.toString());

        Scenario recorded = ScenarioCodec.read(export(Kind.SCENARIO_JSON, "recorded.json"));
        Scenario preset = Ui.preset("goodput-collapse.json");
        assertEquals(preset.timeline().size() + 1, recorded.timeline().size());
        TimelineChange first = recorded.timeline().get(0);
        assertEquals(List.of(RATE, "321", lab.overload.engine.run.Recording.LABEL + ": " + RATE + " = 321"),
                List.of(first.path(), first.value(), first.label()),
                "the live change is the first timeline entry (the preset's ramp starts at 20 s)");
        assertEquals(5.0, first.atSeconds(), 1.5e-6, "made at 5 s, it took effect at 5 s (+ 1 us)");
        // the timeline replays the live change: run to 8 s, the recorded scenario gives the exported summary
        String replayed = SummaryJson.write(BatchRunner.run(recorded.withDuration(8, 0)).summary());
        assertEquals(JSON.readTree(replayed), summary, "the recorded scenario replays the live run");

        String confirmation = fx(h.lab.vm().confirmationProperty()::get);
        assertTrue(confirmation.contains("recorded.json"), confirmation);
    }

    @Test
    void aChangeThatRestartsTheRunBecomesTheStartOfTheExportedScenario() throws IOException {
        h.fastForwardTo(2);
        fxRun(() -> h.lab.vm().requestChange(RATE, "321"));
        await("the rate change reaches the scenario", 5_000,
                () -> fx(() -> ParameterPaths.get(h.lab.vm().scenarioProperty().get(), RATE)) == 321, () -> "not yet");
        // the loop kind cannot change live: the runner restarts from t = 0 with both changes
        fxRun(() -> h.lab.vm().requestChange("clients.web.loop", "CLOSED"));
        await("the run restarts", 5_000, () -> h.lab.vm().runner().controlLog().isEmpty()
                && h.lab.vm().runner().status().scenario().clients().get(0).loop() == LoopKind.CLOSED,
                () -> "log " + h.lab.vm().runner().controlLog());
        h.fastForwardTo(3);
        Scenario recorded = ScenarioCodec.read(export(Kind.SCENARIO_JSON, "restarted.json"));
        assertEquals(LoopKind.CLOSED, recorded.clients().get(0).loop());
        assertEquals(321, ParameterPaths.get(recorded, RATE));
        assertEquals(Ui.preset("goodput-collapse.json").timeline(), recorded.timeline(), "no live change since");
        JsonNode summary = JSON.readTree(export(Kind.SUMMARY_JSON, "restarted-summary.json").toFile());
        assertEquals(JSON.readTree(SummaryJson.write(BatchRunner.run(recorded.withDuration(3, 0)).summary())),
                summary, "the summary is of the restarted run");
    }

    @Test
    void theToolbarMenuHasEveryExportWithItsKey() {
        List<MenuItem> items = fx(() -> List.copyOf(h.lab.view().toolbar().export.getItems()));
        assertEquals(Kind.values().length, items.size());
        for (int i = 0; i < items.size(); i++) {
            assertEquals(Kind.values()[i].accelerator(), items.get(i).getAccelerator(), items.get(i).getText());
        }
        MenuButton menu = (MenuButton) fx(() -> h.lab.scene().lookup("#export"));
        assertNotNull(menu, "the toolbar shows the Export menu");
    }

    @Test
    void shortcutShiftJExportsTheSummaryToThePickedFile() throws IOException {
        h.fastForwardTo(3);
        Path file = dir.resolve("by-key/summary.json");
        fxRun(() -> {
            h.lab.view().exports().usePicker(kind -> kind == Kind.SUMMARY_JSON ? file : null);
            h.lab.scene().getWindow().requestFocus();
            h.lab.view().chartsView().requestFocus();
        });
        robot.press(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.J).release(KeyCode.J, KeyCode.SHIFT, KeyCode.SHORTCUT);
        await("the key exports the summary", 30_000, () -> Files.exists(file), () -> "no " + file);
        assertEquals(3.0, JSON.readTree(file.toFile()).get("measuredSeconds").asDouble(), 1e-9);
    }

    @Test
    void aFileThatCannotBeWrittenShowsAnErrorNamingItAndKeepsTheRun() throws IOException {
        runWithALiveChange();
        Path blocker = Files.writeString(dir.resolve("not-a-folder"), "x");
        Path file = blocker.resolve("summary.json");
        CompletableFuture<Path> done = fx(() -> h.lab.view().exports().export(Kind.SUMMARY_JSON, file));
        assertThrows(ExecutionException.class, () -> done.get(60, TimeUnit.SECONDS));
        String error = fx(h.lab.vm().errorProperty()::get);
        assertTrue(error.startsWith("Could not export summary so far as JSON to " + file), error);
        assertEquals("x", Files.readString(blocker));
        assertEquals(8_000_000, h.simMicros(), "the run is where it was");
        assertEquals(1, h.lab.vm().runner().controlLog().size());
    }
}
