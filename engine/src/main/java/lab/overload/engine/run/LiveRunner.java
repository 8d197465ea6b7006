package lab.overload.engine.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import lab.overload.engine.component.World;
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
 * <p>Every change is applied at the current sim time and recorded in the control log; replaying the log with
 * {@link BatchRunner#run(Scenario, List, boolean)} gives the same numbers, whatever the speed was.
 */
public final class LiveRunner implements AutoCloseable {
    public static final double MIN_SPEED = 0.1;
    public static final double MAX_SPEED = 100;
    /** How long a playing runner sleeps once it is less than this far (wall time) behind its clock. */
    static final long PARK_NANOS = 2_000_000L;
    /** How long a paused runner sleeps between looks at its command queue (a command wakes it at once). */
    private static final long IDLE_PARK_NANOS = 50_000_000L;

    private sealed interface Command permits Play, Pause, Step, Reset, Speed, Change, Load, RunTo {
    }

    private record Play() implements Command {
    }

    private record Pause() implements Command {
    }

    private record Step() implements Command {
    }

    private record Reset() implements Command {
    }

    private record Speed(double value) implements Command {
    }

    private record Change(String path, String value) implements Command {
    }

    private record Load(Scenario scenario) implements Command {
    }

    private record RunTo(long simMicros) implements Command {
    }

    private final ConcurrentLinkedQueue<Command> commands = new ConcurrentLinkedQueue<>();
    private final SnapshotRing ring;
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
    private final List<ControlChange> log = new ArrayList<>();
    private volatile List<ControlChange> logCopy = List.of();
    private List<ControlChange> pendingFrameChanges = new ArrayList<>();
    private String message = "";
    private String failure = "";
    private final BooleanSupplier lowMemory;

    public LiveRunner(Scenario scenario, int ringCapacity) {
        this(scenario, ringCapacity, new MemoryGuard(MemoryGuard.DEFAULT_FRACTION));
    }

    /** A runner whose heap check is {@code lowMemory} (tests simulate a full heap with it). */
    LiveRunner(Scenario scenario, int ringCapacity, BooleanSupplier lowMemory) {
        this.ring = new SnapshotRing(ringCapacity);
        this.base = scenario;
        this.lowMemory = lowMemory;
        this.status = new LiveStatus(0, scenario, 0, false, 1, 0, 0, false, "", "");
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

    /** The changes applied in the current run, in order (a recording to replay). */
    public List<ControlChange> controlLog() {
        return logCopy;
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
        ParameterPaths.with(status.scenario(), path, value);
        send(new Change(path, value));
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
            status = new LiveStatus(generation, base, 0, false, pacer.speed(), 0, 0, false, failure, failure);
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
                    world.runUntil(chunkEnd);
                }
                if (lowMemory.getAsBoolean()) {
                    outOfMemory();
                    continue;
                }
                if (stepTarget >= 0 && world.nowMicros() >= stepTarget) {
                    stepTarget = -1;
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
            status = new LiveStatus(generation, world.scenario(), world.nowMicros(), running, pacer.speed(),
                    running ? achieved : 0, running ? eventsPerSecond : 0, behind, message, failure);
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
            pacer.anchor(wall, world.nowMicros());
        } else if (c instanceof Pause) {
            running = false;
        } else if (c instanceof Step) {
            running = false;
            long interval = world.scenario().intervalMillis() * 1000L;
            stepTarget = (world.nowMicros() / interval + 1) * interval;
        } else if (c instanceof Reset) {
            running = false;
            stepTarget = -1;
            message = "";
            failure = "";
            newWorld(base);
        } else if (c instanceof Speed s) {
            pacer.setSpeed(s.value(), wall, world.nowMicros());
        } else if (c instanceof Change ch) {
            applyChange(ch, wall);
        } else if (c instanceof RunTo r) {
            running = false;
            stepTarget = r.simMicros() > world.nowMicros() ? r.simMicros() : -1;
        } else if (c instanceof Load l) {
            base = l.scenario();
            message = "";
            failure = "";
            newWorld(base);
            pacer.anchor(wall, 0);
        }
    }

    private void applyChange(Change ch, long wall) {
        try {
            FieldDef def = ParameterPaths.def(world.scenario(), ch.path());
            if (!def.live()) {
                Scenario next = ParameterPaths.with(world.scenario(), ch.path(), ch.value());
                message = ch.path() + " cannot change while running: restarted from t = 0 with "
                        + def.display(ParameterPaths.get(next, ch.path()));
                newWorld(next);
                pacer.anchor(wall, 0);
                return;
            }
            world.apply(ch.path(), ch.value());
            var applied = world.appliedChanges().get(world.appliedChanges().size() - 1);
            ControlChange cc = new ControlChange(world.nowMicros(), ch.path(), applied.value());
            log.add(cc);
            logCopy = List.copyOf(log);
            pendingFrameChanges.add(cc);
            message = "";
        } catch (IllegalArgumentException e) {
            message = e.getMessage();
        }
    }

    private void newWorld(Scenario scenario) {
        generation++;
        world = new World(scenario);
        log.clear();
        logCopy = List.of();
        pendingFrameChanges = new ArrayList<>();
        int gen = generation;
        world.onInterval(snapshot -> {
            List<ControlChange> changes = pendingFrameChanges.isEmpty() ? List.of() : List.copyOf(pendingFrameChanges);
            pendingFrameChanges.clear();
            ring.publish(new LiveFrame(ring.published(), gen, snapshot, changes));
        });
        status = new LiveStatus(generation, scenario, 0, running, pacer.speed(), 0, 0, false, message, failure);
    }
}
