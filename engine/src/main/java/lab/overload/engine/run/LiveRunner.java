package lab.overload.engine.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import lab.overload.engine.component.World;
import lab.overload.engine.metrics.Summary;
import lab.overload.engine.operate.OperateData;
import lab.overload.engine.operate.ReportLine;
import lab.overload.engine.operate.Trace;
import lab.overload.engine.operate.TraceSampler;
import lab.overload.models.scenario.FieldDef;
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
 */
public final class LiveRunner implements AutoCloseable {
    public static final double MIN_SPEED = 0.1;
    public static final double MAX_SPEED = 100;
    /** How long a playing runner sleeps once it is less than this far (wall time) behind its clock. */
    static final long PARK_NANOS = 2_000_000L;
    /** How long a paused runner sleeps between looks at its command queue (a command wakes it at once). */
    private static final long IDLE_PARK_NANOS = 50_000_000L;

    private sealed interface Command permits Play, Pause, Step, Reset, Speed, Change, Load, RunTo,
            Seek, Summarize, Split, SampleTraces {
    }

    private record Play() implements Command { }
    private record Pause() implements Command { }
    private record Step() implements Command { }
    private record Reset() implements Command { }
    private record Speed(double value) implements Command { }
    private record Change(String path, String value, AbSide side) implements Command { }
    private record Load(Scenario scenario) implements Command { }
    private record RunTo(long simMicros) implements Command { }
    private record Seek(long simMicros) implements Command { }
    private record Summarize(CompletableFuture<Summary> result) implements Command { }
    private record Split(boolean on) implements Command { }
    private record SampleTraces(double rate) implements Command { }

    /** The share of requests a live run traces when not told otherwise. */
    public static final double DEFAULT_TRACE_RATE = 0.05;
    /** Finished traces and REPORT lines a live run keeps between two frames. */
    static final int TRACE_CAPACITY = 500;
    static final int REPORT_CAPACITY = 50_000;

    private final ConcurrentLinkedQueue<Command> commands = new ConcurrentLinkedQueue<>();
    private final SnapshotRing ring;
    private final SnapshotRing ringB;
    private final Thread thread;
    private final Pacer pacer = new Pacer();
    private volatile boolean closed;
    private volatile LiveStatus status;

    // owned by the sim thread
    private Scenario base;
    private World world;
    private int generation;
    private boolean running;
    private long stepTarget = -1;
    /** The scenario the current run started from at t = 0 (the loaded one, or the one a restart made). */
    private Scenario runStart;
    private final ControlLog log = new ControlLog();
    /** The run's start scenario and an immutable copy of its log, replaced whole on every change. */
    private volatile Recording recording;
    private boolean seeking;
    /** Sim time and event count of the last live change: later changes with no event between share its time. */
    private long lastChangeMicros = -1;
    private long eventsAtLastChange;
    private long furthestMicros;
    private List<ControlChange> pendingFrameChanges = new ArrayList<>();
    private String message = "";
    private String failure = "";
    private final BooleanSupplier lowMemory;
    /** Side B of an A/B split, or null when the runner runs one world (owned by the sim thread). */
    private Variant b;
    /** B's current scenario while the split is on, else null (for other threads). */
    private volatile Scenario scenarioB;
    /** The share of requests traced; kept across resets and loads (sampling never changes a result). */
    private volatile double traceRate = DEFAULT_TRACE_RATE;

    public LiveRunner(Scenario scenario, int ringCapacity) {
        this(scenario, ringCapacity, new MemoryGuard(MemoryGuard.DEFAULT_FRACTION));
    }

    /** A runner whose heap check is {@code lowMemory} (tests simulate a full heap with it). */
    LiveRunner(Scenario scenario, int ringCapacity, BooleanSupplier lowMemory) {
        this.ring = new SnapshotRing(ringCapacity);
        this.ringB = new SnapshotRing(ringCapacity);
        this.base = scenario;
        this.lowMemory = lowMemory;
        this.status = new LiveStatus(0, scenario, 0, false, 1, 0, 0, false, "", "", -1, 0);
        this.recording = new Recording(scenario, List.of());
        this.thread = new Thread(this::loop, "overload-lab-sim");
        this.thread.setDaemon(false);
    }

    public void start() {
        thread.start();
    }

    public SnapshotRing ring() {
        return ring;
    }

    public LiveStatus status() {
        return status;
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
        return scenarioB;
    }

