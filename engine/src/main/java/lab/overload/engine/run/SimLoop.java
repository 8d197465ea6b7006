package lab.overload.engine.run;

import java.util.Queue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import lab.overload.engine.component.World;
import lab.overload.engine.run.LiveCommand.Change;
import lab.overload.engine.run.LiveCommand.Load;
import lab.overload.engine.run.LiveCommand.Pause;
import lab.overload.engine.run.LiveCommand.Play;
import lab.overload.engine.run.LiveCommand.Reset;
import lab.overload.engine.run.LiveCommand.RunTo;
import lab.overload.engine.run.LiveCommand.SampleTraces;
import lab.overload.engine.run.LiveCommand.Seek;
import lab.overload.engine.run.LiveCommand.Speed;
import lab.overload.engine.run.LiveCommand.Split;
import lab.overload.engine.run.LiveCommand.Step;
import lab.overload.engine.run.LiveCommand.Summarize;
import lab.overload.models.scenario.FieldDef;
import lab.overload.models.scenario.Scenario;

/**
 * The body of a {@link LiveRunner}'s sim thread. Each turn it handles the commands queued since the last one, then
 * runs the world one metrics interval at most toward its target: the {@link Pacer}'s sim time for the wall clock
 * while playing, or a step, run-to or scrub target as fast as possible; side B of an A/B split follows in lock step.
 * Every turn ends with a new {@link LiveStatus}; a runner that is caught up parks until its next quantum is due (a
 * command wakes it at once). A heap that runs full drops the run and starts afresh at t = 0, paused.
 *
 * <p>Thread rule: {@link #run()} and everything it calls run on the sim thread, which owns every engine object;
 * other threads only queue commands, read the immutable {@link #status()} and {@link #close()} it.
 */
final class SimLoop {
    /** How long a playing runner sleeps once it is less than this far (wall time) behind its clock. */
    static final long PARK_NANOS = 2_000_000L;
    /** How long a paused runner sleeps between looks at its command queue (a command wakes it at once). */
    private static final long IDLE_PARK_NANOS = 50_000_000L;
    /** How often (wall time) the achieved speed and events per second are measured. */
    private static final long RATE_NANOS = 250_000_000L;

    private final Queue<LiveCommand> commands;
    private final LiveRun run;
    private final AbSplit split;
    private final BooleanSupplier lowMemory;
    private final Pacer pacer = new Pacer();
    private volatile boolean closed;
    private volatile LiveStatus status;

    // owned by the sim thread
    private Scenario base;
    private boolean running;
    private long stepTarget = -1;
    private boolean seeking;
    private String message = "";
    private String failure = "";

    SimLoop(Scenario scenario, Queue<LiveCommand> commands, LiveRun run, AbSplit split, BooleanSupplier lowMemory) {
        this.base = scenario;
        this.commands = commands;
        this.run = run;
        this.split = split;
        this.lowMemory = lowMemory;
        this.status = new LiveStatus(0, scenario, 0, false, 1, 0, 0, false, "", "", -1, 0);
    }

    LiveStatus status() {
        return status;
    }

    void close() {
        closed = true;
    }

    /** The sim thread's body: until closed, runs turns, recovering from a full heap. */
    void run() {
        restart(base);
        while (!closed) {
            try {
                turns();
            } catch (OutOfMemoryError e) {
                outOfMemory();
            }
        }
    }

