package lab.overload.engine.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import lab.overload.engine.component.World;
import lab.overload.engine.operate.OperateData;
import lab.overload.engine.operate.ReportLine;
import lab.overload.engine.operate.Trace;
import lab.overload.engine.operate.TraceSampler;
import lab.overload.models.scenario.Scenario;

/**
 * Side A of a live run (the only side while no A/B split is on): its world, the scenario it started from at t = 0,
 * its control log and the frames it publishes to the runner's ring. {@link #restart} begins a new run with an empty
 * log; {@link #rewind} (a scrub back) re-runs the same start scenario with the whole log waiting, so the state at
 * every time is the one the original run had there. Every start is a new generation of frames.
 *
 * <p>A change is applied at the current sim time plus one microsecond, after every event up to now and before every
 * event at its own time, as a timeline change there would be; so the {@link #recording()} saved as a scenario
 * replays exactly. Changes made together (no event between them, e.g. while paused) share one time.
 *
 * <p>Thread rule: owned by the runner's sim thread; other threads read only {@link #recording()}, which is immutable
 * and replaced whole on every change.
 */
final class LiveRun {
    /** Finished traces and REPORT lines a live run keeps between two frames. */
    static final int TRACE_CAPACITY = 500;
    static final int REPORT_CAPACITY = 50_000;

    private final SnapshotRing ring;
    /** The share of requests traced, read when a world starts (kept across resets and loads). */
    private final DoubleSupplier traceRate;
    private final ControlLog log = new ControlLog();
    private World world;
    private int generation;
    /** The scenario the current run started from at t = 0 (the loaded one, or the one a restart made). */
    private Scenario runStart;
    /** The run's start scenario and an immutable copy of its log, replaced whole on every change. */
    private volatile Recording recording;
    /** Sim time and event count of the last live change: later changes with no event between share its time. */
    private long lastChangeMicros = -1;
    private long eventsAtLastChange;
    private long furthestMicros;
    private List<ControlChange> pendingFrameChanges = new ArrayList<>();

    LiveRun(SnapshotRing ring, Scenario scenario, DoubleSupplier traceRate) {
        this.ring = ring;
        this.traceRate = traceRate;
        this.recording = new Recording(scenario, List.of());
    }

    /** The current world, or null after {@link #drop()}. */
    World world() {
        return world;
    }

    int generation() {
        return generation;
    }

    Scenario runStart() {
        return runStart;
    }

    /** The current run's start scenario and control log (read from any thread). */
    Recording recording() {
        return recording;
    }

    /** The furthest sim time this run has reached (a scrub back does not lower it). */
    long furthestMicros() {
        return furthestMicros;
    }

    /** Notes the world's current time toward {@link #furthestMicros()}. */
    void noteFurthest() {
        furthestMicros = Math.max(furthestMicros, world.nowMicros());
    }

    /** A new run from t = 0 of that scenario with an empty control log. */
    void restart(Scenario scenario) {
        runStart = scenario;
        furthestMicros = 0;
        log.clear();
        publishLog();
        startWorld(scenario);
    }

    /** Back to t = 0 of the run's start scenario, every logged change waiting for its time again (a scrub back). */
    void rewind() {
        log.rewind();
        startWorld(runStart);
    }

    /** Lets go of the world (it filled the heap) and of the changes waiting for the next frame. */
    void drop() {
        world = null;
        pendingFrameChanges = new ArrayList<>();
    }

    /** Runs to {@code untilMicros}, applying the logged changes waiting up to then at their own times. */
    void runUntil(long untilMicros) {
        log.runUntil(world, untilMicros, pendingFrameChanges::add);
    }

    /** The logged changes at or before {@code atMicros} (those applied so far when that is now). */
    List<ControlChange> changesUntil(long atMicros) {
        return log.changes().stream().filter(x -> x.atMicros() <= atMicros).toList();
    }

    /** Traces this share of the requests from now on (0 stops). */
    void sampleTraces(double rate) {
        world.sampleTraces(rate, TRACE_CAPACITY);
    }

    /**
     * Moves the world past the events at its current time (unless the last change was made there with no event
     * since), so that a change made now takes effect before every event at its own time.
     */
    void advanceForChange() {
        if (world.nowMicros() != lastChangeMicros || world.eventsProcessed() != eventsAtLastChange) {
            world.simulation().advanceTo(world.nowMicros() + 1);
        }
    }

    /** Notes a change made now that side A does not record (one made on side B only). */
    void markChange() {
        lastChangeMicros = world.nowMicros();
        eventsAtLastChange = world.eventsProcessed();
    }

    /**
     * Applies a validated change at the current time (after {@link #advanceForChange()}) and records it in the log,
     * the recording and the next frame. Returns a notice for the user: empty, or how many changes recorded for later
     * times (ahead of a scrub back) it dropped.
     */
    String apply(String path, String value) {
        world.apply(path, value);
        var applied = world.appliedChanges().get(world.appliedChanges().size() - 1);
        ControlChange cc = new ControlChange(world.nowMicros(), path, applied.value());
        markChange();
        int dropped = log.record(cc);
        publishLog();
        pendingFrameChanges.add(cc);
        return dropped == 0 ? "" : "Changed at " + String.format(Locale.ROOT, "%.1f s", cc.atMicros() / 1e6)
                + ": the " + dropped + " recorded change" + (dropped == 1 ? "" : "s") + " after it were dropped";
    }

    private void publishLog() {
        recording = new Recording(runStart, log.changes());
    }

    /** A new world at t = 0 (a new generation of frames); the control log is kept. */
    private void startWorld(Scenario scenario) {
        generation++;
        lastChangeMicros = -1;
        World w = new World(scenario);
        world = w;
        double rate = traceRate.getAsDouble();
        if (rate > 0) {
            w.sampleTraces(rate, TRACE_CAPACITY);
        }
        if (!scenario.functions().isEmpty()) {
            w.recordReports(REPORT_CAPACITY);
        }
        pendingFrameChanges = new ArrayList<>();
        int gen = generation;
        w.onInterval(snapshot -> {
            List<ControlChange> changes = pendingFrameChanges.isEmpty() ? List.of() : List.copyOf(pendingFrameChanges);
            pendingFrameChanges.clear();
            ring.publish(new LiveFrame(ring.published(), gen, snapshot, changes, operateData(w)));
        });
    }

    private static OperateData operateData(World w) {
        TraceSampler sampler = w.traceSampler();
        List<Trace> traces = sampler == null ? List.of() : sampler.drainFresh();
        List<ReportLine> reports = w.reportLog() == null ? List.of() : w.reportLog().drain();
        double rate = sampler == null ? 0 : sampler.rate();
        return traces.isEmpty() && reports.isEmpty() && rate == 0 ? OperateData.NONE
                : new OperateData(traces, reports, rate);
    }
}
