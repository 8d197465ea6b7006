package lab.overload.app.curve;

import static lab.overload.app.curve.Fixtures.COLLAPSE;
import static lab.overload.app.curve.Fixtures.SHEDDING;
import static lab.overload.app.curve.Fixtures.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import lab.overload.app.OverloadLabApp;
import lab.overload.app.viewmodel.ChartModel;
import lab.overload.app.viewmodel.LabViewModel;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The tipping-point view on a headless (Monocle) stage, with a real view model (paused) and real background sweeps.
 * The test thread plays the app's AnimationTimer by calling {@code vm.pulse()} and {@code view.pulse()} on the FX
 * thread; it asserts numbers and state, never pixels or timings.
 */
@ExtendWith(ApplicationExtension.class)
class TippingPointViewTest {
    private static final long SWEEP_WAIT_MILLIS = 60_000;

    private LabViewModel vm;
    private TippingPointView view;

    @Start
    void start(Stage stage) {
        vm = new LabViewModel(COLLAPSE, new NoCharts());
        view = new TippingPointView(vm);
        Scene scene = new Scene(view, 1000, 640);
        for (String css : OverloadLabApp.STYLESHEETS) {
            var url = getClass().getResource(css);
            if (url != null) {
                scene.getStylesheets().add(url.toExternalForm());
            }
        }
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        fx(() -> {
            view.close();
            vm.close();
            return null;
        });
    }

    @Test
    void theCurveIsComputedWhenShownAndTheOperatingPointFollowsSnapshots() {
        assertTrue(fx(() -> {
            view.pulse();
            return view.isComputing() && view.chart().isComputing();
        }), "Auto starts a sweep at the first pulse of a showing view, with the overlay on");
        pumpUntil("the first curve arrives", () -> view.current() != null);
        Curve c = fx(view::current);
        assertEquals(CurveLabels.PRESET, c.label());
        assertTrue(c.tippingPointPerSecond() >= 200 && c.tippingPointPerSecond() <= 320, "tipping point "
                + c.tippingPointPerSecond());
        assertFalse(fx(() -> view.chart().isComputing()), "overlay off once the curve is in");
        assertTrue(fx(view::statusText).startsWith("Tipping point \u2248 "), fx(view::statusText));

        double[] dot = feed(0, 25, 24, 80); // 250 offered/s, 240 goodput/s
        assertEquals(250, dot[0], 1e-9);
        assertEquals(240, dot[1], 1e-9);
        assertTrue(dot[2] > 0, "the pulse redrew the chart");
        dot = feed(10, 40, 0, Double.NaN); // overload: 400 offered/s, nothing succeeds
        assertEquals(400, dot[0], 1e-9);
        assertEquals(0, dot[1], 1e-9);
        assertTrue(fx(() -> view.chart().lastRanges()[0]) >= 590, "x axis spans the sweep to 150% of capacity");

        fx(() -> {
            view.reset(COLLAPSE);
            return null;
        });
        assertTrue(fx(() -> view.chart().operatingPoint().isEmpty()), "a restart clears the dot");
    }

    /**
     * With functions in the scenario, the curve can measure one of them: the choice offers its functions and APIs,
     * and choosing one sweeps the client that calls it and labels the curve with the stage.
     */
    @Test
    void aCurveMeasuredAtOneFunction() {
        fx(() -> {
            vm.load(StageCurveTest.TWO_FUNCTIONS);
            view.setStage("checkout");
            return null;
        });
        pumpUntil("a curve at checkout", () -> view.current() != null
                && view.current().label().endsWith(" at checkout"));
        Curve c = fx(view::current);
        assertEquals("clients.shop.ratePerSecond", c.sweptPath());
        assertTrue(c.peakGoodputPerSecond() < 100, "checkout's reservation caps its goodput: "
                + c.peakGoodputPerSecond());
        fx(() -> {
            view.setStage("");
            return null;
        });
        pumpUntil("a curve of all requests", () -> !view.current().label().endsWith(" at checkout"));
        assertEquals("clients.find.ratePerSecond", fx(view::current).sweptPath());
    }

