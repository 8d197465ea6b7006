package lab.overload.app.viewmodel;

import java.io.IOException;
import java.nio.file.Path;
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
import lab.overload.engine.run.LiveRunner;
import lab.overload.engine.run.LiveStatus;
import lab.overload.models.json.ScenarioCodec;
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
    private final TriggerWatch triggers = new TriggerWatch();
    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>(this, "scenario");
    private final ReadOnlyObjectWrapper<Scenario> loaded = new ReadOnlyObjectWrapper<>(this, "loaded");
    private final ReadOnlyIntegerWrapper generation = new ReadOnlyIntegerWrapper(this, "generation");
    private final ChartModel charts;
    private final RollingWindow window = new RollingWindow(10);
    private final AbState ab = new AbState();
    private final FrameFeed feed;
    private final PendingChanges pending;
    private LiveRunner runner;
    private static final long TEXT_REFRESH_NANOS = 250_000_000L;
    private long lastTextNanos;
    private boolean framesSinceText;

    public LabViewModel(Scenario initial, ChartModel charts) {
        this.charts = charts;
        this.feed = new FrameFeed(charts, window, triggers, ab);
        this.pending = new PendingChanges(initial);
        this.runner = new LiveRunner(initial, 8192);
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
        boolean framesA = feed.drainA(runner);
        boolean framesB = ab.onProperty().get() && feed.drainB(runner);
        if (framesA || framesB) {
            charts.markDirty();
            framesSinceText = true;
        }
        long wall = System.nanoTime();
        boolean textDue = wall - lastTextNanos >= TEXT_REFRESH_NANOS;
        if (framesSinceText && textDue) {
            framesSinceText = false;
            formulaValues.set(LessonFormulas.describe(scenario.get(), window));
            triggerStatus.set(triggers.describe(scenario.get()));
        }
        LiveStatus st = runner.status();
        if (st.generation() != generation.get()) {
            generation.set(st.generation());
            if (!framesA) {
                window.clear();
                charts.reset(st.scenario());
                formulaValues.set(LessonFormulas.describe(st.scenario(), window));
            }
        }
        if (st.generation() >= feed.minGeneration()) {
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
        pending.restart(loaded.get());
        endSplit();
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
        pending.request(path, value, ab, scenario.get());
        error.set("");
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
        pending.restart(next);
        endSplit();
        loaded.set(next);
        scenario.set(next);
        startNewRun(next);
        runner.load(next);
        error.set("");
        notice.set("");
        confirmation.set("");
    }

    private void sendPending() {
        pending.send(runner, ab, scenario.get());
    }

    /** Clears what the old run showed and ignores its frames still in flight. */
    private void startNewRun(Scenario next) {
        triggers.clear();
        triggerStatus.set("");
        feed.skipRunsBefore(runner.status().generation() + 1);
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
        ScenarioSaver.Outcome outcome = ScenarioSaver.saveAs(name, file, recordReplay.recordingProperty().get(),
                runner, scenario.get());
        confirmation.set(outcome.confirmation());
        error.set(outcome.error());
        return outcome.saved();
    }

    /**
     * The scenario the current run started from at t = 0: the loaded one, or after a change that cannot be made live
     * (the runner restarts with it), the scenario with that change. With the runner's control log it replays the run.
     */
    public Scenario runStart() {
        return pending.runStart();
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
