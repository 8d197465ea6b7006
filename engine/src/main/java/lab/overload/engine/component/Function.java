package lab.overload.engine.component;

import java.util.SplittableRandom;
import lab.overload.engine.component.platform.InvokeDurations;
import lab.overload.engine.component.platform.Sandbox;
import lab.overload.engine.component.platform.ScalingBucket;
import lab.overload.engine.component.platform.ThrottleCause;
import lab.overload.engine.core.EventHandler;
import lab.overload.engine.core.Phase;
import lab.overload.engine.metrics.AttemptOutcome;
import lab.overload.engine.metrics.StageMetrics;
import lab.overload.engine.metrics.WorkClass;
import lab.overload.engine.operate.ReportLog;
import lab.overload.engine.policy.Sampler;
import lab.overload.models.scenario.FunctionSpec;
import lab.overload.models.scenario.Scenario;

/**
 * A function stage: its invokes run in sandboxes that each work on one invoke at a time, with the {@link Execution}
 * work model at fixed speed. An invoke within the limits ({@link Platform#admit}) is warm when an idle sandbox exists
 * (the one {@code reuse} chooses: the most recently used by default, so the others can expire) and cold otherwise: it
 * needs a whole token of the scaling-rate bucket and a worker-manager slot, then waits placement and init (ledger
 * class {@code init}) before its work. Work lasts the sampled duration times the memory slowdown times the request
 * size. The function timeout runs from the start of the invoke (after any init): at it the invoke is abandoned
 * (ABANDONED_BY_SERVER, answered with an error), in its dependency call or in its work. A refused invoke ends
 * THROTTLED at once with its cause. An idle sandbox expires {@code keepAliveSeconds} after its last invoke
 * ({@link SandboxExpiry}; provisioned ones never do, and are never evicted).
 *
 * <p>With its {@code dependency} enabled, an invoke's sandbox first calls it, as a service's worker does
 * ({@link Dependency}: the built-in model or another stage; busy, no CPU), then works; a failed or refused call answers
 * with an error without the work. A call still pending at the function timeout is cancelled: the built-in model's
 * call slot is freed at once, a called stage finishes its attempt with nobody waiting (wasted there). With
 * {@code initCallsDependency} a cold start's init calls it too, after placement and before the init time; a failed
 * or refused init call makes the waiting invoke answer with an error, without its own call or work (the sandbox
 * stays, initialised).
 *
 * <p>Random streams {@code functions/NAME/work}, {@code .../init}, {@code .../errors}, {@code .../dependency},
 * {@code .../reuse}. Metrics: its stage section (with the blocks of {@link FunctionSummary}), and
 * counters {@code functions.NAME.invokes}, {@code .invokesWarm}, {@code .invokesCold},
 * {@code .throttled<Cause>}; gauges {@code .concurrency}, {@code .concurrencyLimit} (its reservation, else the
 * account's unreserved pool), {@code .sandboxes}, {@code .sandboxesBusy},
 * {@code .sandboxesIdle}, {@code .sandboxesInitializing}, {@code .scalingBudget}.
 */
final class Function extends EventHandler implements Target, Reconfigurable, Execution.Site, Dependency.Owner {
    static final int INIT_DONE = 5;
    static final int EXPIRE = 6;
    static final int TIMEOUT = 7;
    static final int INIT_CALL = 8;

    final World world;
    final Platform platform;
    final int index;
    final int handlerId;
    FunctionSpec spec;
    final StageMetrics metrics;
    final FunctionLedger ledger;
    private final Execution execution;
    private final SplittableRandom work;
    private final SplittableRandom init;
    private final SplittableRandom errors;
    private final SplittableRandom reuse;
    private final ScalingBucket scaling;
    final Dependency dependency;
    private final SandboxPool pool;
    private final SandboxExpiry expiry;
    private final InvokeDurations durations = new InvokeDurations();
    /** Invokes in progress (initialising or busy sandboxes). */
    int concurrency;

