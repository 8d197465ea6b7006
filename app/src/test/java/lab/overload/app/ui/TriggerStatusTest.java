package lab.overload.app.ui;

import static lab.overload.app.ui.Ui.await;
import static lab.overload.app.ui.Ui.fx;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The lesson panel says whether a spike that has ended left the system degraded (a metastable failure). */
@ExtendWith(ApplicationExtension.class)
class TriggerStatusTest {
    private Ui.Harness h;

    @BeforeAll
    static void isolate() {
        Ui.isolateUserPresets();
    }

    @Start
    void start(Stage stage) {
        h = Ui.Harness.show(stage, Ui.preset("metastable-retry-storm.json"));
    }

    @AfterEach
    void close() throws Exception {
        h.close();
        FxToolkit.cleanupStages();
    }

    @Test
    void aRetryStormIsReportedStillDegradedAndLifoRecovers() {
        h.fastForwardTo(60);
        await("the trigger verdict", 5_000, () -> fx(() -> h.lab.vm().triggerStatusProperty().get())
                .contains("STILL DEGRADED"), () -> fx(() -> h.lab.vm().triggerStatusProperty().get()));

        Ui.fxRun(() -> h.lab.vm().load(h.lab.vm().loadedProperty().get().withSeed(42)));
        Ui.fxRun(() -> h.lab.vm().requestChange("services.api.discipline", "LIFO"));
        await("LIFO applied", 5_000, () -> h.lab.vm().runner().controlLog().size() == 1,
                () -> "control log " + h.lab.vm().runner().controlLog());
        h.fastForwardTo(60);
        await("the trigger verdict with LIFO", 5_000, () -> fx(() -> h.lab.vm().triggerStatusProperty().get())
                .contains("recovered"), () -> fx(() -> h.lab.vm().triggerStatusProperty().get()));
        assertTrue(fx(() -> h.lab.vm().triggerStatusProperty().get()).startsWith("Trigger '"));
    }
}
