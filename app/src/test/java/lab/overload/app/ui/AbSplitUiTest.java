package lab.overload.app.ui;

import static lab.overload.app.ui.Ui.await;
import static lab.overload.app.ui.Ui.fx;
import static lab.overload.app.ui.Ui.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import lab.overload.app.chart.LiveChart;
import lab.overload.app.chart.Readout;
import lab.overload.app.chart.Ticks;
import lab.overload.app.chart.TimeSeries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * The A/B split in the window, moved only by runTo (as fast as possible to exact sim times), so every compared number
 * is deterministic: B starts as A's copy, a change on side B moves only B's series, the legend and read-out show
 * B - A, the markers say on which side a change was made, the controls show the side they change, and turning A/B
 * off leaves side A as it was.
 */
class AbSplitUiTest {
    private static final String QUEUE = "services.api.queueCapacity";
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

    private static List<String> points(TimeSeries s) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            out.add(s.t(i) + "=" + s.v(i));
        }
        return out;
    }

    private static TimeSeries series(LiveChart chart, String id) {
        return chart.series().stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
    }

    /**
     * Waits until side B's scenario shows a change: the pulse sends changes to the runner, so a runTo sent from the
     * test thread before that pulse would run past the change's time.
     */
    private void awaitOnB(java.util.function.Predicate<lab.overload.models.scenario.Scenario> applied) {
        await("B's change applied", Ui.MIN_WAIT_MILLIS, () -> {
            var b = h.lab.vm().runner().scenarioB();
            return b != null && applied.test(b);
        }, () -> "B: " + h.lab.vm().runner().scenarioB());
    }

    private void awaitB(double seconds) {
        await("side B's goodput reaches " + seconds + " s", Ui.MIN_WAIT_MILLIS, () -> lastB() >= seconds - 1e-9,
                () -> "B's goodput ends at " + lastB() + " s");
    }

    /** The time of side B's newest goodput sample (NaN while B has no series). Ui.lastT runs on the FX thread. */
    private double lastB() {
        TimeSeries b = fx(() -> series(h.lab.charts().goodputChart, "goodputB"));
        return b == null ? Double.NaN : Ui.lastT(b);
    }

    @Test
    void aChangeOnSideBMovesOnlyBAndTheReadoutShowsTheDifference() throws Exception {
        stage = fx(Stage::new);
        // goodput-collapse: the load ramps past capacity from 20 s; a short queue on B sheds it and keeps goodput up
        h = fx(() -> Ui.Harness.show(stage, Ui.preset("goodput-collapse.json")));
        h.fastForwardTo(10);
        fxRun(() -> h.lab.view().toolbar().ab.fire());
        awaitB(10);
        List<String> aTo10 = fx(() -> points(h.lab.charts().goodput));
        assertEquals(aTo10, fx(() -> points(series(h.lab.charts().goodputChart, "goodputB"))),
                "B starts as A's exact copy: its series up to the split equal A's");
        assertTrue(fx(() -> h.lab.scene().lookup("#ab-sides").isVisible()), "the side picker shows");

        fxRun(() -> h.lab.vm().requestChange(QUEUE, "16")); // side B is the one the controls change once A/B is on
        awaitOnB(s -> s.services().get(0).queueCapacity() == 16);
        h.fastForwardTo(50);
        awaitB(50);
        assertEquals(100_000, fx(() -> h.lab.vm().scenarioProperty().get().services().get(0).queueCapacity()),
                "side A keeps its queue");
        assertEquals("16", fx(() -> Ui.fieldOf(h.lab.view(), QUEUE).getText()),
                "the controls show side B's value while they change side B");

        double aGoodput = Ui.mean(fx(() -> h.lab.charts().goodput), 40, 50);
        double bGoodput = Ui.mean(fx(() -> series(h.lab.charts().goodputChart, "goodputB")), 40, 50);
        assertTrue(bGoodput > aGoodput + 100, "past the tipping point B sheds and keeps goodput: A " + aGoodput
                + "/s, B " + bGoodput + "/s");

        Readout r = fx(() -> h.lab.charts().goodputChart.readoutAt(45).orElseThrow());
        double diff = r.valueOf("goodputB") - r.valueOf("goodput");
        String name = r.rows().stream().filter(row -> row.id().equals("goodputB")).findFirst().orElseThrow().name();
        assertEquals("goodput B (B\u2212A " + (diff > 0 ? "+" : diff < 0 ? "\u2212" : "\u00b1")
                + Ticks.formatValue(Math.abs(diff)) + ")", name);
        assertTrue(fx(() -> h.lab.charts().goodputChart.markerLabels()).contains("B: " + QUEUE + " = 16"),
                fx(() -> h.lab.charts().goodputChart.markerLabels()).toString());

        List<String> aTo50 = fx(() -> points(h.lab.charts().goodput));
        assertEquals(aTo10, aTo50.subList(0, aTo10.size()), "A's series before the split are untouched");
        fxRun(() -> h.lab.view().toolbar().ab.fire());
        await("A/B off", Ui.MIN_WAIT_MILLIS, () -> fx(() -> !h.lab.vm().ab().onProperty().get()), () -> "on");
        assertEquals(null, fx(() -> series(h.lab.charts().goodputChart, "goodputB")), "B's series are gone");
        assertFalse(fx(() -> h.lab.scene().lookup("#ab-sides").isVisible()), "the side picker hides");
        assertEquals(aTo50, fx(() -> points(h.lab.charts().goodput)), "A's series stay as they were");
        assertEquals("100000", fx(() -> Ui.fieldOf(h.lab.view(), QUEUE).getText()).replace(",", ""),
                "the controls show side A's value again");
    }

    @Test
    void aSideAOnlyRunMatchesTheRunWithoutASplit() throws Exception {
        stage = fx(Stage::new);
        h = fx(() -> Ui.Harness.show(stage, Ui.preset("goodput-collapse.json")));
        h.fastForwardTo(30);
        List<String> alone = fx(() -> points(h.lab.charts().p99));
        h.close();
        h = null;
        FxToolkit.cleanupStages();

        stage = fx(Stage::new);
        h = fx(() -> Ui.Harness.show(stage, Ui.preset("goodput-collapse.json")));
        h.fastForwardTo(5);
        fxRun(() -> h.lab.vm().setAbSplit(true));
        fxRun(() -> h.lab.vm().requestChange("clients.web.ratePerSecond", "100"));
        awaitOnB(s -> s.clients().get(0).ratePerSecond() == 100); // the pulse sends it; only then run on
        h.fastForwardTo(30);
        awaitB(30);
        assertEquals(alone, fx(() -> points(h.lab.charts().p99)), "side A is the run without a split");
        assertNotEquals(alone, fx(() -> points(series(h.lab.charts().latencyChart, "p99B"))),
                "side B, at half the load, differs");
    }

    @Test
    void theSplitIsReadableInA1280x720PresenterWindow() throws Exception {
        stage = fx(Stage::new);
        h = fx(() -> Ui.Harness.show(stage, Ui.preset("goodput-collapse.json"), 1280, 720));
        fxRun(() -> h.lab.view().presenterProperty().set(true));
        h.fastForwardTo(15);
        fxRun(() -> h.lab.vm().setAbSplit(true));
        fxRun(() -> h.lab.vm().requestChange(QUEUE, "16"));
        awaitOnB(s -> s.services().get(0).queueCapacity() == 16);
        h.fastForwardTo(45);
        awaitB(45);
        List<String> cut = fx(() -> {
            h.lab.scene().getRoot().applyCss();
            h.lab.scene().getRoot().layout();
            List<String> out = new ArrayList<>();
            for (Labeled l : PresenterLayoutTest.cutLabels(h.lab.scene().lookup(".lab-toolbar"))) {
                out.add("'" + l.getText() + "' shows '" + PresenterLayoutTest.shown(l) + "'");
            }
            return out;
        });
        BufferedImage image = fx(() -> {
            h.lab.charts().redrawAll();
            return SwingFXUtils.fromFXImage(h.lab.scene().snapshot(null), null);
        });
        Path out = Path.of("target", "layout");
        Files.createDirectories(out);
        ImageIO.write(image, "png", out.resolve("presenter-1280x720-ab.png").toFile());
        assertTrue(cut.isEmpty(), String.join("\n", cut));
    }
}
