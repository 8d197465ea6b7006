package lab.overload.app.viewmodel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import lab.overload.engine.run.AbSide;
import lab.overload.engine.run.ControlChange;
import lab.overload.engine.run.LiveFrame;
import lab.overload.engine.run.LiveRunner;
import lab.overload.engine.run.LiveStatus;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Scenario;

/**
 * The lab's state as the window sees it: it owns the {@link LiveRunner}, turns user intent into runner commands,
 * and once per pulse drains new interval frames into the chart model and refreshes its read-only properties.
 * Slider changes are coalesced: at most one change per path per pulse reaches the engine (latest wins).
 *
 * <p>Thread rule: FX thread only. The engine runs on the runner's thread; only commands and frames cross.
 */
public final class LabViewModel implements AutoCloseable {
    /** Speed steps for the + and - keys. */
    public static final double[] SPEED_STEPS = {0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100};

    private final ReadOnlyDoubleWrapper simSeconds = new ReadOnlyDoubleWrapper(this, "simSeconds");
    private final ReadOnlyDoubleWrapper speed = new ReadOnlyDoubleWrapper(this, "speed", 1);
    private final ReadOnlyDoubleWrapper achievedSpeed = new ReadOnlyDoubleWrapper(this, "achievedSpeed");
    private final ReadOnlyDoubleWrapper eventsPerSecond = new ReadOnlyDoubleWrapper(this, "eventsPerSecond");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper behind = new ReadOnlyBooleanWrapper(this, "behind");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper confirmation = new ReadOnlyStringWrapper(this, "confirmation", "");
    private final ReadOnlyStringWrapper formulaValues = new ReadOnlyStringWrapper(this, "formulaValues", "");
    private final ReadOnlyStringWrapper triggerStatus = new ReadOnlyStringWrapper(this, "triggerStatus", "");
    private final RecordReplay recordReplay = new RecordReplay();
    /** The run's snapshots for the metastability check (bounded: the first 20 minutes of sim time). */
    private final java.util.List<lab.overload.engine.metrics.IntervalSnapshot> history = new java.util.ArrayList<>();
    private static final int HISTORY_LIMIT = 12_000;
    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>(this, "scenario");
    private final ReadOnlyObjectWrapper<Scenario> loaded = new ReadOnlyObjectWrapper<>(this, "loaded");
    private final ReadOnlyIntegerWrapper generation = new ReadOnlyIntegerWrapper(this, "generation");
    private final ChartModel charts;
    private final RollingWindow window = new RollingWindow(10);
    /** Changes waiting for the next pulse, by side and path (latest value wins). */
    private final Map<String, PendingChange> pending = new LinkedHashMap<>();
    private final AbState ab = new AbState();
    private LiveRunner runner;
    /** The scenario the current run started from at t = 0 (its control log holds the changes made since). */
    private Scenario runStart;
    private long nextSequence;
    private long nextSequenceB;
    private int frameGeneration = -1;
    /** Frames of older runs still in the ring after a reset or load are skipped. */
    private int minGeneration;
    private static final long TEXT_REFRESH_NANOS = 250_000_000L;
    private long lastTextNanos;
    private boolean framesSinceText;

    public LabViewModel(Scenario initial, ChartModel charts) {
        this.charts = charts;
        this.runner = new LiveRunner(initial, 8192);
        this.runStart = initial;
        loaded.set(initial);
        scenario.set(initial);
        charts.reset(initial);
        runner.start();
    }

    public ChartModel charts() {
        return charts;
    }

    /** The A/B split: whether it is on, which side the controls change, side B's scenario. */
    public AbState ab() {
        return ab;
    }

    /**
     * Turns the A/B split on (side B starts as a copy of the run at its current sim time and runs beside it on the
     * same seed; the controls then change side B until another side is chosen) or off (side B and its series go).
     */
    public void setAbSplit(boolean on) {
        if (on == ab.onProperty().get()) {
            return;
        }
        sendPending(); // changes asked for before the split belong to side A, and so to B's copy
        runner.split(on);
        charts.setAb(on);
        ab.turned(on);
    }

