package lab.overload.app.curve;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import lab.overload.app.chart.Ticks;
import lab.overload.app.viewmodel.LabViewModel;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.models.scenario.Scenario;

/**
 * The tipping-point tab: the {@link CurveChart} for the running scenario's settings with the live operating point on
 * it, and a toolbar row (Recompute, Auto, Clear ghosts, latency panel, status). With Auto on, a new curve is
 * computed about {@link #AUTO_DELAY_NANOS one second} after the last change of settings (a change of the swept load
 * itself never needs one); when it arrives, the previous curve becomes a ghost labelled by how its settings differ
 * from the preset ({@link CurveLabels}). Sweeps run in the background ({@link CurveSweeper}) and only while the view
 * is showing, unless asked for with Recompute. With functions or APIs in the scenario, a choice measures one of them
 * instead of all requests ({@link StageChoice}): its goodput against its load, and the live point at that stage.
 *
 * <p>Thread rule: FX thread only. {@link #onSnapshot} is cheap (called for every interval); {@link #pulse()} does the
 * work once per pulse.
 */
public final class TippingPointView extends BorderPane {
    /** Quiet time after the last change of settings before Auto recomputes. */
    public static final long AUTO_DELAY_NANOS = 1_000_000_000L;

    private final LabViewModel vm;
    private final OperatingPoint live = new OperatingPoint();
    private final CurveChart chart = new CurveChart(live);
    private final CurveHistory history = new CurveHistory();
    private final CurveSweeper sweeper;
    private final CheckBox auto = new CheckBox("Auto");
    private final StageChoice stageChoice = new StageChoice();
    private final Label status = new Label();
    private final Tooltip statusTip = new Tooltip();
    private Scenario seen;
    private List<Object> wantedKey;
    private List<Object> requestedKey;
    private long dueNanos;
    private boolean computing;
    private String failure = "";
    private boolean statusDirty = true;

