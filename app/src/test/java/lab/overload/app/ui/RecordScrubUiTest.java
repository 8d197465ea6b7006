package lab.overload.app.ui;

import static lab.overload.app.ui.Ui.await;
import static lab.overload.app.ui.Ui.fx;
import static lab.overload.app.ui.Ui.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import lab.overload.app.OverloadLabApp;
import lab.overload.app.chart.TimeSeries;
import lab.overload.engine.run.Recording;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.Scenario;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * Record and scrub in the window: [ and ] scrub 10 s back and forward and the charts show exactly what they showed
 * at that time; the status bar says when a scrub is re-running; with Record on, Save keeps the scenario at t = 0 with
 * the changes on its timeline, and opening that file replays the session; the scrub bar fits a 1280x720 presenter
 * window.
 */
class RecordScrubUiTest {
    private static final String RATE = "clients.web.ratePerSecond";
    private static final long S = 1_000_000L;
    private Stage stage;
    private Ui.Harness h;

    @BeforeAll
    static void toolkit() throws Exception {
        Ui.isolateUserPresets();
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        if (h != null) {
            h.close();
        }
        FxToolkit.cleanupStages();
    }

    private static List<double[]> points(TimeSeries s) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            out.add(new double[] {s.t(i), s.v(i)});
        }
        return out;
    }

    private static String text(List<double[]> points) {
        StringBuilder sb = new StringBuilder();
        points.forEach(p -> sb.append(p[0]).append('=').append(p[1]).append(' '));
        return sb.toString();
    }

    private void awaitPaused(long micros) {
        await("paused at " + micros / 1e6 + " s with its charts", Ui.MIN_WAIT_MILLIS,
                () -> h.simMicros() == micros && !fx(() -> h.lab.vm().recordReplay().scrubbingProperty().get())
                        && Ui.lastT(h.lab.charts().goodput) == micros / 1e6,
                () -> "sim at " + h.simMicros() / 1e6 + " s, chart to " + Ui.lastT(h.lab.charts().goodput));
    }

    private String statusText() {
        return fx(() -> ((StatusBar) h.lab.scene().lookup("#status-bar")).getText());
    }

    @Test
    void bracketsScrubBackAndForwardToTheSameChartsAndRecordSavesTheTimeline(@TempDir Path dir) throws Exception {
        stage = fx(Stage::new);
        h = fx(() -> Ui.Harness.show(stage, Ui.preset("goodput-collapse.json")));
        fxRun(() -> h.lab.view().toolbar().record.fire());
        h.fastForwardTo(20);
        fxRun(() -> h.lab.vm().requestChange(RATE, "150"));
        await("the change applied", Ui.MIN_WAIT_MILLIS, () -> h.lab.vm().runner().controlLog().size() == 1,
                () -> "log " + h.lab.vm().runner().controlLog());
        h.fastForwardTo(30);
        List<double[]> original = fx(() -> points(h.lab.charts().goodput));
        List<double[]> originalTo20 = original.stream().filter(p -> p[0] <= 20).toList();

        fxRun(() -> OverloadLabApp.handleKey(h.lab, KeyCode.OPEN_BRACKET));
        awaitPaused(20 * S);
        assertEquals(text(originalTo20), text(fx(() -> points(h.lab.charts().goodput))),
                "after [ the goodput chart is the original run's up to 20 s");
        fxRun(() -> OverloadLabApp.handleKey(h.lab, KeyCode.CLOSE_BRACKET));
        awaitPaused(30 * S);
        assertEquals(text(original), text(fx(() -> points(h.lab.charts().goodput))),
                "after ] the goodput chart is the original run's up to 30 s, the change at 20 s included");
        await("the status bar shows the sim time", Ui.MIN_WAIT_MILLIS,
                () -> statusText().startsWith("sim time 0:30.0"), this::statusText);
        assertEquals("REC: t = 0 + 1 change",
                fx(() -> ((Labeled) h.lab.scene().lookup("#timebar").lookup(".record-text")).getText()));

        // a scrub to a day ahead takes long enough to be seen; a pause stops it
        fxRun(() -> h.lab.vm().seek(86_400));
        await("the status bar says a scrub is re-running", Ui.MIN_WAIT_MILLIS,
                () -> statusText().equals("Scrubbing to 1440:00.0: re-running from t = 0"), this::statusText);
        assertTrue(fx(() -> h.lab.scene().lookup("#status-bar").getStyleClass().contains("scrubbing")),
                "the status bar is styled as scrubbing");
        fxRun(() -> h.lab.vm().pause());
        await("a pause ends the scrub", Ui.MIN_WAIT_MILLIS,
                () -> statusText().startsWith("sim time "), this::statusText);

        Path file = dir.resolve("session.json");
        assertTrue(fx(() -> h.lab.vm().saveAs("my session", file)));
        assertTrue(fx(() -> h.lab.vm().confirmationProperty().get()).startsWith("Saved the recording 'my session'"),
                fx(() -> h.lab.vm().confirmationProperty().get()));
        Scenario saved = ScenarioCodec.read(file);
        Scenario preset = Ui.preset("goodput-collapse.json");
        assertEquals(preset.clients(), saved.clients(), "the scenario as it was at t = 0");
        var recorded = saved.timeline().stream().filter(t -> t.label().startsWith(Recording.LABEL)).toList();
        assertEquals(1, recorded.size(), saved.timeline().toString());
        assertEquals(RATE, recorded.get(0).path());
        assertEquals("150", recorded.get(0).value());
        assertEquals(20.000001, recorded.get(0).atSeconds(), "the change at its sim time");
        assertEquals(preset.timeline().size() + 1, saved.timeline().size(), "the preset's own timeline kept");

        // replay: open the recording and run it to 30 s; the charts are the session's
        assertTrue(fx(() -> h.lab.vm().loadFile(file)));
        h.fastForwardTo(30);
        assertEquals(text(original), text(fx(() -> points(h.lab.charts().goodput))),
                "the opened recording replays the session's goodput exactly");
    }

    @Test
    void theScrubBarFitsA1280x720PresenterWindow() throws Exception {
        stage = fx(Stage::new);
        h = fx(() -> Ui.Harness.show(stage, Ui.preset("goodput-collapse.json"), 1280, 720));
        fxRun(() -> {
            h.lab.view().presenterProperty().set(true);
            h.lab.vm().recordReplay().recordingProperty().set(true);
        });
        h.fastForwardTo(30);
        fxRun(() -> h.lab.vm().requestChange(RATE, "150"));
        await("the change applied", Ui.MIN_WAIT_MILLIS, () -> h.lab.vm().runner().controlLog().size() == 1,
                () -> "log " + h.lab.vm().runner().controlLog());
        fxRun(() -> h.lab.vm().seek(12.5));
        awaitPaused(12_500_000L);
        List<String> cut = fx(() -> {
            h.lab.scene().getRoot().applyCss();
            h.lab.scene().getRoot().layout();
            List<String> out = new ArrayList<>();
            for (Labeled l : PresenterLayoutTest.cutLabels(h.lab.scene().lookup("#status-bar"))) {
                out.add("'" + l.getText() + "' shows '" + PresenterLayoutTest.shown(l) + "'");
            }
            return out;
        });
        Node slider = fx(() -> h.lab.scene().lookup("#scrub"));
        double sliderWidth = fx(() -> slider.getLayoutBounds().getWidth());
        BufferedImage image = fx(() -> {
            h.lab.charts().redrawAll();
            return SwingFXUtils.fromFXImage(h.lab.scene().snapshot(null), null);
        });
        Path out = Path.of("target", "layout");
        Files.createDirectories(out);
        ImageIO.write(image, "png", out.resolve("presenter-1280x720-scrubbed.png").toFile());
        assertTrue(cut.isEmpty(), String.join("\n", cut));
        assertTrue(sliderWidth >= 150, "the scrub slider keeps room: " + sliderWidth + " px");
    }
}