    /**
     * Once per pulse: send coalesced changes, drain new frames, refresh properties. Returns whether this pulse was
     * one of the four a second on which the read-only texts (sim time, formula values) are refreshed when they
     * changed, so the caller can keep the other renderer-heavy work, a chart redraw, out of the same frame.
     */
    public boolean pulse() {
        sendPending();
        List<LiveFrame> frames = runner.ring().since(nextSequence);
        for (LiveFrame f : frames) {
            nextSequence = f.sequence() + 1;
            if (f.generation() < minGeneration) {
                continue;
            }
            if (f.generation() != frameGeneration) {
                frameGeneration = f.generation();
                history.clear();
                window.clear();
                charts.reset(runner.status().scenario());
            }
            charts.add(f.snapshot());
            charts.addOperate(f.operate());
            if (history.size() < HISTORY_LIMIT) {
                history.add(f.snapshot());
            }
            for (ControlChange c : f.changes()) {
                charts.addUserMarker(c.atMicros() / 1e6, ab.markerPrefix(c.path()) + c.path() + " = " + c.value());
            }
            window.add(f.snapshot());
        }
        boolean framesB = ab.onProperty().get() && drainB();
        if (!frames.isEmpty() || framesB) {
            charts.markDirty();
            framesSinceText = true;
        }
        long wall = System.nanoTime();
        boolean textDue = wall - lastTextNanos >= TEXT_REFRESH_NANOS;
        if (framesSinceText && textDue) {
            framesSinceText = false;
            formulaValues.set(LessonFormulas.describe(scenario.get(), window));
            triggerStatus.set(describeTriggers());
        }
        LiveStatus st = runner.status();
        if (st.generation() != generation.get()) {
            generation.set(st.generation());
            if (frames.isEmpty()) {
                window.clear();
                charts.reset(st.scenario());
                formulaValues.set(LessonFormulas.describe(st.scenario(), window));
            }
        }
        if (st.generation() >= minGeneration) {
            // until the runner has started the run just loaded or reset, its status still holds the old scenario
            scenario.set(st.scenario());
        }
        if (textDue) {
            // Text changes repaint their nodes; four times a second is enough to read and spares the renderer.
            lastTextNanos = wall;
        }
        if (textDue || !st.running()) {
            simSeconds.set(st.simMicros() / 1e6);
        }
        running.set(st.running());
        speed.set(st.speed());
        achievedSpeed.set(st.achievedSpeed());
        eventsPerSecond.set(st.eventsPerSecond());
        behind.set(st.behindRealTime());
        notice.set(st.message());
        recordReplay.update(st, runner.controlLog().size());
        if (ab.onProperty().get()) {
            ab.update(runner.scenarioB());
        }
        return textDue;
    }

    /**
     * Feeds side B's frames to the charts, up to side A's newest run (B publishes each interval just after A, so a
     * B frame of a newer run than A's shown one waits for the next pulse). Returns whether any arrived.
     */
    private boolean drainB() {
        boolean any = false;
        for (LiveFrame f : runner.ringB().since(nextSequenceB)) {
            if (f.generation() > frameGeneration) {
                break;
            }
            nextSequenceB = f.sequence() + 1;
            if (f.generation() < frameGeneration || f.generation() < minGeneration) {
                continue;
            }
            charts.addB(f.snapshot());
            for (ControlChange c : f.changes()) {
                if (ab.sideOf(c.path()) == AbSide.B) { // a change made on both sides is marked once, from side A
                    charts.addUserMarker(c.atMicros() / 1e6, "B: " + c.path() + " = " + c.value());
                }
            }
            any = true;
        }
        return any;
    }

    /** Traces this share of the requests from now on (in [0, 1]); not a change of the scenario. */
    public void sampleTraces(double rate) {
        try {
            runner.sampleTraces(rate);
        } catch (IllegalArgumentException e) {
            reportError(e.getMessage());
        }
    }

    /** The share of requests the run traces. */
    public double traceRate() {
        return runner.traceRate();
    }

    public void play() {
        runner.play();
        running.set(true);
    }

    public void pause() {
        runner.pause();
        running.set(false);
    }

    public void togglePlay() {
        if (running.get()) {
            pause();
        } else {
            play();
        }
    }

    public void step() {
        runner.step();
        running.set(false);
    }

    /** Record, replay and scrub state: scrub position, whether Save keeps a recording, what it keeps. */
    public RecordReplay recordReplay() {
        return recordReplay;
    }

    /**
     * Scrubs to a sim time (clamped at 0), paused: back by a deterministic re-run from t = 0 with the run's start
     * scenario and control log, forward by running on; the charts are refilled from the re-run.
     */
    public void seek(double seconds) {
        sendPending(); // changes asked for before the scrub take effect before it
        runner.seek(Math.round(Math.max(0, seconds) * 1e6));
        running.set(false);
    }

