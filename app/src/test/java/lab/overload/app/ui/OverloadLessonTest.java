package lab.overload.app.ui;

import static lab.overload.app.ui.Ui.await;
import static lab.overload.app.ui.Ui.fx;
import static lab.overload.app.ui.Ui.fxRun;
import static lab.overload.app.ui.Ui.mean;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import javafx.event.ActionEvent;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import lab.overload.app.view.DashboardCharts;
import lab.overload.engine.run.ControlChange;
import lab.overload.engine.run.LiveRunner;
import lab.overload.models.scenario.FieldDef;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The first lesson as a user plays it: push the goodput-collapse service past capacity with the rate slider, watch
 * goodput fall away from throughput while the queue grows, then turn load shedding on with the controls (8 workers,
 * queue of 16, as the lesson's "try this" says) and watch goodput come back. Sim time is fast-forwarded with
 * {@link LiveRunner#runTo} (deterministic: same seed, same numbers); assertions are on the chart series.
 */
@ExtendWith(ApplicationExtension.class)
class OverloadLessonTest {
    private static final String RATE = "clients.web.ratePerSecond";
    private static final String WORKERS = "services.api.workersPerHost";
    private static final String QUEUE = "services.api.queueCapacity";
    /** The rate the test drags the slider to: well past the service's capacity. */
    private static final double OVERLOAD = 600;

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

    @Test
    void overloadCollapsesGoodputAndLoadSheddingBringsItBack() {
        LiveRunner runner = h.lab.vm().runner();
        DashboardCharts charts = h.lab.charts();
        Scenario preset = fx(() -> h.lab.vm().loadedProperty().get());
        double presetRate = ParameterPaths.get(preset, RATE);
        // Nominal capacity: cores / service time (8 / 20 ms = 400/s); contention between many workers lowers it.
        double capacity = ParameterPaths.get(preset, "services.api.coresPerHost")
                / (ParameterPaths.get(preset, "services.api.serviceTimeMillis") / 1000);
        assertTrue(presetRate < capacity && OVERLOAD > 1.4 * capacity,
                "fixture: the preset starts below capacity (" + presetRate + " < " + capacity + "/s) and the test's "
                        + OVERLOAD + "/s is well past it");
        assertTrue(preset.timeline().stream().allMatch(t -> t.atSeconds() >= 15),
                "fixture: the preset's timeline does not act before 15 s: " + preset.timeline());

        // Healthy first, at the preset's rate, below capacity.
        h.fastForwardTo(5);
        double healthyOffered = mean(charts.offered, 2, 5);
        double healthyGoodput = mean(charts.goodput, 2, 5);
        double healthyQueue = mean(charts.queue, 2, 5);
        String healthy = String.format(Locale.ROOT, "healthy (2-5 s): offered %.0f/s, goodput %.0f/s, queue %.1f",
                healthyOffered, healthyGoodput, healthyQueue);
        assertTrue(healthyGoodput >= 0.85 * healthyOffered,
                "below capacity nearly every request is answered in time (goodput >= 85% of offered; 3 s of"
                        + " Poisson arrivals vary by a few %); " + healthy);

        // Drag the rate past capacity: set the slider's position for 600/s on the FX thread (the control's UI path:
        // slider value -> ParameterControl -> LabViewModel.requestChange -> pulse -> LiveRunner.change).
        Slider rate = fx(() -> h.lab.view().sliderOf(RATE));
        assertNotNull(rate, "MainView.sliderOf(" + RATE + ") should find the rate slider");
        fxRun(() -> rate.setValue(logPosition(rate, presetRate, OVERLOAD)));
        await("the engine runs with " + RATE + " = " + OVERLOAD, 5_000,
                () -> Math.abs(engineValue(RATE) - OVERLOAD) < 1e-9,
                () -> RATE + " = " + engineValue(RATE) + ", control log " + runner.controlLog()
                        + ", error '" + fx(() -> h.lab.vm().errorProperty().get()) + "'");
        List<ControlChange> log = runner.controlLog();
        assertTrue(log.stream().anyMatch(c -> c.path().equals(RATE) && Double.parseDouble(c.value()) == OVERLOAD),
                "the control log should record the slider change " + RATE + " = " + OVERLOAD + ", was " + log);
        assertEquals(5_000_001L, log.get(log.size() - 1).atMicros(),
                "a change made while paused at 5 s takes effect 1 us later, after everything at 5 s and before"
                        + " anything after it (where a timeline change would): " + log);
        TextField rateField = Ui.fieldOf(h.lab.view(), RATE);
        await("the typed field beside the slider shows the engine's new value", 2_000,
                () -> fx(rateField::getText).equals(FieldDef.format(OVERLOAD)),
                () -> "field shows '" + fx(rateField::getText) + "'");

        // 10 sim seconds past capacity: the queue fills, waits pass the 1 s timeout, clients leave and retry; the
        // server stays busy (throughput) with work nobody waits for (goodput falls).
        h.fastForwardTo(15);
        double overThroughput = mean(charts.throughput, 12, 15);
        double overGoodput = mean(charts.goodput, 12, 15);
        double overQueue = mean(charts.queue, 12, 15);
        String overload = healthy + String.format(Locale.ROOT,
                "; overloaded (12-15 s): throughput %.0f/s, goodput %.0f/s, queue %.0f", overThroughput, overGoodput,
                overQueue);
        assertTrue(overGoodput < 0.7 * overThroughput,
                "past capacity goodput should fall well below throughput (less than 70% of it: most completed work"
                        + " is for clients that already timed out); " + overload);
        assertTrue(overQueue > 100 && overQueue > 20 * Math.max(1, healthyQueue),
                "the queue series should rise far above its healthy level (>100 and >20x); " + overload);

        // Load shedding through the typed fields (the queue slider's log scale, centred on 100000, cannot reach 16,
        // so type it, as a user would): 8 workers (one per core), accept queue of 16.
        type(WORKERS, "8");
        type(QUEUE, "16");
        await("the engine runs with 8 workers and a queue of 16", 5_000,
                () -> engineValue(WORKERS) == 8 && engineValue(QUEUE) == 16,
                () -> WORKERS + " = " + engineValue(WORKERS) + ", " + QUEUE + " = " + engineValue(QUEUE)
                        + ", error '" + fx(() -> h.lab.vm().errorProperty().get()) + "'");
        assertTrue(runner.controlLog().stream().anyMatch(c -> c.path().equals(WORKERS) && c.atMicros() == 15_000_001)
                        && runner.controlLog().stream().anyMatch(c -> c.path().equals(QUEUE)
                        && c.atMicros() == 15_000_001),
                "the control log records both changes at 15 s (+ 1 us): " + runner.controlLog());

        // Lowering the queue capacity rejects new arrivals but does not drop what is already queued: the thousands
        // of stale attempts queued before the change are still served (expiredWork = PROCESS), so goodput stays
        // near 0 until that backlog has drained. Fast-forward until it has (queue back within its capacity).
        double drainedAt = Double.NaN;
        for (double t = 20; t <= 100; t += 5) {
            h.fastForwardTo(t);
            if (mean(charts.queue, t - 1, t) <= 16) {
                drainedAt = t;
                break;
            }
        }
        String drain = overload + "; backlog drained by " + drainedAt + " s (changed at 15 s)";
        assertFalse(Double.isNaN(drainedAt), "with new arrivals shed, the backlog must drain within 85 s; " + drain
                + ", queue at 100 s " + mean(charts.queue, 99, 100));

        // Then, still at or past capacity (the preset's ramp follows), what the server completes is what clients
        // receive.
        double end = drainedAt + 5;
        h.fastForwardTo(end);
        double shedOffered = mean(charts.offered, end - 3, end);
        double shedThroughput = mean(charts.throughput, end - 3, end);
        double shedGoodput = mean(charts.goodput, end - 3, end);
        double shedQueue = mean(charts.queue, end - 3, end);
        String shed = drain + String.format(Locale.ROOT,
                "; shedding (%.0f-%.0f s): offered %.0f/s, throughput %.0f/s, goodput %.0f/s, queue %.1f", end - 3,
                end, shedOffered, shedThroughput, shedGoodput, shedQueue);
        assertTrue(shedGoodput > 250,
                "with 8 workers and a queue of 16 goodput should return near capacity (>250/s); " + shed);
        assertTrue(shedGoodput >= 0.9 * shedThroughput,
                "with shedding, nearly every completed request is still wanted (goodput >= 90% of throughput; the"
                        + " rest are the few that time out); " + shed);
        assertTrue(shedQueue <= 16, "the queue is bounded by its capacity of 16; " + shed);
        assertTrue(shedGoodput > 2 * overGoodput, "goodput should recover from the collapse (more than double); "
                + shed);
    }

    private double engineValue(String path) {
        return ParameterPaths.get(h.lab.vm().runner().status().scenario(), path);
    }

    /** Types a value into a parameter's field and presses Enter (fires the field's action), on the FX thread. */
    private void type(String path, String text) {
        TextField field = Ui.fieldOf(h.lab.view(), path);
        fxRun(() -> {
            field.requestFocus();
            field.setText(text);
            field.fireEvent(new ActionEvent());
        });
    }

    /**
     * The slider position of a value on the rate slider (FX thread). ParameterControl maps position p in 0..1 to
     * lo * (hi/lo)^p, with lo = preset/100 and hi = preset*100 (clamped to the field's range); the check on the current
     * position (the preset value sits in the middle) guards that assumption.
     */
    private static double logPosition(Slider slider, double preset, double value) {
        double lo = Math.max(1, preset / 100);
        double hi = Math.min(100_000, preset * 100);
        assertEquals(0, slider.getMin(), 0.0, "rate slider runs from 0");
        assertEquals(1, slider.getMax(), 0.0, "rate slider runs to 1");
        assertEquals(Math.log(preset / lo) / Math.log(hi / lo), slider.getValue(), 1e-9,
                "the rate slider shows the preset's " + preset + "/s on its log scale " + lo + ".." + hi
                        + " (the mapping this test assumes)");
        return Math.log(value / lo) / Math.log(hi / lo);
    }
}
