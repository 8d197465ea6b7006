package lab.overload.app.ui;

import static lab.overload.app.ui.Ui.await;
import static lab.overload.app.ui.Ui.fx;
import static lab.overload.app.ui.Ui.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import lab.overload.app.OverloadLabApp;
import lab.overload.app.queues.QueueControls;
import lab.overload.engine.metrics.LaneInterval;
import lab.overload.engine.run.ControlChange;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * The Queues tab's noisy-neighbour switch on shuffle-sharding with eight shuffle-sharded lanes: pressing it sets the
 * noisy tenant's rate multiplier through its parameter path (the one the preset's timeline uses later), the charts get
 * a marker, and some simulated seconds later the lanes of that tenant's hand hold a backlog while the other lanes stay
 * short; key N turns it off again.
 */
class NoisyNeighbourUiTest {
    private static final String PATH = "clients.apps.tenants.overrides.7.rateMultiplier";
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

    private List<ControlChange> log() {
        return h.lab.vm().runner().controlLog();
    }

    private LaneInterval lanes() {
        return fx(() -> h.lab.charts().queues.bars.lanes());
    }

    @Test
    void theSwitchMakesTheNoisyTenantsHandFillAndKeyNTurnsItOff() throws Exception {
        Scenario s = ParameterPaths.with(ParameterPaths.with(Ui.preset("shuffle-sharding.json"),
                "queues.events.mapping", "SHUFFLE_SHARD"), "queues.events.pollersPerLane", "1");
        stage = fx(Stage::new);
        h = fx(() -> Ui.Harness.show(stage, s));
        QueueControls controls = fx(() -> h.lab.view().chartsView().queuesView().controls());
        h.fastForwardTo(5);
        LaneInterval before = lanes();
        for (int i = 0; i < before.laneCount(); i++) {
            assertTrue(before.depth(i) < 20, "before: lane " + i + " holds " + before.depth(i));
        }
        assertEquals(-1, before.noisyTenant());
        assertEquals(QueueControls.OFF_TEXT, fx(() -> controls.noisyButton().getText()));

        fxRun(() -> controls.noisyButton().fire());
        await("the switch reached the engine", Ui.MIN_WAIT_MILLIS, () -> log().size() == 1, () -> "log " + log());
        assertEquals(PATH, log().get(0).path(), "the tenant the preset's timeline makes noisy");
        assertEquals("4000", log().get(0).value());
        h.fastForwardTo(15);
        assertTrue(fx(() -> h.lab.charts().queues.backlogChart.markerLabels()).contains(PATH + " = 4000"),
                "a marker on the Queues tab's charts: " + fx(() -> h.lab.charts().queues.backlogChart.markerLabels()));
        assertEquals(QueueControls.ON_TEXT, fx(() -> controls.noisyButton().getText()));
        LaneInterval after = lanes();
        assertEquals(7, after.noisyTenant());
        int[] hand = after.noisyHand();
        assertEquals(2, hand.length);
        for (int i = 0; i < after.laneCount(); i++) {
            if (after.inNoisyHand(i)) {
                assertTrue(after.depth(i) > 500, "hand lane " + i + " holds " + after.depth(i)
                        + ": 200 messages/s each against one 50/s poller for 10 s");
            } else {
                assertTrue(after.depth(i) < 50, "lane " + i + " (not in the hand) holds " + after.depth(i));
            }
        }

        fxRun(() -> OverloadLabApp.handleKey(h.lab, KeyCode.N));
        await("key N reached the engine", Ui.MIN_WAIT_MILLIS, () -> log().size() == 2, () -> "log " + log());
        assertEquals(PATH, log().get(1).path());
        assertEquals("1", log().get(1).value());
        h.fastForwardTo(16);
        assertEquals(QueueControls.OFF_TEXT, fx(() -> controls.noisyButton().getText()));
        assertEquals(-1, lanes().noisyTenant(), "no tenant's multiplier is above 1 any more");
    }
}
