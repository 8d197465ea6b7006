package lab.overload.app.ui;

import static lab.overload.app.ui.Ui.await;
import static lab.overload.app.ui.Ui.fx;
import static lab.overload.app.ui.Ui.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import lab.overload.app.OverloadLabApp;
import lab.overload.app.OverloadLabApp.Lab;
import lab.overload.app.view.MainView;
import lab.overload.app.viewmodel.PresetCatalog;
import lab.overload.engine.run.LiveRunner;
import lab.overload.engine.run.LiveStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The real application ({@link OverloadLabApp#start}, with its key wiring and auto-play) on a headless stage: it opens
 * on the first lesson and plays; pause, step and reset through the toolbar buttons; the keyboard through robot key
 * presses (space, right arrow, R, 3).
 */
class AppLifecycleTest {
    /** One metrics interval of the lesson presets (intervalMillis = 100). */
    private static final long INTERVAL_MICROS = 100_000;

    private final FxRobot robot = new FxRobot();
    private OverloadLabApp app;
    private Lab lab;
    private LiveRunner runner;

    @BeforeAll
    static void toolkit() throws Exception {
        Ui.isolateUserPresets();
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void start() throws Exception {
        app = (OverloadLabApp) FxToolkit.setupApplication(OverloadLabApp.class);
        lab = Ui.labOf(app);
        runner = lab.vm().runner();
        // The window is centred on the screen: put it at the origin so the whole toolbar is surely on the screen.
        fxRun(() -> {
            lab.scene().getWindow().setX(0);
            lab.scene().getWindow().setY(0);
        });
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        await("the sim thread of the closed app ends", 5_000, () -> !runner.isAlive(), () -> "still alive");
    }

    @Test
    void opensOnTheFirstLessonAndPlays() {
        String first = PresetCatalog.bundled(PresetCatalog.bundledNames().get(0)).name();
        assertEquals("Goodput collapse", first, "presets.txt lists goodput-collapse first");
        assertEquals(first, fx(() -> ((Label) robot.lookup("#lesson-title").query()).getText()),
                "the lesson panel shows the first lesson's title");
        assertEquals(first, fx(() -> lab.view().toolbar().presets.getSelectionModel().getSelectedItem().label()),
                "the preset picker shows the first lesson");
        assertEquals("Overload Lab", fx(() -> ((Stage) lab.scene().getWindow()).getTitle()));

        await("the app plays on start", 3_000, () -> runner.status().running() && fx(lab.vm().runningProperty()::get),
                () -> "status " + runner.status());
        long t0 = runner.status().simMicros();
        await("sim time advances while playing", 3_000, () -> runner.status().simMicros() >= t0 + 100_000,
                () -> "status " + runner.status());
        await("the status bar shows the sim time", 2_000,
                () -> fx(() -> ((org.controlsfx.control.StatusBar) robot.lookup("#status-bar").query()).getText())
                        .contains("sim time") && fx(lab.vm().simSecondsProperty()::get) > 0,
                () -> "sim seconds property " + fx(lab.vm().simSecondsProperty()::get));
    }

    /** Pacing at 1x against the wall clock: a CPU-share claim, so it runs only with -Ptiming on an idle machine. */
    @Test
    @org.junit.jupiter.api.Tag("timing")
    void atOneXWallTimeAdvancesSimTime() {
        await("the app plays on start", 3_000, () -> runner.status().running(), () -> "status " + runner.status());
        long t0 = runner.status().simMicros();
        Ui.sleep(400);
        long t1 = runner.status().simMicros();
        assertTrue(t1 - t0 >= 100_000, "at 1x, 400 ms of wall time should advance sim time by at least 0.1 s (slack"
                + " for a loaded machine); advanced " + (t1 - t0) / 1e6 + " s");
    }

    @Test
    void pauseStopsTimeStepAdvancesOneIntervalResetClears() {
        fxRun(() -> lab.vm().setSpeed(10));
        await("a second of sim time at 10x", 5_000, () -> runner.status().simMicros() > 1_000_000,
                () -> "status " + runner.status());

        // Pause with the toolbar button.
        robot.clickOn("#play");
        await("the play button pauses", 3_000, () -> !runner.status().running(), () -> "status " + runner.status());
        long paused = settledSimMicros();
        await("the view model (status bar) shows the paused sim time", 2_000,
                () -> Math.abs(fx(lab.vm().simSecondsProperty()::get) - paused / 1e6) < 1e-9,
                () -> fx(lab.vm().simSecondsProperty()::get) + " s shown, paused at " + paused / 1e6 + " s");
        assertEquals(paused, runner.status().simMicros(), "paused: the sim thread does not move without a command");
        assertFalse(fx(lab.vm().runningProperty()::get), "the view model reports paused");

        // Step with the toolbar button: exactly one interval, to the next 100 ms boundary.
        long published = runner.ring().published();
        robot.clickOn("#step");
        long expected = (paused / INTERVAL_MICROS + 1) * INTERVAL_MICROS;
        await("one step", 3_000, () -> runner.status().simMicros() == expected,
                () -> "sim " + runner.status().simMicros() + " µs, expected " + expected + " µs");
        // The sim thread publishes the step's interval before the status that shows the step's end.
        assertFalse(runner.status().running(), "a step leaves the run paused");
        assertEquals(published + 1, runner.ring().published(), "a step publishes exactly one interval");
        await("the charts show the stepped interval", 2_000,
                () -> Ui.lastT(lab.charts().goodput) == expected / 1e6,
                () -> "goodput series ends at " + Ui.lastT(lab.charts().goodput));

        // Reset with the toolbar button: t = 0, paused, a new run, every series cleared.
        int generation = runner.status().generation();
        assertTrue(Ui.size(lab.charts().goodput) > 5, "charts have data before the reset");
        robot.clickOn("#reset");
        await("reset", 3_000, () -> runner.status().generation() == generation + 1
                && runner.status().simMicros() == 0, () -> "status " + runner.status());
        await("the chart series are cleared", 2_000, () -> Ui.seriesSizes(lab).matches("(\\w+=0 ?)+"),
                () -> Ui.seriesSizes(lab));
        await("the status bar shows t = 0", 2_000, () -> fx(lab.vm().simSecondsProperty()::get) == 0,
                () -> fx(lab.vm().simSecondsProperty()::get) + " s shown");
        fxRun(lab.vm()::pulse); // drains whatever the old run published before the reset: it must be dropped
        LiveStatus st = runner.status();
        assertEquals(0, st.simMicros(), "after reset the run stays at t = 0 (paused)");
        assertFalse(st.running(), "reset leaves the run paused");
        assertEquals(0, fx(lab.vm().simSecondsProperty()::get), 0.0, "status bar shows t = 0");
        assertTrue(Ui.seriesSizes(lab).matches("(\\w+=0 ?)+"), "no data after reset: " + Ui.seriesSizes(lab));
        assertTrue(runner.controlLog().isEmpty(), "reset drops the control log");
    }

    /**
     * Reset while the run is playing (the usual case: a user watches, then resets). Frames of the old run published
     * between the last pulse and the moment the sim thread takes the command must not survive the reset. The window
     * for that is a race, so the reset is tried a few times at 100x; one stale chart fails the test.
     */
    @Test
    void resetWhilePlayingClearsTheCharts() {
        fxRun(() -> lab.vm().setSpeed(LiveRunner.MAX_SPEED));
        for (int round = 1; round <= 3; round++) {
            fxRun(lab.vm()::play);
            await("a few sim seconds at 100x", 5_000, () -> Ui.size(lab.charts().goodput) > 30,
                    () -> "status " + runner.status() + ", " + Ui.seriesSizes(lab));
            int generation = runner.status().generation();

            // Fired on the FX thread: while playing at 100x the toolbar lays out its items again as its read-outs
            // change width, and a robot click reads the button's scene from the test thread, where it can catch the
            // button between two layouts (no scene). The button's own handler runs either way.
            fxRun(() -> ((javafx.scene.control.ButtonBase) lab.scene().lookup("#reset")).fire());
            await("reset", 3_000, () -> runner.status().generation() == generation + 1
                    && runner.status().simMicros() == 0, () -> "status " + runner.status());
            // The old run's frames are all published before the sim thread takes the reset; one more pulse drains
            // them, and they must be dropped. Paused at t = 0, the new run publishes nothing.
            fxRun(lab.vm()::pulse);
            assertEquals(0, runner.status().simMicros(), "paused at t = 0 after the reset");
            String sizes = Ui.seriesSizes(lab);
            assertTrue(sizes.matches("(\\w+=0 ?)+"),
                    "reset while playing (round " + round + ") must clear the chart series: the run is at t = 0,"
                            + " yet the series still hold the old run's points up to "
                            + Ui.lastT(lab.charts().goodput) + " s: " + sizes);
        }
    }

    @Test
    void keyboardSpaceRightRAndDigits() {
        await("playing", 3_000, () -> runner.status().running(), () -> "status " + runner.status());
        focusWindow();

        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        await("SPACE pauses", 3_000, () -> !runner.status().running(), () -> "status " + runner.status());
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        await("SPACE plays again", 3_000, () -> runner.status().running(), () -> "status " + runner.status());
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        await("SPACE pauses again", 3_000, () -> !runner.status().running(), () -> "status " + runner.status());

        long paused = settledSimMicros();
        long published = runner.ring().published();
        robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        long expected = (paused / INTERVAL_MICROS + 1) * INTERVAL_MICROS;
        await("RIGHT steps one interval", 3_000, () -> runner.status().simMicros() == expected,
                () -> "sim " + runner.status().simMicros() + " µs, expected " + expected + " µs");
        assertEquals(published + 1, runner.ring().published(), "RIGHT publishes exactly one interval");
        assertFalse(runner.status().running(), "RIGHT leaves the run paused");

        int generation = runner.status().generation();
        robot.press(KeyCode.R).release(KeyCode.R);
        await("R resets", 3_000, () -> runner.status().generation() == generation + 1
                && runner.status().simMicros() == 0, () -> "status " + runner.status());
        await("R clears the charts", 2_000, () -> Ui.size(lab.charts().goodput) == 0, () -> Ui.seriesSizes(lab));

        MainView view = lab.view();
        assertEquals(0, fx(() -> view.chartsView().getSelectionModel().getSelectedIndex()), "starts on Overview");
        robot.press(KeyCode.DIGIT3).release(KeyCode.DIGIT3);
        await("3 selects the third tab", 2_000,
                () -> fx(() -> view.chartsView().getSelectionModel().getSelectedIndex()) == 2,
                () -> "selected " + fx(() -> view.chartsView().getSelectionModel().getSelectedItem().getText()));
        assertEquals("3 Latency", fx(() -> view.chartsView().getSelectionModel().getSelectedItem().getText()));
        robot.press(KeyCode.DIGIT1).release(KeyCode.DIGIT1);
        await("1 goes back to the overview", 2_000,
                () -> fx(() -> view.chartsView().getSelectionModel().getSelectedIndex()) == 0, () -> "not back");

        // Keys typed into a text field are text, not commands: R in the seed field must not reset.
        javafx.scene.control.TextField seed = lab.view().toolbar().seed;
        String seedText = fx(seed::getText);
        fxRun(seed::requestFocus);
        await("the seed field has focus", 2_000, () -> fx(seed::isFocused), () -> "not focused");
        int generationBefore = runner.status().generation();
        robot.press(KeyCode.R).release(KeyCode.R);
        // A barrier instead of a wait: once the key is handled, a step goes into the same command queue as a reset
        // would have, so when the step has run, any reset would have run before it.
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        long beforeStep = runner.status().simMicros();
        fxRun(lab.vm()::step);
        await("the barrier step", 3_000, () -> runner.status().simMicros() > beforeStep,
                () -> "status " + runner.status());
        assertEquals(generationBefore, runner.status().generation(), "R typed into the seed field must not reset");
        fxRun(() -> {
            seed.setText(seedText);
            view.chartsView().requestFocus();
        });

        // handleKey is the same keyboard without the event plumbing.
        assertTrue(fx(() -> OverloadLabApp.handleKey(lab, KeyCode.DIGIT3)), "handleKey uses digit 3");
        assertEquals(2, fx(() -> view.chartsView().getSelectionModel().getSelectedIndex()));
        assertTrue(fx(() -> OverloadLabApp.handleKey(lab, KeyCode.NUMPAD9)), "numpad 9 selects the ninth tab");
        assertEquals("9 Tipping point", fx(() -> view.chartsView().getSelectionModel().getSelectedItem().getText()));
        assertTrue(fx(() -> OverloadLabApp.handleKey(lab, KeyCode.DIGIT0)), "0 selects the tenth tab");
        assertEquals("Operate", fx(() -> view.chartsView().getSelectionModel().getSelectedItem().getText()),
                "without stage tabs, goodput-collapse's tenth tab is Operate");
        assertFalse(fx(() -> OverloadLabApp.handleKey(lab, KeyCode.Q)), "Q is not a lab key");
    }

    /**
     * Waits until the pause command has reached the sim thread and returns the sim time it stopped at: the status that
     * first says paused is published after the loop stopped advancing, and nothing moves it until the next command.
     */
    private long settledSimMicros() {
        await("the pause reaches the sim thread", 3_000, () -> !runner.status().running(),
                () -> "status " + runner.status());
        return runner.status().simMicros();
    }

    /** Key events go to the focused window's focus owner; make sure the lab window has focus and no text field. */
    private void focusWindow() {
        fxRun(() -> {
            Stage stage = (Stage) lab.scene().getWindow();
            stage.toFront();
            stage.requestFocus();
            lab.view().chartsView().requestFocus();
        });
        await("the lab window has focus", 2_000, () -> fx(() -> lab.scene().getWindow().isFocused()),
                () -> "focus owner " + fx(() -> String.valueOf(lab.scene().getFocusOwner())));
    }
}
