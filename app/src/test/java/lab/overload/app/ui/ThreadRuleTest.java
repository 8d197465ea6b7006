package lab.overload.app.ui;

import static lab.overload.app.ui.Ui.await;
import static lab.overload.app.ui.Ui.fx;
import static lab.overload.app.ui.Ui.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import lab.overload.app.OverloadLabApp;
import lab.overload.app.OverloadLabApp.Lab;
import lab.overload.engine.component.World;
import lab.overload.engine.core.ThreadGuard;
import lab.overload.engine.run.BatchRunner;
import lab.overload.engine.run.LiveRunner;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The thread rule of DESIGN.md §3: engine code never runs on the JavaFX application thread. The engine's entry
 * points refuse it (ThreadGuard), and the running app never trips that guard: the app drives the engine only
 * through the live runner's commands, and reads only its frames and status.
 */
class ThreadRuleTest {
    private static final Scenario SCENARIO = Ui.preset("goodput-collapse.json");

    @BeforeAll
    static void toolkit() throws Exception {
        Ui.isolateUserPresets();
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void theGuardRecognisesTheFxThread() {
        assertEquals(ThreadGuard.FX_THREAD_NAME, fx(() -> Thread.currentThread().getName()),
                "ThreadGuard recognises the FX thread by name; under Monocle it must be named the same");
        ThreadGuard.checkNotUiThread(); // the test thread is fine
    }

    @Test
    void engineEntryPointsThrowOnTheFxThread() {
        Throwable create = Ui.thrownOnFx(() -> new World(SCENARIO));
        assertGuard(create, "new World(scenario) on the FX thread");

        World world = new World(SCENARIO); // fine off the FX thread
        Throwable run = Ui.thrownOnFx(() -> world.runUntil(1_000_000));
        assertGuard(run, "World.runUntil on the FX thread");
        assertEquals(0, world.nowMicros(), "the refused runUntil did not run anything");
        Throwable apply = Ui.thrownOnFx(() -> world.apply("clients.web.ratePerSecond", "400"));
        assertGuard(apply, "World.apply on the FX thread");
        assertTrue(world.appliedChanges().isEmpty(), "the refused apply changed nothing");

        assertGuard(Ui.thrownOnFx(() -> BatchRunner.run(SCENARIO)), "BatchRunner.run on the FX thread");

        world.runUntil(1_000_000); // and the same world still works on its own thread
        assertEquals(1_000_000, world.nowMicros());
    }

    @Test
    void aFullRunOfTheAppNeverTripsTheGuard() throws Throwable {
        List<String> uncaught = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            uncaught.add("on '" + t.getName() + "': " + trace);
        });
        OverloadLabApp app = null;
        LiveRunner runner = null;
        try {
            WaitForAsyncUtils.clearExceptions();
            app = (OverloadLabApp) FxToolkit.setupApplication(OverloadLabApp.class);
            Lab lab = Ui.labOf(app);
            runner = lab.vm().runner();
            LiveRunner r = runner;
            fxRun(() -> lab.vm().setSpeed(LiveRunner.MAX_SPEED));
            await("the app plays at 100x", 3_000, () -> r.status().running() && r.status().speed() == 100,
                    () -> "status " + r.status());

            // Drive everything the UI can do while the engine runs: sliders, keys, step, reset, load.
            Slider rate = fx(() -> lab.view().sliderOf("clients.web.ratePerSecond"));
            Ui.sleep(500);
            fxRun(() -> rate.setValue(rate.getValue() + 0.05));
            Ui.sleep(500);
            fxRun(() -> OverloadLabApp.handleKey(lab, KeyCode.DIGIT5));
            fxRun(() -> OverloadLabApp.handleKey(lab, KeyCode.RIGHT));
            Ui.sleep(200);
            fxRun(() -> OverloadLabApp.handleKey(lab, KeyCode.R));
            Ui.sleep(200);
            fxRun(() -> OverloadLabApp.handleKey(lab, KeyCode.SPACE));
            Ui.sleep(500);
            fxRun(() -> lab.vm().load(Ui.preset("load-shedding.json")));
            Ui.sleep(800);

            assertTrue(uncaught.isEmpty(), "no uncaught exception on any thread during the run: " + uncaught);
            WaitForAsyncUtils.checkException();
            assertTrue(runner.isAlive(), "the sim thread survived the whole run");
            String message = runner.status().message();
            assertFalse(message.contains(ThreadGuard.FX_THREAD_NAME), "no guard message in the status: " + message);
            assertTrue(runner.status().running(), "still playing after the load: " + runner.status());
            assertTrue(runner.status().simMicros() > 5_000_000,
                    "at 100x the loaded scenario ran at least 5 sim seconds in 0.8 s: " + runner.status());
            assertEquals("Load shedding", runner.status().scenario().name());
            List<String> frames = List.of(Ui.seriesSizes(lab).split(" "));
            assertTrue(Ui.size(lab.charts().goodput) > 10, "the pulse drained frames into the charts: " + frames);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
            if (app != null) {
                FxToolkit.cleanupApplication(app);
            }
            FxToolkit.cleanupStages();
            if (runner != null) {
                LiveRunner r = runner;
                await("the sim thread ends", 5_000, () -> !r.isAlive(), () -> "alive");
            }
        }
        assertTrue(uncaught.isEmpty(), "no uncaught exception while closing: "
                + uncaught.stream().collect(Collectors.joining("\n")));
    }

    private static void assertGuard(Throwable thrown, String what) {
        assertInstanceOf(IllegalStateException.class, thrown, what + " should throw IllegalStateException, threw "
                + thrown);
        assertTrue(thrown.getMessage().contains(ThreadGuard.FX_THREAD_NAME),
                what + ": the message should name the FX thread: " + thrown.getMessage());
        assertTrue(java.util.Arrays.stream(thrown.getStackTrace())
                        .anyMatch(e -> e.getClassName().equals(ThreadGuard.class.getName())),
                what + ": thrown by ThreadGuard");
    }
}