    public TippingPointView(LabViewModel vm) {
        this.vm = vm;
        this.sweeper = new CurveSweeper(this::accept, this::failed);
        getStyleClass().add(CurveStyles.VIEW);
        Button recompute = new Button("Recompute");
        recompute.setOnAction(e -> recompute());
        recompute.setTooltip(new Tooltip("Sweep the load now for the current settings"));
        auto.setSelected(true);
        auto.selectedProperty().addListener((o, a, b) -> statusDirty = true);
        auto.setTooltip(new Tooltip("Recompute about a second after the settings change"));
        Button clear = new Button("Clear ghosts");
        clear.setOnAction(e -> clearGhosts());
        CheckBox latency = new CheckBox("p99 panel");
        latency.setSelected(chart.isShowLatency());
        latency.selectedProperty().addListener((o, a, b) -> chart.setShowLatency(b));
        status.getStyleClass().add(CurveStyles.STATUS);
        status.setMinWidth(0);
        status.setTooltip(statusTip);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        stageChoice.valueProperty().addListener((o, a, b) -> stageChanged());
        for (Control c : new Control[] {recompute, auto, clear, latency, stageChoice}) {
            c.setMinWidth(Region.USE_PREF_SIZE); // the status line gives way, not the controls
        }
        HBox bar = new HBox(10, recompute, auto, clear, latency, stageChoice, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(CurveStyles.TOOLBAR);
        setTop(bar);
        setCenter(chart);
    }

    /** A new interval of the live run (cheap: the chart redraws at the next pulse). */
    public void onSnapshot(IntervalSnapshot s) {
        live.add(s);
        chart.markDirty();
    }

    /**
     * The run restarted (reset, new preset, restart-required change) with {@code scenario}: the operating point
     * starts afresh, and the settings are checked again at the next pulse (they are read from the view model).
     */
    public void reset(Scenario scenario) {
        live.clear();
        chart.markDirty();
        seen = null;
    }

    /** Once per pulse: notice changed settings, start a sweep when due, redraw if dirty and showing. */
    public void pulse() {
        long nowNanos = System.nanoTime();
        Scenario s = vm.scenarioProperty().get();
        if (s != seen) {
            seen = s;
            stageChoice.update(s);
            List<Object> key = stageChoice.key(s);
            if (!key.equals(wantedKey)) {
                wantedKey = key;
                dueNanos = requestedKey == null ? nowNanos : nowNanos + AUTO_DELAY_NANOS;
                statusDirty = true;
            }
        }
        if (auto.isSelected() && !wantedKey.equals(requestedKey) && nowNanos - dueNanos >= 0 && isShowing()) {
            recompute();
        }
        chart.setPresetName(vm.loadedProperty().get().name());
        chart.setComputing(computing);
        if (statusDirty) {
            statusDirty = false;
            status.setText(statusText());
            statusTip.setText(status.getText());
        }
        if (isShowing()) {
            chart.redrawIfDirty();
        }
    }

    /** Sweeps the running scenario's settings now (the result replaces any sweep in progress). */
    public void recompute() {
        Scenario s = vm.scenarioProperty().get();
        stageChoice.update(s);
        requestedKey = stageChoice.key(s);
        wantedKey = requestedKey;
        seen = s;
        computing = true;
        failure = "";
        statusDirty = true;
        String stage = stageChoice.stage();
        sweeper.request(s, stage, CurveLabels.describe(vm.loadedProperty().get(), s)
                + (stage.isEmpty() ? "" : " at " + stage));
        chart.setComputing(true);
    }

    /** A new stage to measure: the live point starts afresh there, and a curve for it is due at once. */
    private void stageChanged() {
        live.setStage(stageChoice.stage());
        chart.markDirty();
        seen = null;
        requestedKey = null; // due now, not after the quiet time
    }

    /** Measures one function or API (its name), or all requests (empty); ignored when the scenario has no such stage. */
    public void setStage(String stage) {
        stageChoice.update(vm.scenarioProperty().get());
        stageChoice.choose(stage);
    }

    public void clearGhosts() {
        history.clearGhosts();
        chart.setGhosts(history.ghosts());
    }

    public void setAuto(boolean on) {
        auto.setSelected(on);
    }

    public boolean isAuto() {
        return auto.isSelected();
    }

    public boolean isComputing() {
        return computing;
    }

    public CurveChart chart() {
        return chart;
    }

    /** The curve for the newest computed settings, or null before the first. */
    public Curve current() {
        return history.current();
    }

    /** Earlier curves, newest first, at most {@link CurveHistory#MAX_GHOSTS}. */
    public List<Curve> ghosts() {
        return history.ghosts();
    }

    /** The status line under the title: what the curve says, or why there is none. */
    public String statusText() {
        if (computing) {
            return "Sweeping the load in the background\u2026";
        }
        if (!failure.isEmpty()) {
            return "Could not compute the curve: " + failure;
        }
        Curve c = history.current();
        if (c == null) {
            return "No curve yet";
        }
        String tipping = c.tippingText();
        String text = String.format(Locale.ROOT, "%s (goodput peak %s req/s), "
                + "capacity estimate %s req/s; %d loads swept in %.1f s",
                Character.toUpperCase(tipping.charAt(0)) + tipping.substring(1),
                Ticks.formatValue(c.peakGoodputPerSecond()),
                Ticks.formatValue(c.capacityPerSecond()), c.points().size(), c.computeMillis() / 1000.0);
        if (wantedKey == null || wantedKey.equals(requestedKey)) {
            return text;
        }
        return (auto.isSelected() ? "Settings changed: a new curve follows. "
                : "Settings changed since this curve: press Recompute. ") + text;
    }

    /** Stops background sweeps (when the window closes). */
    public void close() {
        sweeper.close();
    }

    private void accept(Curve curve) {
        computing = false;
        statusDirty = true;
        history.accept(curve);
        chart.setCurve(history.current());
        chart.setGhosts(history.ghosts());
        chart.setComputing(false);
    }

    private void failed(String message) {
        computing = false;
        failure = message;
        statusDirty = true;
        chart.setComputing(false);
    }

    /** Whether this view is in a showing window and visible all the way up (a hidden tab does not sweep). */
    private boolean isShowing() {
        if (getScene() == null || getScene().getWindow() == null || !getScene().getWindow().isShowing()) {
            return false;
        }
        for (Node n = this; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