    private void turns() {
        long lastRateWall = System.nanoTime();
        long lastRateSim = 0;
        long lastRateEvents = 0;
        double achieved = 0;
        double eventsPerSecond = 0;
        boolean behind = false;
        while (!closed) {
            long wall = System.nanoTime();
            for (LiveCommand c; (c = commands.poll()) != null; ) {
                handle(c, wall);
            }
            World world = run.world();
            if (running || stepTarget >= 0) {
                long target = stepTarget >= 0 ? stepTarget : pacer.target(wall);
                long chunkEnd = Math.min(target, world.nowMicros() + world.scenario().intervalMillis() * 1000L);
                if (chunkEnd > world.nowMicros()) {
                    run.runUntil(chunkEnd);
                    split.followA();
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
            if (now - lastRateWall >= RATE_NANOS) {
                double dt = (now - lastRateWall) / 1e9;
                achieved = (world.nowMicros() - lastRateSim) / 1e6 / dt;
                eventsPerSecond = (world.eventsProcessed() - lastRateEvents) / dt;
                lastRateWall = now;
                lastRateSim = world.nowMicros();
                lastRateEvents = world.eventsProcessed();
            }
            run.noteFurthest();
            status = new LiveStatus(run.generation(), world.scenario(), world.nowMicros(), running, pacer.speed(),
                    running ? achieved : 0, running ? eventsPerSecond : 0, behind, message, failure,
                    seeking ? stepTarget : -1, run.furthestMicros());
            // Sleep unless a whole quantum of work is due. Waiting for the clock to be exactly caught up would spin:
            // the target moves on while the engine runs to it, so a playing runner would hold a core for itself
            // (and starve the FX and render threads of a 2-core machine) however little the scenario asks for.
            boolean caughtUp = !running || pacer.lagNanos(System.nanoTime(), world.nowMicros()) < PARK_NANOS;
            if (caughtUp && stepTarget < 0 && commands.isEmpty()) {
                LockSupport.parkNanos(running ? PARK_NANOS : IDLE_PARK_NANOS);
            }
        }
    }

    private void handle(LiveCommand c, long wall) {
        World world = run.world();
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
            split.drop();
            restart(base);
        } else if (c instanceof Speed s) {
            pacer.setSpeed(s.value(), wall, world.nowMicros());
        } else if (c instanceof Change ch) {
            change(ch, wall);
        } else if (c instanceof RunTo r) {
            running = false;
            seeking = false;
            stepTarget = r.simMicros() > world.nowMicros() ? r.simMicros() : -1;
        } else if (c instanceof Summarize s) {
            s.result().complete(world.summary());
        } else if (c instanceof SampleTraces t) {
            run.sampleTraces(t.rate());
        } else if (c instanceof Seek s) {
            seekTo(s.simMicros());
        } else if (c instanceof Split sp) {
            split.set(sp.on());
        } else if (c instanceof Load l) {
            stepTarget = -1;
            seeking = false;
            base = l.scenario();
            message = "";
            failure = "";
            split.drop();
            restart(base);
            pacer.anchor(wall, 0);
        }
    }

    /** Pauses and moves to {@code target}: back by re-running both sides from t = 0, forward by running on. */
    private void seekTo(long target) {
        running = false;
        boolean back = target < run.world().nowMicros();
        seeking = target > (back ? 0 : run.world().nowMicros());
        stepTarget = seeking ? target : -1;
        if (back) {
            run.rewind();
            publishStart(run.runStart());
            split.rewindB();
        }
    }

    private void change(Change ch, long wall) {
        try {
            AbSplit.Outcome outcome = split.change(ch.path(), ch.value(), ch.side());
            message = outcome.message();
            if (outcome.restarts()) {
                stepTarget = -1;
                seeking = false;
                split.restart(outcome);
                publishStart(outcome.restartA());
                pacer.anchor(wall, 0);
            }
        } catch (IllegalArgumentException e) {
            message = e.getMessage();
        }
    }

    /** A new run of side A from t = 0 of {@code scenario}, with an empty control log. */
    private void restart(Scenario scenario) {
        run.restart(scenario);
        publishStart(scenario);
    }

    /** The status of a run that has just started at t = 0. */
    private void publishStart(Scenario scenario) {
        status = new LiveStatus(run.generation(), scenario, 0, running, pacer.speed(), 0, 0, false,
                message, failure, seeking ? stepTarget : -1, 0);
    }

    /**
     * Drops the run that filled the heap and starts afresh at t = 0, paused, saying why. If even that fails the
     * runner stops for good (close still works).
     */
    private void outOfMemory() {
        World world = run.world();
        long atMicros = world == null ? 0 : world.nowMicros();
        run.drop();
        split.drop();
        running = false;
        stepTarget = -1;
        System.gc();
        long maxMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        failure = "Out of memory at t = " + FieldDef.format(Math.round(atMicros / 1e5) / 10.0) + " s (heap limit "
                + maxMb + " MB): the run was stopped and reset. Bound the queue (queueCapacity), lower the load or "
                + "shed it, or start the app with more heap (e.g. -Xmx4g).";
        message = failure;
        try {
            restart(base);
        } catch (OutOfMemoryError again) {
            closed = true;
            status = new LiveStatus(run.generation(), base, 0, false, pacer.speed(), 0, 0, false, failure, failure,
                    -1, 0);
        }
    }
}
