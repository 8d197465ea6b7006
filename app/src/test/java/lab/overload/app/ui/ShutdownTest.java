package lab.overload.app.ui;

import static lab.overload.app.ui.Ui.await;
import static lab.overload.app.ui.Ui.fx;
import static lab.overload.app.ui.Ui.fxRun;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import lab.overload.app.OverloadLabApp;
import lab.overload.app.OverloadLabApp.Lab;
import lab.overload.engine.run.LiveRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * Closing the window ends the simulation: the app's onHidden closes the view model, which stops and joins the
 * {@code overload-lab-sim} thread, and no other non-daemon thread is left behind to keep the JVM alive.
 */
class ShutdownTest {
    /** Non-daemon threads the JVM, JUnit/surefire and JavaFX/Monocle/TestFX legitimately keep. */
    private static final Set<String> EXPECTED = Set.of("main", "JavaFX Application Thread", "DestroyJavaVM",
            "InvokeLaterDispatcher", "JavaFX-Launcher");
    private static final Pattern EXPECTED_PATTERN = Pattern.compile(
            "QuantumRenderer-\\d+|Prism Font Disposer|Monocle.*");

    private OverloadLabApp app;

    @BeforeAll
    static void toolkit() throws Exception {
        Ui.isolateUserPresets();
        FxToolkit.registerPrimaryStage();
        // The app's window is the only one: closing it must not end the FX toolkit for the later test classes.
        Platform.setImplicitExit(false);
    }

    @AfterEach
    void cleanup() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void closingTheWindowStopsTheSimulationThread() throws Exception {
        app = (OverloadLabApp) FxToolkit.setupApplication(OverloadLabApp.class);
        Lab lab = Ui.labOf(app);
        LiveRunner runner = lab.vm().runner();
        await("the app plays", 3_000, () -> runner.status().simMicros() > 0, () -> "status " + runner.status());
        assertTrue(runner.isAlive(), "the sim thread runs while the window is open");
        assertFalse(Ui.simThreads().isEmpty(), "a thread named " + Ui.SIM_THREAD + " exists while running");

        // Close as the window's close button does: a close request, which hides the window unless consumed.
        fxRun(() -> {
            Stage stage = (Stage) lab.scene().getWindow();
            stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
        });
        assertFalse(fx(() -> lab.scene().getWindow().isShowing()), "the close request hid the window");
        await("the sim thread ends after the window closed", 6_000, () -> !runner.isAlive(),
                () -> "still alive: " + Ui.describe(Ui.simThreads()));
        await("no thread named " + Ui.SIM_THREAD + " is left", 2_000, () -> Ui.simThreads().isEmpty(),
                () -> Ui.describe(Ui.simThreads()));
        assertNoStrayNonDaemonThreads();

        // The app's AnimationTimer may still pulse the closed lab: that must be harmless.
        fxRun(lab::pulse);
    }

    @Test
    void closingTheViewModelStopsTheSimulationThread() {
        Lab lab = fx(() -> Lab.create(Ui.preset("load-shedding.json"), Ui.WIDTH, Ui.HEIGHT));
        LiveRunner runner = lab.vm().runner();
        fxRun(() -> {
            lab.vm().setSpeed(10);
            lab.vm().play();
        });
        await("the lab plays", 3_000, () -> runner.status().simMicros() > 0, () -> "status " + runner.status());
        fxRun(lab.vm()::close);
        assertFalse(runner.isAlive(), "LabViewModel.close() returns only after the sim thread ended");
        fxRun(lab::pulse); // a pulse after close reads the last frames and does not throw
        assertNoStrayNonDaemonThreads();
    }

    private static void assertNoStrayNonDaemonThreads() {
        // Give finished threads a moment to leave the thread table.
        List<Thread>[] stray = new List[1];
        try {
            await("only expected non-daemon threads remain", 2_000, () -> {
                stray[0] = strayThreads();
                return stray[0].isEmpty();
            }, () -> "");
        } catch (AssertionError e) {
            throw new AssertionError("non-daemon threads other than main/JUnit/FX remain: "
                    + Ui.describe(stray[0]) + "; all non-daemon threads: " + Ui.describe(nonDaemon()), e);
        }
    }

    private static List<Thread> strayThreads() {
        return nonDaemon().stream()
                .filter(t -> !EXPECTED.contains(t.getName()) && !EXPECTED_PATTERN.matcher(t.getName()).matches())
                .toList();
    }

    private static List<Thread> nonDaemon() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && !t.isDaemon())
                .sorted(java.util.Comparator.comparing(Thread::getName)).toList();
    }
}