    /** Scrubs {@link RecordReplay#NUDGE_SECONDS} of sim time back (-1) or forward (+1) from where the run is. */
    public void nudgeTime(int direction) {
        seek(runner.status().simMicros() / 1e6 + direction * RecordReplay.NUDGE_SECONDS);
    }

    /** Back to t = 0 with the scenario as loaded (live changes are dropped), paused. */
    public void reset() {
        pending.clear();
        endSplit();
        runStart = loaded.get();
        startNewRun(loaded.get());
        runner.reset();
        running.set(false);
        error.set("");
    }

    public void setSpeed(double value) {
        runner.setSpeed(value);
        speed.set(value);
    }

    /** One step faster (+1) or slower (-1) on {@link #SPEED_STEPS}. */
    public void nudgeSpeed(int direction) {
        double current = speed.get();
        int best = 0;
        for (int i = 0; i < SPEED_STEPS.length; i++) {
            if (Math.abs(Math.log(SPEED_STEPS[i] / current)) < Math.abs(Math.log(SPEED_STEPS[best] / current))) {
                best = i;
            }
        }
        setSpeed(SPEED_STEPS[Math.max(0, Math.min(SPEED_STEPS.length - 1, best + direction))]);
    }

    /**
     * Asks for a parameter change. Validated now against the current scenario: an invalid value throws
     * IllegalArgumentException naming the path and range, and nothing changes. Valid changes reach the engine at
     * the next pulse (latest value per path wins).
     */
    public void requestChange(String path, String value) {
        AbSide side = ab.onProperty().get() ? ab.sideProperty().get() : AbSide.A;
        if (side != AbSide.A && ab.scenarioB() != null) {
            ParameterPaths.with(ab.scenarioB(), path, value);
        }
        if (side != AbSide.B || ab.scenarioB() == null) {
            ParameterPaths.with(scenario.get(), path, value);
        }
        pending.put(side + " " + path, new PendingChange(path, value, side));
        error.set("");
    }

    private record PendingChange(String path, String value, AbSide side) {
    }

    /** The split ends with a reset or load (the runner drops side B then). */
    private void endSplit() {
        if (ab.onProperty().get()) {
            charts.setAb(false);
            ab.turned(false);
        }
    }

    /** Restarts with another seed (the seed shapes every random stream, so it cannot change mid-run). */
    public void setSeed(long seed) {
        load(scenario.get().withSeed(seed));
    }

    /** Loads a scenario and restarts from t = 0, keeping play/pause. */
    public void load(Scenario next) {
        pending.clear();
        endSplit();
        runStart = next;
        loaded.set(next);
        scenario.set(next);
        startNewRun(next);
        runner.load(next);
        error.set("");
        notice.set("");
        confirmation.set("");
    }

