package lab.overload.app.operate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.engine.metrics.StageInterval;
import lab.overload.engine.operate.LogsInsights;
import lab.overload.engine.operate.OperateData;
import lab.overload.engine.operate.ReportLine;
import lab.overload.engine.operate.SecondMeans;
import lab.overload.engine.operate.Trace;
import lab.overload.models.scenario.Scenario;

/**
 * What the Operate tab shows, fed from the live frames: the latest sampled traces, the latest REPORT lines of the
 * run's functions, each apart, and each function's true concurrency per second (for the Logs Insights table); one
 * function is shown at a time ({@link #show}).
 * Bounded: {@link #MAX_TRACES} traces, {@link #MAX_LINES} lines, {@link #MAX_SECONDS} seconds. {@link #version()}
 * moves on with every change, so views redraw only when something arrived. FX thread only.
 */
public final class OperateModel {
    public static final int MAX_TRACES = 500;
    public static final int MAX_LINES = 20_000;
    public static final int MAX_SECONDS = 600;

    private final ArrayDeque<Trace> traces = new ArrayDeque<>();
    /** By function: its REPORT lines and its true concurrency per second (each bounded as below). */
    private final java.util.Map<String, ArrayDeque<ReportLine>> linesBy = new java.util.LinkedHashMap<>();
    private final java.util.Map<String, SecondMeans> concurrencyBy = new java.util.LinkedHashMap<>();
    private ArrayDeque<ReportLine> lines = new ArrayDeque<>();
    private SecondMeans trueConcurrency = new SecondMeans(MAX_SECONDS);
    private List<String> functions = List.of();
    private final ReadOnlyLongWrapper version = new ReadOnlyLongWrapper(this, "version");
    private String function;
    private double sampleRate;
    private java.util.function.Consumer<Boolean> view = force -> { };

    /** The view that shows this model: told once per pulse to refresh when due, or now ({@code true}). */
    public void attachView(java.util.function.Consumer<Boolean> refresh) {
        view = refresh;
    }

    /** Asks the view to refresh: now ({@code force}, for snapshots) or when its refresh is due. */
    public void refreshView(boolean force) {
        view.accept(force);
    }

    /**
     * A new run of {@code scenario}: clears everything; every function's lines are kept apart, and the shown one
     * stays the same when the scenario still has it (else the first).
     */
    public void reset(Scenario scenario) {
        traces.clear();
        linesBy.clear();
        concurrencyBy.clear();
        functions = scenario.functions().stream().map(f -> f.name()).toList();
        for (String f : functions) {
            linesBy.put(f, new ArrayDeque<>());
            concurrencyBy.put(f, new SecondMeans(MAX_SECONDS));
        }
        show(functions.contains(function) ? function : functions.isEmpty() ? null : functions.get(0));
    }

    /** The functions of the run, in the scenario's order. */
    public List<String> functions() {
        return functions;
    }

    /** Shows this function's lines and Logs Insights table (a name the run does not have shows none). */
    public void show(String name) {
        function = name != null && linesBy.containsKey(name) ? name : null;
        lines = function == null ? new ArrayDeque<>() : linesBy.get(function);
        trueConcurrency = function == null ? new SecondMeans(MAX_SECONDS) : concurrencyBy.get(function);
        version.set(version.get() + 1);
    }

    /** One interval's numbers: each function's time-weighted concurrency. */
    public void add(IntervalSnapshot s) {
        for (var e : concurrencyBy.entrySet()) {
            StageInterval st = s.byStage().get(e.getKey());
            if (st != null) {
                e.getValue().add(s.startMicros(), s.endMicros(), st.concurrencyMean());
            }
        }
    }

    /** One interval's traces and REPORT lines. */
    public void add(OperateData data) {
        sampleRate = data.sampleRate();
        if (data.traces().isEmpty() && data.reports().isEmpty()) {
            return;
        }
        for (Trace t : data.traces()) {
            traces.addLast(t);
            if (traces.size() > MAX_TRACES) {
                traces.removeFirst();
            }
        }
        for (ReportLine l : data.reports()) {
            ArrayDeque<ReportLine> held = linesBy.get(l.function());
            if (held != null) {
                held.addLast(l);
                if (held.size() > MAX_LINES) {
                    held.removeFirst();
                }
            }
        }
        version.set(version.get() + 1);
    }

    /** Moves on whenever traces or lines arrive or a run starts. */
    public ReadOnlyLongProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    public long version() {
        return version.get();
    }

    /** The traces held, oldest first. */
    public List<Trace> traces() {
        return List.copyOf(traces);
    }

    /** The REPORT lines held, oldest first. */
    public List<ReportLine> lines() {
        return List.copyOf(lines);
    }

    /** The function whose lines are shown (the first, until another is chosen), or null without functions. */
    public String function() {
        return function;
    }

    /** The sampling rate of the run, as its last frame said. */
    public double sampleRate() {
        return sampleRate;
    }

    /** The Logs Insights query over the lines held, with the true concurrency of each second beside it. */
    public List<LogsInsights.Row> insights() {
        return LogsInsights.query(lines(), trueConcurrency::mean);
    }

    /** The last {@code n} lines as text, one per line (what the export writes, all of them). */
    public String linesText(int n) {
        StringBuilder b = new StringBuilder();
        List<ReportLine> all = new ArrayList<>(lines);
        for (ReportLine l : all.subList(Math.max(0, all.size() - n), all.size())) {
            b.append(l.text()).append('\n');
        }
        return b.toString();
    }

    /** A one-line description of a trace for the list. */
    public static String describe(Trace t) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%.1f s  r%d  %s  %.0f ms", t.arrivalMicros()
                / 1e6, t.requestId(), t.outcome().toLowerCase(Locale.ROOT).replace('_', ' '), t.latencyMicros() / 1e3));
        if (t.attempts() > 1) {
            b.append("  ").append(t.attempts()).append(" attempts");
        }
        if (t.cold()) {
            b.append("  cold");
        }
        if (t.throttled()) {
            b.append("  throttled");
        }
        return b.toString();
    }
}