    /**
     * Turns the A/B split on or off. On: side B starts as an exact copy of side A at its current sim time (a
     * deterministic re-run of A's start scenario and applied changes, publishing B's intervals from t = 0 into
     * {@link #ringB()}) and from then on runs in lock step with A on the same seed, so the two differ only by the
     * changes made on one side ({@link #change(String, String, AbSide)}). Off: side B is dropped. Reset and load
     * turn the split off.
     */
    public void split(boolean on) {
        send(new Split(on));
    }

    /**
     * The changes of the current run, in order (a recording to replay): those applied so far and, after a scrub
     * back, those still ahead.
     */
    public List<ControlChange> controlLog() {
        return recording.changes();
    }

    /** The current run's start scenario and control log, to save as a scenario that replays it. */
    public Recording recording() {
        return recording;
    }

    /** The sim thread's id (for measuring its CPU time). */
    long threadId() {
        return thread.getId();
    }

    public boolean isAlive() {
        return thread.isAlive();
    }

    public void play() {
        send(new Play());
    }

    public void pause() {
        send(new Pause());
    }

    /** Pauses and advances exactly one metrics interval. */
    public void step() {
        send(new Step());
    }

    /** Pauses and runs as fast as possible to the given sim time (a no-op if already past it). */
    public void runTo(long simMicros) {
        send(new RunTo(simMicros));
    }

    /**
     * Pauses and moves to the given sim time (at least 0): back by re-running from t = 0 with the run's start
     * scenario and control log, as fast as possible; forward by running on as fast as possible. Either way the
     * state at that time is exactly the one the original run had there. The status reports the target until it
     * is reached.
     */
    public void seek(long simMicros) {
        send(new Seek(Math.max(0, simMicros)));
    }

    /**
     * The current run's summary at its sim time when the command is handled (after the commands sent before it),
     * computed on the sim thread; taking it does not change the run.
     */
    public CompletableFuture<Summary> summary() {
        CompletableFuture<Summary> result = new CompletableFuture<>();
        send(new Summarize(result));
        return result;
    }

    /** Back to t = 0 with the scenario as loaded, paused. */
    public void reset() {
        send(new Reset());
    }

    public void setSpeed(double speed) {
        if (!(speed >= MIN_SPEED && speed <= MAX_SPEED)) {
            throw new IllegalArgumentException("speed must be in [" + MIN_SPEED + ", " + MAX_SPEED + "]x, was "
                    + speed);
        }
        send(new Speed(speed));
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
        Scenario b = scenarioB;
        if (side != AbSide.B || b == null) {
            ParameterPaths.with(status.scenario(), path, value);
        }
        if (side != AbSide.A && b != null) {
            ParameterPaths.with(b, path, value);
        }
        send(new Change(path, value, side));
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
        send(new SampleTraces(rate));
    }

    /** The share of requests traced. */
    public double traceRate() {
        return traceRate;
    }