    /**
     * For each trigger of the scenario (a timeline spike that ends): once it has ended and the grace time passed,
     * whether the system recovered or is still degraded (a metastable failure), from the run's snapshots.
     */
    private String describeTriggers() {
        Scenario s = scenario.get();
        if (s.timeline().stream().noneMatch(c -> c.holdSeconds() > 0) || history.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        var report = lab.overload.engine.run.MetastabilityDetector.analyze(s, history,
                lab.overload.engine.run.MetastabilityDetector.Settings.DEFAULTS);
        for (var t : report.triggers()) {
            String what = t.trigger().label().isEmpty() ? t.trigger().path() + " = " + t.trigger().value()
                    : t.trigger().label();
            String verdict = switch (t.verdict()) {
                case STILL_DEGRADED -> String.format(java.util.Locale.ROOT,
                        "STILL DEGRADED after it ended: goodput %.0f/s vs %.0f/s before (metastable)", t.after(),
                        t.baseline());
                case RECOVERED -> String.format(java.util.Locale.ROOT, "recovered%s: goodput %.0f/s vs %.0f/s before",
                        t.hasRecoveryTime() ? String.format(java.util.Locale.ROOT, " %.1f s after it ended",
                                t.recoverySeconds()) : "", t.after(), t.baseline());
                default -> "watching...";
            };
            sb.append(sb.length() == 0 ? "" : "\n").append("Trigger '").append(what).append("': ").append(verdict);
        }
        return sb.toString();
    }

    private void sendPending() {
        if (!pending.isEmpty()) {
            Scenario after = scenario.get();
            for (PendingChange c : pending.values()) {
                ab.sent(c.path(), c.side());
                runner.change(c.path(), c.value(), c.side());
                if (c.side() != AbSide.B) {
                    after = trackRunStart(after, c.path(), c.value());
                }
            }
            pending.clear();
        }
    }

    /** Clears what the old run showed and ignores its frames still in flight. */
    private void startNewRun(Scenario next) {
        history.clear();
        triggerStatus.set("");
        minGeneration = runner.status().generation() + 1;
        window.clear();
        charts.reset(next);
        formulaValues.set(LessonFormulas.describe(next, window));
    }

    /**
     * Loads a scenario file. A file that cannot be read leaves the running scenario untouched and sets
     * {@link #errorProperty()} to the problem (JSON path and reason); returns whether it loaded.
     */
    public boolean loadFile(Path file) {
        try {
            load(PresetCatalog.readFile(file));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            error.set(file.getFileName() + ": " + e.getMessage());
            return false;
        }
    }

    /** Shows a problem to the user (for failures detected outside the view model). */
    public void reportError(String message) {
        error.set(message);
    }

    /** Saves the current scenario, with every live change applied, atomically. */
    public void saveTo(Path file) throws IOException {
        ScenarioCodec.writeAtomically(scenario.get(), file);
    }

    /**
     * Saves the running scenario, with every live change applied, under a new name (written into its {@code name}
     * field) to a file, atomically; the folder is created when missing. Success sets {@link #confirmationProperty()};
     * a failure sets {@link #errorProperty()} to a message naming the file, and the file keeps what it had. Returns
     * whether it saved.
     */
    public boolean saveAs(String name, Path file) {
        try {
            String trimmed = name == null ? "" : name.strip();
            if (trimmed.isEmpty() || trimmed.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("name must be 1 to 200 printable characters");
            }
            boolean recorded = recordReplay.recordingProperty().get();
            Scenario s = recorded ? runner.recording().toScenario(trimmed, runner.status().furthestMicros())
                    : scenario.get();
            Scenario named = lab.overload.models.scenario.Records.with(s, "name", trimmed);
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) {
                java.nio.file.Files.createDirectories(folder);
            }
            ScenarioCodec.writeAtomically(named, file);
            confirmation.set((recorded ? "Saved the recording '" + trimmed + "' (" + RecordReplay.kept(
                    runner.controlLog().size()) + ")" : "Saved '" + trimmed + "'") + " to " + file
                    + "; it is in the preset picker.");
            error.set("");
            return true;
        } catch (IOException | IllegalArgumentException e) {
            confirmation.set("");
            String reason = e instanceof java.nio.file.FileSystemException f
                    ? (f.getReason() != null ? f.getReason() : e.getClass().getSimpleName()) : e.getMessage();
            error.set("Could not save " + file + ": " + reason + " (the file was left as it was)");
            return false;
        }
    }

    /**
     * The scenario the current run started from at t = 0: the loaded one, or after a change that cannot be made live
     * (the runner restarts with it), the scenario with that change. With the runner's control log it replays the run.
     */
    public Scenario runStart() {
        return runStart;
    }

    /** The scenario after one change sent to the runner; a change that restarts the run starts a new run from it. */
    private Scenario trackRunStart(Scenario before, String path, String value) {
        try {
            Scenario after = ParameterPaths.with(before, path, value);
            if (!ParameterPaths.def(before, path).live()) {
                runStart = after;
            }
            return after;
        } catch (IllegalArgumentException e) {
            return before; // the runner reports it
        }
    }

    /** Tells the user something went well (an export), in the confirmation bar. */
    public void confirm(String message) {
        confirmation.set(message);
        error.set("");
    }

    public void clearConfirmation() {
        confirmation.set("");
    }

    /** What went well that the user should know (a save); empty when there is nothing to confirm. */
    public ReadOnlyStringProperty confirmationProperty() {
        return confirmation.getReadOnlyProperty();
    }


    public LiveRunner runner() {
        return runner;
    }

    @Override
    public void close() {
        runner.close();
    }

    public ReadOnlyDoubleProperty simSecondsProperty() {
        return simSeconds.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty speedProperty() {
        return speed.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty achievedSpeedProperty() {
        return achievedSpeed.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty eventsPerSecondProperty() {
        return eventsPerSecond.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty behindProperty() {
        return behind.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Whether each ended trigger left the system degraded (empty when the scenario has none). */
    public ReadOnlyStringProperty triggerStatusProperty() {
        return triggerStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formulaValuesProperty() {
        return formulaValues.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Scenario> scenarioProperty() {
        return scenario.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Scenario> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty generationProperty() {
        return generation.getReadOnlyProperty();
    }
}
