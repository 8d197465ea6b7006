package lab.overload.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import lab.overload.app.chart.LiveChart;
import lab.overload.app.chart.TimeSeries;
import lab.overload.app.viewmodel.PresetCatalog;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.engine.run.BatchRunner;
import lab.overload.engine.run.ControlChange;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The dashboard fed with real runs (batch, fixed seeds, no wall clock): the shedding spike of a queue cut does not
 * take over the outcomes chart, the latency chart says why it has no successes, a tab without data says why, every
 * chart tells its series apart by colour, and the timeline's spikes are marked where they end.
 */
@ExtendWith(ApplicationExtension.class)
class ChartsReadabilityTest {
    private static final Scenario COLLAPSE = PresetCatalog.bundled("goodput-collapse.json");
    private final DashboardCharts charts = new DashboardCharts();
    private final StackPane holder = new StackPane();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(holder, 800, 320));
        stage.show();
    }

    /**
     * The scenario: goodput-collapse run into its collapse (a queue of tens of thousands), then
     * {@code services.api.queueCapacity} cut from 100000 to 16 at 60 s. The backlog is shed in one 100 ms interval;
     * the outcomes chart must keep the scale of everything else and mark the spike with its value.
     */
    @Test
    void cuttingTheQueueTo16DoesNotRescaleTheOutcomesChart() {
        List<IntervalSnapshot> run = BatchRunner.run(COLLAPSE,
                List.of(new ControlChange(60_000_000L, "services.api.queueCapacity", "16")), true).intervals();
        LiveChart outcomes = charts.outcomesChart;
        double[] result = onFx(() -> {
            holder.getChildren().setAll(outcomes);
            charts.reset(COLLAPSE);
            charts.addUserMarker(60, "services.api.queueCapacity = 16");
            for (IntervalSnapshot s : run) {
                charts.add(s);
            }
            holder.layout();
            outcomes.redraw();
            double spike = 0;
            TimeSeries shed = charts.shed;
            for (int k = 0; k < shed.size(); k++) {
                spike = Math.max(spike, shed.v(k));
            }
            double top = outcomes.visibleRange().yMax();
            int points = 0;
            int above = 0;
            for (TimeSeries s : outcomes.series()) {
                for (int k = 0; k < s.size(); k++) {
                    if (s.t(k) >= outcomes.visibleRange().t0() && !Double.isNaN(s.v(k))) {
                        points++;
                        above += s.v(k) > top ? 1 : 0;
                    }
                }
            }
            double clipped = outcomes.clippedPeaks().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            return new double[] {spike, top, points, above, clipped};
        });
        double spike = result[0];
        double top = result[1];
        assertTrue(spike > 100_000, "the cut sheds the backlog in one interval: " + spike + " per s");
        assertTrue(top < spike / 50, "the spike does not set the scale: top " + top + ", spike " + spike);
        assertTrue(result[3] >= 1 && result[3] <= 0.01 * result[2], "the scale leaves out the spike and at most 1% of"
                + " the points: " + result[3] + " of " + result[2] + " above " + top);
        assertEquals(spike, result[4], 1e-6, "the clipped spike is marked with its value");
    }

    /**
     * Goodput-collapse at 90 s: no request has succeeded since the collapse (about 35 s), so the successes' p50 and
     * p99 are gaps; the chart says so and still draws the attempts' latency at the server.
     */
    @Test
    void latencyOfSuccessesSaysWhyItIsEmptyAndShowsTheAttempts() {
        List<IntervalSnapshot> run = BatchRunner.run(COLLAPSE, List.of(), true).intervals();
        LiveChart latency = charts.latencyChart;
        String[] drawn = onFx(() -> {
            holder.getChildren().setAll(latency);
            charts.reset(COLLAPSE);
            for (IntervalSnapshot s : run) {
                charts.add(s);
            }
            holder.layout();
            latency.redraw();
            return new String[] {latency.sentenceDrawn(), Double.toString(charts.attemptLatency.lastValue()),
                Double.toString(charts.p99.lastValue())};
        });
        int lastSuccess = -1;
        for (IntervalSnapshot s : run) {
            lastSuccess = s.succeeded() > 0 ? s.index() : lastSuccess;
        }
        double quietSeconds = (run.size() - 1 - lastSuccess) * 0.1;
        assertTrue(quietSeconds > 20, "the collapse leaves no successes for a while: " + quietSeconds + " s");
        assertTrue(Double.isNaN(Double.parseDouble(drawn[2])), "p99 of successes is a gap");
        assertTrue(drawn[0].startsWith(String.format(java.util.Locale.ROOT, "no successes in the last %.0f s",
                Math.floor(quietSeconds + 1e-9))), "the chart says why: '" + drawn[0] + "'");
        assertTrue(Double.parseDouble(drawn[1]) > 1000, "the server still answers attempts, after the 1 s timeout (ms): " + drawn[1]);
    }

    /** Goodput-collapse has no policies: the policy charts say so instead of empty 0..1 axes; retry-budgets has. */
    @Test
    void aPolicyTabWithNothingToShowSaysWhy() {
        List<IntervalSnapshot> collapse = BatchRunner.run(COLLAPSE.withDuration(5, 0), List.of(), true).intervals();
        Scenario budgets = PresetCatalog.bundled("retry-budgets.json");
        List<IntervalSnapshot> withPolicies = BatchRunner.run(budgets.withDuration(5, 0), List.of(), true).intervals();
        LiveChart state = charts.policyStateChart;
        Object[] before = onFx(() -> {
            holder.getChildren().setAll(state);
            charts.reset(COLLAPSE);
            holder.layout();
            state.redraw();
            String unplayed = state.sentenceDrawn();
            for (IntervalSnapshot s : collapse) {
                charts.add(s);
            }
            state.redraw();
            return new Object[] {unplayed, state.sentenceDrawn(), state.hasPlotArea()};
        });
        assertEquals(DashboardCharts.POLICIES_NOT_YET, before[0], "before the first interval");
        assertEquals(DashboardCharts.NO_POLICIES, before[1], "a run without policies");
        assertFalse((Boolean) before[2], "no empty axes");
        Object[] after = onFx(() -> {
            charts.reset(budgets);
            for (IntervalSnapshot s : withPolicies) {
                charts.add(s);
            }
            state.redraw();
            return new Object[] {state.sentenceDrawn(), state.hasPlotArea(), state.series().size()};
        });
        assertEquals("", after[0]);
        assertTrue((Boolean) after[1], "a plot for the retry tokens");
        assertTrue((Integer) after[2] > 0);
    }

    /** Within every chart each series has its own colour from CSS (none falls back to the default black). */
    @Test
    void seriesInOneChartAreToldApartByColour() {
        List<String> problems = onFx(() -> {
            List<String> out = new java.util.ArrayList<>();
            LiveChart policies = new LiveChart("policies", "");
            for (int i = 0; i < lab.overload.app.chart.ChartStyles.POLICY_HUES; i++) {
                policies.addSeries(new TimeSeries("p" + i, "p" + i,
                        lab.overload.app.chart.ChartStyles.SERIES_POLICY_PREFIX + i));
            }
            List<LiveChart> all = new java.util.ArrayList<>(charts.charts());
            all.add(policies);
            for (LiveChart c : all) {
                holder.getChildren().setAll(c);
                holder.applyCss();
                Set<Color> seen = new HashSet<>();
                for (TimeSeries s : c.series()) {
                    Color stroke = (Color) c.palette().stroke(s.styleClass());
                    if (stroke.equals(Color.BLACK) || !seen.add(stroke)) {
                        out.add(c.getTitle() + ": " + s.name() + " (" + s.styleClass() + ") is " + stroke);
                    }
                }
            }
            return out;
        });
        assertEquals(List.of(), problems);
    }

    /**
     * The metastable preset's 5 s spike is marked where it starts and where it ends; a slider drag of 20 changes in
     * 2 s is one marker with the final value.
     */
    @Test
    void heldSpikesEndAndSliderDragsAreOneMarker() {
        Scenario storm = PresetCatalog.bundled("metastable-retry-storm.json");
        var spike = storm.timeline().stream().filter(t -> t.holdSeconds() > 0).findFirst().orElseThrow();
        LiveChart goodput = charts.goodputChart;
        Object[] markers = onFx(() -> {
            charts.reset(storm);
            for (int k = 0; k < 20; k++) {
                charts.addUserMarker(50 + k * 0.1, "clients.web.ratePerSecond = " + (100 + k));
            }
            return new Object[] {goodput.markerTimes(), goodput.markerLabels()};
        });
        @SuppressWarnings("unchecked")
        List<Double> times = (List<Double>) markers[0];
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) markers[1];
        double end = spike.atSeconds() + spike.rampSeconds() + spike.holdSeconds();
        int endIndex = times.indexOf(end);
        assertTrue(endIndex >= 0, "a marker where the spike ends, at " + end + " s: " + times);
        assertTrue(labels.get(endIndex).startsWith("ends: "), labels.get(endIndex));
        assertEquals(1, labels.stream().filter(l -> l.startsWith("clients.web.ratePerSecond")).count(),
                "one marker for the drag: " + labels);
        assertTrue(labels.contains("clients.web.ratePerSecond = 119"), "showing its final value: " + labels);
        assertNotEquals(-1, times.indexOf(50.0), "placed where the drag started: " + times);
    }

    private static <T> T onFx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