    @Test
    void newSettingsGiveANewCurveAndTheOldOneBecomesALabelledGhost() {
        pumpUntil("the preset's curve arrives", () -> view.current() != null && !view.isComputing());
        fx(() -> {
            vm.requestChange("services.api.workersPerHost", "8");
            vm.requestChange("services.api.queueCapacity", "16");
            return null;
        });
        String label = "workersPerHost 8, queueCapacity 16";
        pumpUntil("a curve for the changed settings", () -> view.current().label().equals(label));
        List<Curve> ghosts = fx(view::ghosts);
        assertEquals(List.of(CurveLabels.PRESET), ghosts.stream().map(Curve::label).toList());
        assertTrue(fx(view::current).peakGoodputPerSecond() > 1.2 * ghosts.get(0).peakGoodputPerSecond(),
                "bounding workers and queue lifts the peak");
        assertEquals(ghosts, fx(() -> view.chart().ghosts()));

        fx(() -> {
            vm.load(SHEDDING);
            return null;
        });
        pumpUntil("the Load shedding curve", () -> view.current().scenario().name().equals(SHEDDING.name()));
        assertEquals(List.of("Goodput collapse: " + label, "Goodput collapse"), fx(() -> view.ghosts().stream()
                .map(g -> g.displayLabel(vm.loadedProperty().get().name())).toList()),
                "curves of the previous preset carry its name");

        drawEveryWay();
        fx(() -> {
            view.clearGhosts();
            return null;
        });
        assertTrue(fx(view::ghosts).isEmpty());
        assertTrue(fx(() -> view.chart().ghosts()).isEmpty());
    }

    @Test
    void theChartTakesItsColoursFromTheStylesheet() {
        assertEquals(Color.web("#009E73"), fx(() -> view.chart().palette().stroke(CurveStyles.GOODPUT)));
        assertEquals(Color.web("#0072B2"), fx(() -> view.chart().palette().stroke(CurveStyles.THROUGHPUT)));
        for (int i = 0; i < CurveHistory.MAX_GHOSTS; i++) {
            String ghost = CurveStyles.ghost(i);
            assertTrue(fx(() -> view.chart().palette().dashes(ghost).length) > 0, ghost + " is dashed");
            assertTrue(fx(() -> ((Color) view.chart().palette().stroke(ghost)).getOpacity()) < 1, ghost + " is faded");
        }
    }

    /** Draws with ghosts, hover read-out, without the latency panel and at a tiny size: nothing may throw. */
    private void drawEveryWay() {
        fx(() -> {
            CurveChart chart = view.chart();
            for (int i = 0; i < 10; i++) {
                view.onSnapshot(snapshot(i, 30, 29, 30, 90));
            }
            double x = chart.getWidth() / 2;
            double y = chart.getHeight() / 2;
            Event.fireEvent(chart, new MouseEvent(MouseEvent.MOUSE_MOVED, x, y, x, y, MouseButton.NONE, 0, false,
                    false, false, false, false, false, false, false, false, false, null));
            chart.redraw();
            chart.setShowLatency(false);
            chart.redraw();
            chart.setComputing(true);
            chart.redraw();
            chart.resize(90, 50);
            chart.redraw();
            return null;
        });
    }

    /** Feeds ten 100 ms intervals, pulses once; returns the dot (offered, goodput) and the draw count. */
    private double[] feed(int firstIndex, long offered, long succeeded, double p99) {
        return fx(() -> {
            long before = view.chart().drawCount();
            for (int i = firstIndex; i < firstIndex + 10; i++) {
                IntervalSnapshot s = snapshot(i, offered, succeeded, offered, p99);
                view.onSnapshot(s);
            }
            view.pulse();
            OperatingPoint p = view.chart().operatingPoint();
            return new double[] {p.offeredPerSecond(), p.goodputPerSecond(), view.chart().drawCount() - before};
        });
    }

    /** Pulses the view model and the view on the FX thread, as the app's timer does, until the condition holds. */
    private void pumpUntil(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SWEEP_WAIT_MILLIS);
        while (System.nanoTime() < deadline) {
            if (fx(() -> {
                vm.pulse();
                view.pulse();
                return condition.getAsBoolean();
            })) {
                return;
            }
            WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
        }
        fail("waited " + SWEEP_WAIT_MILLIS / 1000 + " s for: " + what + "; status: " + fx(view::statusText));
    }

    private static <T> T fx(Callable<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        try {
            return f.get(90, TimeUnit.SECONDS); // a hang guard, not a speed claim
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new AssertionError("the FX thread did not answer", e);
        }
    }

    /** The view model's chart feed, unused here. */
    private static final class NoCharts implements ChartModel {
        @Override
        public void reset(Scenario scenario) {
        }

        @Override
        public void add(IntervalSnapshot snapshot) {
        }

        @Override
        public void addUserMarker(double tSeconds, String label) {
        }

        @Override
        public void markDirty() {
        }

        @Override
        public lab.overload.app.viewmodel.ChartOptions options() {
            return options;
        }

        private final lab.overload.app.viewmodel.ChartOptions options = new lab.overload.app.viewmodel.ChartOptions();
    }
}