    /** Replaces the scenario and restarts from t = 0, keeping the play/pause state. */
    public void load(Scenario scenario) {
        send(new Load(scenario));
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(Command c) {
        commands.add(c);
        LockSupport.unpark(thread);
    }

    private void loop() {
        newWorld(base);
        while (!closed) {
            try {
                run();
            } catch (OutOfMemoryError e) {
                outOfMemory();
            }
        }
    }

    /**
     * Drops the run that filled the heap and starts afresh at t = 0, paused, saying why. If even that fails the
     * runner stops for good (close still works).
     */
    private void outOfMemory() {
        long atMicros = world == null ? 0 : world.nowMicros();
        world = null;
        dropB();
        pendingFrameChanges = new ArrayList<>();
        running = false;
        stepTarget = -1;
        System.gc();
        long maxMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        failure = "Out of memory at t = " + FieldDef.format(Math.round(atMicros / 1e5) / 10.0) + " s (heap limit "
                + maxMb + " MB): the run was stopped and reset. Bound the queue (queueCapacity), lower the load or "
                + "shed it, or start the app with more heap (e.g. -Xmx4g).";
        message = failure;
        try {
            newWorld(base);
        } catch (OutOfMemoryError again) {
            closed = true;
            status = new LiveStatus(generation, base, 0, false, pacer.speed(), 0, 0, false, failure, failure, -1, 0);
        }
    }

    private void run() {
        long lastRateWall = System.nanoTime();
        long lastRateSim = 0;
        long lastRateEvents = 0;
        double achieved = 0;
        double eventsPerSecond = 0;
        boolean behind = false;
        while (!closed) {
            long wall = System.nanoTime();
            for (Command c; (c = commands.poll()) != null; ) {
                handle(c, wall);
            }
            if (running || stepTarget >= 0) {
                long target = stepTarget >= 0 ? stepTarget : pacer.target(wall);
                long chunkEnd = Math.min(target, world.nowMicros() + world.scenario().intervalMillis() * 1000L);
                if (chunkEnd > world.nowMicros()) {
                    log.runUntil(world, chunkEnd, pendingFrameChanges::add);
                    if (b != null) {
                        b.runTo(world.nowMicros());
                    }
                }
                if (lowMemory.getAsBoolean()) {
                    outOfMemory();
                    continue;
                }
                if (stepTarget >= 0 && world.nowMicros() >= stepTarget) {
                    stepTarget = -1;
                    seeking = false;
                }
                if (running && stepTarget < 0) {
                    long lag = pacer.lagNanos(System.nanoTime(), world.nowMicros());
                    behind = lag > Pacer.MAX_LAG_NANOS / 5;
                    if (lag > Pacer.MAX_LAG_NANOS) {
                        pacer.anchor(System.nanoTime(), world.nowMicros());
                    }
                }
            } else {
                behind = false;
            }
            long now = System.nanoTime();
            if (now - lastRateWall >= 250_000_000L) {
                double dt = (now - lastRateWall) / 1e9;
                achieved = (world.nowMicros() - lastRateSim) / 1e6 / dt;
                eventsPerSecond = (world.eventsProcessed() - lastRateEvents) / dt;
                lastRateWall = now;
                lastRateSim = world.nowMicros();
                lastRateEvents = world.eventsProcessed();
            }
            furthestMicros = Math.max(furthestMicros, world.nowMicros());
            status = new LiveStatus(generation, world.scenario(), world.nowMicros(), running, pacer.speed(),
                    running ? achieved : 0, running ? eventsPerSecond : 0, behind, message, failure,
                    seeking ? stepTarget : -1, furthestMicros);
            // Sleep unless a whole quantum of work is due. Waiting for the clock to be exactly caught up would spin:
            // the target moves on while the engine runs to it, so a playing runner would hold a core for itself
            // (and starve the FX and render threads of a 2-core machine) however little the scenario asks for.
            boolean caughtUp = !running || pacer.lagNanos(System.nanoTime(), world.nowMicros()) < PARK_NANOS;
            if (caughtUp && stepTarget < 0 && commands.isEmpty()) {
                LockSupport.parkNanos(running ? PARK_NANOS : IDLE_PARK_NANOS);
            }
        }
    }

    private void handle(Command c, long wall) {
        if (c instanceof Play) {
            failure = "";
            running = true;
            stepTarget = -1;
            seeking = false;
            pacer.anchor(wall, world.nowMicros());
        } else if (c instanceof Pause) {
            running = false;
            if (seeking) { // a pause stops a scrub where it has got to
                stepTarget = -1;
                seeking = false;
            }
        } else if (c instanceof Step) {
            running = false;
            seeking = false;
            long interval = world.scenario().intervalMillis() * 1000L;
            stepTarget = (world.nowMicros() / interval + 1) * interval;
        } else if (c instanceof Reset) {
            running = false;
            stepTarget = -1;
            seeking = false;
            message = "";
            failure = "";
            dropB();
            newWorld(base);
        } else if (c instanceof Speed s) {
            pacer.setSpeed(s.value(), wall, world.nowMicros());
        } else if (c instanceof Change ch) {
            applyChange(ch, wall);
        } else if (c instanceof RunTo r) {
            running = false;
            seeking = false;
            stepTarget = r.simMicros() > world.nowMicros() ? r.simMicros() : -1;
        } else if (c instanceof Summarize s) {
            s.result().complete(world.summary());
        } else if (c instanceof SampleTraces t) {
            world.sampleTraces(t.rate(), TRACE_CAPACITY);
        } else if (c instanceof Seek s) {
            seekTo(s.simMicros());
        } else if (c instanceof Split sp) {
            if (!sp.on()) {
                dropB();
            } else if (b == null) {
                b = new Variant(ringB);
                long now = world.nowMicros();
                b.copyOf(runStart, log.changes().stream().filter(x -> x.atMicros() <= now).toList(), now,
                        generation);
                scenarioB = b.scenario();
            }
        } else if (c instanceof Load l) {
            stepTarget = -1;
            seeking = false;
            base = l.scenario();
            message = "";
            failure = "";
            dropB();
            newWorld(base);
            pacer.anchor(wall, 0);
        }
    }

    private void seekTo(long target) {
        running = false;
        boolean back = target < world.nowMicros();
        seeking = target > (back ? 0 : world.nowMicros());
        stepTarget = seeking ? target : -1;
        if (back) {
            log.rewind();
            startWorld(runStart);
            if (b != null) {
                b.rewind(generation);
            }
        }
    }

    private void applyChange(Change ch, long wall) {
        try {
            boolean onA = ch.side() != AbSide.B || b == null;
            boolean onB = ch.side() != AbSide.A && b != null;
            Scenario sideScenario = onA ? world.scenario() : b.world().scenario();
            FieldDef def = ParameterPaths.def(sideScenario, ch.path());
            if (!def.live()) {
                Scenario next = ParameterPaths.with(sideScenario, ch.path(), ch.value());
                Scenario nextA = onA ? ParameterPaths.with(world.scenario(), ch.path(), ch.value()) : world.scenario();
                Scenario nextB = b == null ? null
                        : onB ? ParameterPaths.with(b.world().scenario(), ch.path(), ch.value()) : b.world().scenario();
                message = ch.path() + " cannot change while running: restarted from t = 0 with "
                        + def.display(ParameterPaths.get(next, ch.path())) + (b == null ? ""
                        : onA && onB ? " on both sides" : onB ? " on side B" : " on side A");
                stepTarget = -1;
                seeking = false;
                if (b != null) { // B first, so that when the status shows the new run, B's scenario is already its
                    b.restart(nextB, generation + 1);
                    scenarioB = nextB;
                }
                newWorld(nextA);
                pacer.anchor(wall, 0);
                return;
            }
            if (onA) {
                ParameterPaths.with(world.scenario(), ch.path(), ch.value());
            }
            if (onB) {
                ParameterPaths.with(b.world().scenario(), ch.path(), ch.value());
            }
            // after every event up to now, before every event at the change's own time: a timeline change there
            // would take effect at the same point, so a saved recording replays exactly. Changes made together
            // (no event between them, e.g. while paused) share one time.
            if (world.nowMicros() != lastChangeMicros || world.eventsProcessed() != eventsAtLastChange) {
                world.simulation().advanceTo(world.nowMicros() + 1);
            }
            if (b != null && b.world().nowMicros() < world.nowMicros()) {
                b.world().simulation().advanceTo(world.nowMicros());
            }
            if (onB) {
                b.apply(ch.path(), ch.value());
                scenarioB = b.scenario();
            }
            if (!onA) {
                lastChangeMicros = world.nowMicros();
                eventsAtLastChange = world.eventsProcessed();
                message = "";
                return;
            }
            world.apply(ch.path(), ch.value());
            var applied = world.appliedChanges().get(world.appliedChanges().size() - 1);
            ControlChange cc = new ControlChange(world.nowMicros(), ch.path(), applied.value());
            lastChangeMicros = cc.atMicros();
            eventsAtLastChange = world.eventsProcessed();
            int dropped = log.record(cc);
            publishLog();
            pendingFrameChanges.add(cc);
            message = dropped == 0 ? "" : "Changed at "
                    + String.format(java.util.Locale.ROOT, "%.1f s", cc.atMicros() / 1e6) + ": the " + dropped
                    + " recorded change" + (dropped == 1 ? "" : "s") + " after it were dropped";
        } catch (IllegalArgumentException e) {
            message = e.getMessage();
        }
    }

    private void dropB() {
        b = null;
        scenarioB = null;
    }

    /** A new run from t = 0 of that scenario with an empty control log. */
    private void newWorld(Scenario scenario) {
        runStart = scenario;
        furthestMicros = 0;
        log.clear();
        publishLog();
        startWorld(scenario);
    }

    private void publishLog() {
        recording = new Recording(runStart, log.changes());
    }

    private static OperateData operateData(World w) {
        TraceSampler sampler = w.traceSampler();
        List<Trace> traces = sampler == null ? List.of() : sampler.drainFresh();
        List<ReportLine> reports = w.reportLog() == null ? List.of() : w.reportLog().drain();
        double rate = sampler == null ? 0 : sampler.rate();
        return traces.isEmpty() && reports.isEmpty() && rate == 0 ? OperateData.NONE
                : new OperateData(traces, reports, rate);
    }

    /** A new world at t = 0 (a new generation of frames); the control log is kept. */
    private void startWorld(Scenario scenario) {
        generation++;
        lastChangeMicros = -1;
        World w = new World(scenario);
        world = w;
        if (traceRate > 0) {
            w.sampleTraces(traceRate, TRACE_CAPACITY);
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
        status = new LiveStatus(generation, scenario, 0, running, pacer.speed(), 0, 0, false, message, failure,
                seeking ? stepTarget : -1, 0);
    }
}
