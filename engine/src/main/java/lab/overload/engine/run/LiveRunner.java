package lab.overload.engine.run;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import lab.overload.engine.metrics.Summary;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Scenario;

/**
 * Runs a scenario on its own thread, paced to wall time by a speed factor (0.1x to 100x), publishing every sealed
 * interval to a {@link SnapshotRing}. Other threads talk to it only through commands (play, pause, step, reset,
 * speed, parameter changes, load) and read only immutable frames and {@link LiveStatus}. A live run has no end: the
 * scenario's duration applies to batch runs only.
 *
 * <p>Running out of memory (an unbounded queue under overload can fill any heap) never freezes the window: when the
 * heap is nearly full after a collection, or an {@link OutOfMemoryError} is thrown on the sim thread, the run is
 * dropped, the runner resets to t = 0 paused, and {@link LiveStatus#failure()} (and the message) says why and what
 * to change. Commands, including close, keep working.
 *
 * <p>Every change is applied at the current sim time plus one microsecond, before any event at that time, and recorded
 * in the control log; replaying the log with {@link BatchRunner#run(Scenario, List, boolean)}, or the
 * {@link #recording()} saved as a scenario, gives the same numbers, whatever the speed was.
 *
 * <p>{@link #seek} scrubs: back in time it re-runs from t = 0 with the same start scenario and control log, as fast as
 * possible, to the chosen time (publishing every interval into the same ring), then pauses there; forward it runs
 * on. Changes the log holds for a later time are applied as the run passes them, until a new change drops them.
 *
 * <p>This class is the runner's face to other threads: each method queues a {@link LiveCommand}, and the sim thread
 * ({@link SimLoop}: command handling and pacing) works on side A's run ({@link LiveRun}: world, control log,
 * recording, scrub) and the A/B split ({@link AbSplit}). Only commands go in; only immutable frames, statuses,
 * scenarios and recordings come out.
 */
public final class LiveRunner implements AutoCloseable {
    public static final double MIN_SPEED = 0.1;
    public static final double MAX_SPEED = 100;
    /** The share of requests a live run traces when not told otherwise. */
    public static final double DEFAULT_TRACE_RATE = 0.05;

    private final ConcurrentLinkedQueue<LiveCommand> commands = new ConcurrentLinkedQueue<>();
    private final SnapshotRing ring;
    private final SnapshotRing ringB;
    private final LiveRun run;
    private final AbSplit split;
    private final SimLoop loop;
    private final Thread thread;
    /** The share of requests traced; kept across resets and loads (sampling never changes a result). */
    private volatile double traceRate = DEFAULT_TRACE_RATE;

    public LiveRunner(Scenario scenario, int ringCapacity) {
        this(scenario, ringCapacity, new MemoryGuard(MemoryGuard.DEFAULT_FRACTION));
    }

    /** A runner whose heap check is {@code lowMemory} (tests simulate a full heap with it). */
    LiveRunner(Scenario scenario, int ringCapacity, BooleanSupplier lowMemory) {
        this.ring = new SnapshotRing(ringCapacity);
        this.ringB = new SnapshotRing(ringCapacity);
        this.run = new LiveRun(ring, scenario, () -> traceRate);
        this.split = new AbSplit(run, ringB);
        this.loop = new SimLoop(scenario, commands, run, split, lowMemory);
        this.thread = new Thread(loop::run, "overload-lab-sim");
        this.thread.setDaemon(false);
    }

    public void start() {
        thread.start();
    }

    public SnapshotRing ring() {
        return ring;
    }

    public LiveStatus status() {
        return loop.status();
    }

    /**
     * Side B's frames while an A/B split is on ({@link #split}): the same generations and interval times as side A's
     * frames in {@link #ring()}.
     */
    public SnapshotRing ringB() {
        return ringB;
    }

    /** Side B's scenario, with every change applied, while an A/B split is on; null otherwise. */
    public Scenario scenarioB() {
        return split.scenarioB();
    }

    /**
     * Turns the A/B split on or off. On: side B starts as an exact copy of side A at its current sim time (a
     * deterministic re-run of A's start scenario and applied changes, publishing B's intervals from t = 0 into
     * {@link #ringB()}) and from then on runs in lock step with A on the same seed, so the two differ only by the
     * changes made on one side ({@link #change(String, String, AbSide)}). Off: side B is dropped. Reset and load
     * turn the split off.
     */
    public void split(boolean on) {
        send(new LiveCommand.Split(on));
    }