    Function(World world, Platform platform, int index, FunctionSpec spec) {
        this.world = world;
        this.platform = platform;
        this.index = index;
        this.spec = spec;
        this.handlerId = world.sim.register(this);
        this.metrics = world.recorder.stage(spec.name(), "function", false, false);
        this.ledger = new FunctionLedger(world.recorder, "functions." + spec.name() + ".", world.scenario().warmupMicros());
        this.pool = new SandboxPool(ledger, platform.census, index);
        this.expiry = new SandboxExpiry(world.sim, handlerId, EXPIRE);
        String prefix = "functions/" + spec.name() + "/";
        work = world.streams.stream(prefix + "work");
        init = world.streams.stream(prefix + "init");
        errors = world.streams.stream(prefix + "errors");
        reuse = world.streams.stream(prefix + "reuse");
        scaling = new ScalingBucket(spec.scalingPerTenSeconds());
        dependency = new Dependency(this, world.streams.stream(prefix + "dependency"));
        dependency.ensureMetrics();
        execution = new Execution(this, world.sim, handlerId, 0, 0, 0, 0, 0);
        world.recorder.gauge("functions." + spec.name() + ".concurrency", () -> concurrency);
        world.recorder.gauge("functions." + spec.name() + ".concurrencyLimit", () -> capacity());
        world.recorder.gauge("functions." + spec.name() + ".scalingBudget",
                () -> scaling.available(world.sim.nowMicros()));
        metrics.detail(end -> FunctionSummary.blocks(stats(end), durations));
        for (int i = 0; i < spec.provisionedConcurrency(); i++) {
            int wm = platform.workerManagers.place(index);
            if (wm < 0) {
                break; // no slot left: the rest are not provisioned
            }
            pool.create(wm, Sandbox.IDLE, 0).provisioned = true;
        }
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public World world() {
        return world;
    }

    @Override
    public int handlerId() {
        return handlerId;
    }

    @Override
    public lab.overload.models.scenario.DependencySpec dependencySpec() {
        return spec.dependency();
    }

    @Override
    public String owner() {
        return "functions." + spec.name();
    }

    @Override
    public String stageName() {
        return spec.name();
    }

    /** The concurrency it can reach: its reservation, else the account's unreserved pool. */
    long capacity() {
        return spec.reservedConcurrency() > 0 ? spec.reservedConcurrency() : platform.unreservedPool();
    }

    @Override
    public void accept(Attempt a, long now) {
        a.stageMetrics = metrics;
        metrics.attemptArrived(a.measured);
        a.resetServerState();
        a.enqueuedMicros = now;
        ledger.invokes.add(world.recorder.measuring(now));
        ThrottleCause cause = platform.admit(this);
        if (cause == null) {
            Sandbox s = pool.take(spec.reuse(), reuse, now);
            if (s != null) {
                ledger.warm.add(world.recorder.measuring(now));
                s.coldInvoke = false;
                if (world.tracing()) { // the event's text is built only when someone listens
                    trace(a, "warm sandbox " + s.id);
                }
                platform.concurrencyChanged(this, 1);
                start(a, s, now);
                return;
            }
            cause = coldStart(a, now);
        }
        if (cause != null) {
            throttle(a, cause, now);
        }
    }

    /** Starts a cold invoke: placement and init, then its work; or the cause that refuses it. */
    private ThrottleCause coldStart(Attempt a, long now) {
        if (scaling.available(now) < 1) {
            return ThrottleCause.SCALING_RATE;
        }
        int wm = platform.place(this, now);
        if (wm < 0) {
            return ThrottleCause.CAPACITY;
        }
        scaling.tryTake(now);
        ledger.cold.add(world.recorder.measuring(now));
        Sandbox s = pool.create(wm, Sandbox.INITIALIZING, now);
        if (world.tracing()) {
            trace(a, "cold sandbox " + s.id + " wm" + wm);
        }
        platform.concurrencyChanged(this, 1);
        a.sandbox = s.id;
        s.initFailed = false;
        s.coldInvoke = true;
        long placementMicros = Math.round(platform.spec.placementMillis() * 1000);
        if (spec.initCallsDependency() && spec.dependency().enabled()) {
            world.sim.schedule(now + placementMicros, Phase.COMPLETION, handlerId, INIT_CALL, a.slot, a.token());
        } else {
            scheduleInitDone(a, now + placementMicros);
        }
        return null;
    }

    /** The init time runs from {@code fromMicros}; the invoke starts when it ends. */
    private void scheduleInitDone(Attempt a, long fromMicros) {
        long initMicros = Math.round(Sampler.sample(spec.initDistribution(), spec.initMillis() * 1000, 1, init));
        world.sim.schedule(fromMicros + initMicros, Phase.COMPLETION, handlerId, INIT_DONE, a.slot, a.token());
    }

    /** The sandbox takes the invoke: its dependency call first (when enabled), then its work. */
    private void start(Attempt a, Sandbox s, long now) {
        if (s.state != Sandbox.BUSY) {
            pool.enter(s, Sandbox.BUSY, now);
        }
        a.sandbox = s.id;
        a.state = Attempt.IN_SERVICE;
        a.startedMicros = now;
        boolean cold = now > a.enqueuedMicros;
        metrics.queueWait(a.clientMetrics, cold, now - a.enqueuedMicros, a.measured);
        execution.hold(a);
        metrics.busyChanged(now, 1);
        if (a.clientDone) {
            metrics.busyClientGoneChanged(now, 1);
        }
        s.timesOut = false;
        if (s.initFailed) {
            s.initFailed = false;
            a.depFailed = true;
            workDone(a, now);
            return;
        }
        if (spec.dependency().enabled()) {
            world.sim.schedule(now + timeoutMicros(), Phase.COMPLETION, handlerId, TIMEOUT, a.slot, a.token());
            execution.startCall(a); // before the call: a called stage may answer at once
            if (!dependency.call(a, now)) {
                execution.endCall(a);
                a.depFailed = true;
                workDone(a, now);
            }
            return;
        }
        beginWork(a, s, now);
    }

    /** The invoke's work: its duration, capped at what is left of the function timeout. */
    private void beginWork(Attempt a, Sandbox s, long now) {
        long w = Math.round(Sampler.sample(spec.durationDistribution(), spec.durationMillis() * 1000 * spec.cpuSlowdown(),
                spec.durationCv(), work) * a.size);
        long left = Math.max(0, timeoutMicros() - (now - a.startedMicros));
        s.timesOut = w > left;
        a.workMicros = Math.min(w, left);
        execution.beginWork(a, now);
    }

    private long timeoutMicros() {
        return Math.round(spec.timeoutMillis() * 1000);
    }

    @Override
    public void handle(int type, int a, long b) {
        long now = world.sim.nowMicros();
        if (type == EXPIRE) {
            if (expiry.due(pool.get(a), (int) b, now)) {
                remove(pool.get(a), now, "expired");
            }
            return;
        }
        Attempt at = world.attempts.get(a);
        if (!at.inUse || at.token() != b) {
            return;
        }
        Sandbox s = pool.get(at.sandbox);
        if (type == INIT_DONE) {
            metrics.work(WorkClass.INIT, now - s.sinceMicros, at.measured);
            start(at, s, now);
        } else if (type == INIT_CALL) {
            if (dependency.call(at, now)) {
                return; // the init goes on when the call ends
            }
            s.initFailed = true;
            scheduleInitDone(at, now);
        } else if (type == DEPENDENCY_DONE && s.state == Sandbox.INITIALIZING) {
            dependency.ended(at, now, false);
            s.initFailed = at.depFailed;
            at.depFailed = false;
            scheduleInitDone(at, now);
        } else if (type == TIMEOUT) {
            if (at.calling && !at.serverDone) { // still waiting on its call; in its work the work cap times it out
                execution.endCall(at);
                dependency.ended(at, now, true);
                at.epoch++; // a built-in call's end, still scheduled, finds it changed
                s.timesOut = true;
                workDone(at, now);
            }
        } else if (type == DEPENDENCY_DONE) {
            execution.endCall(at);
            dependency.ended(at, now, false);
            if (at.depFailed) {
                workDone(at, now);
            } else {
                beginWork(at, s, now);
            }
        } else {
            execution.fixedEvent(at, now);
        }
    }

    @Override
    public void workDone(Attempt a, long now) {
        execution.release(a);
        metrics.busyChanged(now, -1);
        if (a.clientDone) {
            metrics.busyClientGoneChanged(now, -1);
        }
        Sandbox s = pool.get(a.sandbox);
        boolean error = errors.nextDouble() < spec.errorProbability() || a.depFailed;
        long held = now - a.startedMicros;
        AttemptOutcome outcome = s.timesOut ? AttemptOutcome.ABANDONED_BY_SERVER : a.clientDone
                ? AttemptOutcome.COMPLETED_WASTED : error ? AttemptOutcome.COMPLETED_ERROR : AttemptOutcome.COMPLETED_USEFUL;
        WorkClass workClass = s.timesOut ? WorkClass.ABANDONED
                : outcome == AttemptOutcome.COMPLETED_USEFUL ? WorkClass.USEFUL : WorkClass.WASTED;
        ledger.workEnded(workClass, held);
        if (a.measured) {
            durations.record(s.coldInvoke, now - a.enqueuedMicros);
        }
        if (world.reports != null) {
            report(a, outcome, held, now);
        }
        platform.concurrencyChanged(this, -1);
        pool.finished(s, now);
        if (!s.provisioned) {
            expiry.idle(s, now, Math.round(spec.keepAliveSeconds() * 1e6));
        }
        end(a, outcome, workClass, held, now);
        if (!a.clientDone) {
            a.caller.onAnswer(a, outcome == AttemptOutcome.COMPLETED_USEFUL ? Caller.OK : Caller.ERROR, now);
        }
        world.releaseAttemptIfDone(a);
    }

    @Override
    public void rejectionDone(Attempt a, long now) {
        throw new IllegalStateException("a function rejects at no cost");
    }

    @Override
    public boolean atCheckpoint(Attempt a, long now) {
        return false; // a function has no checkpoints
    }

    private void throttle(Attempt a, ThrottleCause cause, long now) {
        ledger.throttled(cause, world.recorder.measuring(now));
        if (world.tracing()) {
            trace(a, "throttled " + cause.metricName());
        }
        end(a, AttemptOutcome.THROTTLED, WorkClass.REJECTION, 0, now);
        if (!a.clientDone) {
            a.caller.onAnswer(a, Caller.REJECTED, now);
        }
        world.releaseAttemptIfDone(a);
    }

    private void end(Attempt a, AttemptOutcome outcome, WorkClass workClass, long workMicros, long now) {
        a.serverDone = true;
        if (world.tracing()) {
            world.traces.attempt(Traces.clientOf(a), spec.name(), outcome.name(), outcome.name(), a);
        }
        if (a.clientMetrics != null && (outcome == AttemptOutcome.COMPLETED_USEFUL
                || outcome == AttemptOutcome.COMPLETED_WASTED || outcome == AttemptOutcome.COMPLETED_ERROR)) {
            world.recorder.attemptServed(now - a.sentMicros);
        }
        metrics.attemptEnded(a.clientMetrics, outcome, workClass, workMicros, a.measured, now, a.sentMicros);
    }

    /** The invoke's REPORT line: its duration from the start of its work, its init on a cold start. */
    private void report(Attempt a, AttemptOutcome outcome, long held, long now) {
        long init = a.startedMicros > a.enqueuedMicros
                ? Math.max(0, a.startedMicros - a.enqueuedMicros - world.placementMicros()) : -1;
        int status = outcome == AttemptOutcome.ABANDONED_BY_SERVER ? ReportLog.TIMEOUT
                : outcome == AttemptOutcome.COMPLETED_ERROR ? ReportLog.ERROR : ReportLog.OK;
        world.reports.add(spec.name(), a.requestId, now, held, spec.memoryMb(), init, status);
    }

    private void trace(Attempt a, String event) {
        if (world.tracing()) {
            world.traces.attempt(Traces.clientOf(a), spec.name(), event, null, a);
        }
    }

    /** The least recently used idle sandbox that may be evicted (not provisioned), or null. */
    Sandbox evictable() {
        return pool.evictable();
    }

    /** An idle sandbox goes (expired, or evicted to make room): its slot is freed. */
    void remove(Sandbox s, long now, String why) {
        pool.remove(s, now);
        platform.workerManagers.release(s.workerManager);
        if (world.tracing()) {
            world.traces.stage(spec.name(), "sandbox " + s.id + " " + why + " wm" + s.workerManager);
        }
    }

    @Override
    public void reconfigure(Scenario next, long nowMicros) {
        spec = next.function(spec.name());
        dependency.ensureMetrics();
        scaling.reconfigure(spec.scalingPerTenSeconds(), nowMicros);
        platform.recount(next, nowMicros);
    }

    /** Its counts and levels now (measured period), with the run's sandbox-seconds by class. */
    FunctionStats stats(long now) {
        return ledger.stats(spec.name(), now, pool.inProgressMicros(now),
                pool.byWorkerManager(platform.workerManagers.count()));
    }
}