    /**
     * The changes of the current run, in order (a recording to replay): those applied so far and, after a scrub
     * back, those still ahead.
     */
    public List<ControlChange> controlLog() {
        return run.recording().changes();
    }

    /** The current run's start scenario and control log, to save as a scenario that replays it. */
    public Recording recording() {
        return run.recording();
    }

    /** The sim thread's id (for measuring its CPU time). */
    long threadId() {
        return thread.getId();
    }

    public boolean isAlive() {
        return thread.isAlive();
    }

    public void play() {
        send(new LiveCommand.Play());
    }

    public void pause() {
        send(new LiveCommand.Pause());
    }

    /** Pauses and advances exactly one metrics interval. */
    public void step() {
        send(new LiveCommand.Step());
    }

    /** Pauses and runs as fast as possible to the given sim time (a no-op if already past it). */
    public void runTo(long simMicros) {
        send(new LiveCommand.RunTo(simMicros));
    }

    /**
     * Pauses and moves to the given sim time (at least 0): back by re-running from t = 0 with the run's start
     * scenario and control log, as fast as possible; forward by running on as fast as possible. Either way the
     * state at that time is exactly the one the original run had there. The status reports the target until it
     * is reached.
     */
    public void seek(long simMicros) {
        send(new LiveCommand.Seek(Math.max(0, simMicros)));
    }

    /**
     * The current run's summary at its sim time when the command is handled (after the commands sent before it),
     * computed on the sim thread; taking it does not change the run.
     */
    public CompletableFuture<Summary> summary() {
        CompletableFuture<Summary> result = new CompletableFuture<>();
        send(new LiveCommand.Summarize(result));
        return result;
    }

    /** Back to t = 0 with the scenario as loaded, paused. */
    public void reset() {
        send(new LiveCommand.Reset());
    }

    public void setSpeed(double speed) {
        if (!(speed >= MIN_SPEED && speed <= MAX_SPEED)) {
            throw new IllegalArgumentException("speed must be in [" + MIN_SPEED + ", " + MAX_SPEED + "]x, was "
                    + speed);
        }
        send(new LiveCommand.Speed(speed));
    }

    /**
     * Changes a parameter at the current sim time. Validated at once against the current scenario (throws
     * IllegalArgumentException naming the path and range; nothing changes). A change that cannot be applied live
     * restarts the run from t = 0 with the new value, and the status says so.
     */
    public void change(String path, String value) {
        change(path, value, AbSide.A);
    }

    /**
     * Changes a parameter on one side of an A/B split, or on both, at the current sim time (side B is ignored while
     * the split is off). Validated at once against that side's scenario (throws IllegalArgumentException naming the
     * path and range; nothing changes). A change that cannot be applied live restarts both sides from t = 0, each
     * with its own values.
     */
    public void change(String path, String value, AbSide side) {
        Scenario b = split.scenarioB();
        if (side != AbSide.B || b == null) {
            ParameterPaths.with(loop.status().scenario(), path, value);
        }
        if (side != AbSide.A && b != null) {
            ParameterPaths.with(b, path, value);
        }
        send(new LiveCommand.Change(path, value, side));
    }

    /**
     * Traces this share of the requests from now on (in [0, 1]; 0 stops). Not a change of the scenario: sampling
     * only reads the run, so it is not in the control log and survives a reset.
     */
    public void sampleTraces(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("trace sample rate must be in [0, 1], was " + rate);
        }
        traceRate = rate;
        send(new LiveCommand.SampleTraces(rate));
    }

    /** The share of requests traced. */
    public double traceRate() {
        return traceRate;
    }

    /** Replaces the scenario and restarts from t = 0, keeping the play/pause state. */
    public void load(Scenario scenario) {
        send(new LiveCommand.Load(scenario));
    }

    @Override
    public void close() {
        loop.close();
        LockSupport.unpark(thread);
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(LiveCommand c) {
        commands.add(c);
        LockSupport.unpark(thread);
    }
}
