package lab.overload.engine.component;

import java.util.Arrays;
import lab.overload.engine.component.async.Lane;
import lab.overload.engine.component.async.LaneChoice;
import lab.overload.engine.component.async.LaneSampler;
import lab.overload.engine.component.async.QueueStats;
import lab.overload.engine.component.async.TakenAges;
import lab.overload.engine.core.EventHandler;
import lab.overload.engine.core.Phase;
import lab.overload.engine.core.Simulation;
import lab.overload.engine.metrics.AttemptOutcome;
import lab.overload.engine.metrics.Counter;
import lab.overload.engine.metrics.StageMetrics;
import lab.overload.engine.metrics.WorkClass;
import lab.overload.models.scenario.Discipline;
import lab.overload.models.scenario.QueueSpec;
import lab.overload.models.scenario.Scenario;

/**
 * A queue stage (asynchronous invocation): a producer's attempt ends at once, accepted (its message joins a lane) or
 * refused by backpressure (THROTTLED, answered as a rejection the producer may retry). Pollers, {@code pollersPerLane}
 * per lane, each take one message at a time in the lane's discipline, drop it when it is older than the time to live
 * ({@code EXPIRED}), or invoke the target with it synchronously and wait for the answer (processed, or failed to the
 * dead-letter count). A poll of an empty lane costs {@code pollCostMillis} before the next one; with no cost the
 * poller waits until a message arrives. Lanes and hands come from {@link LaneChoice}. The order inside a lane
 * (FIFO, LIFO, PRIORITY by the producer's class, and the low-priority queue of demoted messages) is {@link Lane}'s;
 * with a surge depth, a message finding its lane that deep joins the surge lane instead (the last of {@code lanes}),
 * which has {@code surgePollers} pollers of its own.
 *
 * <p>Metrics: the stage section counts the producers' attempts (accepted ones complete with no work); the messages are
 * in {@link QueueStats}, and per interval in counters {@code queues.NAME.enqueued}, {@code .processed},
 * {@code .expired}, {@code .deadLettered}, {@code .throttled}, {@code .emptyPolls}, {@code .demoted},
 * {@code .spilled} and gauges {@code .inQueue},
 * {@code .oldestAgeMillis}, {@code .ageMillis} (mean age of the messages taken in the interval, NaN when none was) and
 * {@code .impactedTenants} (tenants with a message taken or waiting older than 1 s in the last whole second), and
 * the ages by class and of the surge lane of {@link TakenAges}.
 */
final class QueueStage extends EventHandler implements Target, Caller, Reconfigurable {
    private static final int POLL = 0;
    private static final int SECOND = 1;
    /** A tenant is impacted in a second in which one of its messages is taken older than this. */
    static final long IMPACT_AGE_MICROS = 1_000_000;
    private static final int PARKED = 0;
    private static final int POLLING = 1;
    private static final int BUSY = 2;

    private final World world;
    QueueSpec spec;
    private final int handlerId;
    final StageMetrics metrics;
    final QueueStats stats;
    final LaneChoice choice;
    final Lane[] lanes;
    private final int pollersPerLane;
    private Target target;
    private final LaneSampler sampler;
    private final int[] pollerState;
    private final long[] pollerEnqueued;
    private final int[] pollerTenant;
    /** By lane: the parked pollers (a stack), at {@code lane * pollersPerLane}. */
    private final int[] parked;
    private final int[] parkedCount;
    /** By attempt slot: the poller waiting for it. */
    private int[] pollerBySlot = new int[64];
    private final Counter enqueuedCount;
    private final Counter processedCount;
    private final Counter expiredCount;
    private final Counter deadLetteredCount;
    private final Counter throttledCount;
    private final Counter emptyPollCount;
    private final Counter demotedCount;
    private final Counter spilledCount;
    /** The surge lane's index in {@code lanes}, or -1 without a surge queue; its pollers follow the lanes' pollers. */
    private final int surgeLane;
    private final int mainPollers;
    private final TakenAges takenAges;

    QueueStage(World world, QueueSpec spec, int tenants) {
        this.world = world;
        this.spec = spec;
        this.handlerId = world.sim.register(this);
        this.metrics = world.recorder.stage(spec.name(), "queue", false, false);
        this.choice = new LaneChoice(spec, tenants, world.streams.stream("queues/" + spec.name() + "/hands"));
        this.stats = new QueueStats(tenants, world.scenario().warmupMicros(), IMPACT_AGE_MICROS);
        this.surgeLane = spec.surgeDepth() > 0 ? choice.laneCount() : -1;
        this.lanes = new Lane[choice.laneCount() + (surgeLane >= 0 ? 1 : 0)];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new Lane();
        }
        this.pollersPerLane = spec.pollersPerLane();
        this.mainPollers = choice.laneCount() * pollersPerLane;
        int pollers = mainPollers + (surgeLane >= 0 ? spec.surgePollers() : 0);
        pollerState = new int[pollers];
        pollerEnqueued = new long[pollers];
        pollerTenant = new int[pollers];
        parked = new int[pollers];
        parkedCount = new int[lanes.length];
        String p = "queues." + spec.name() + ".";
        enqueuedCount = world.recorder.counter(p + "enqueued");
        processedCount = world.recorder.counter(p + "processed");
        expiredCount = world.recorder.counter(p + "expired");
        deadLetteredCount = world.recorder.counter(p + "deadLettered");
        throttledCount = world.recorder.counter(p + "throttled");
        emptyPollCount = world.recorder.counter(p + "emptyPolls");
        demotedCount = world.recorder.counter(p + "demoted");
        spilledCount = world.recorder.counter(p + "spilled");
        world.recorder.gauge(p + "inQueue", stats::backlog);
        world.recorder.gauge(p + "oldestAgeMillis", () -> oldestAgeMillis(world.sim.nowMicros()));
        world.recorder.gauge(p + "ageMillis", stats::takeIntervalAgeMeanMillis);
        world.recorder.gauge(p + "impactedTenants", stats::impactedLastSecond);
        metrics.detail(this::summaryBlocks);
        takenAges = new TakenAges(world.recorder, world.scenario(), spec.name(), surge());
        this.sampler = new LaneSampler(spec.name(), lanes, choice, stats);
        world.recorder.lanes(spec.name(), () -> sampler.sample(world.sim.nowMicros(), world.scenario()));
    }

    /** Connects the target stage and starts the pollers (each polls once at time 0) and the per-second seal. */
    void connect(Target stage) {
        this.target = stage;
        for (int p = 0; p < pollerState.length; p++) {
            pollerState[p] = POLLING;
            world.sim.schedule(0, Phase.ARRIVAL, handlerId, POLL, p, 0);
        }
        world.sim.schedule(1_000_000, Phase.SEAL, handlerId, SECOND, 0, 0);
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public void accept(Attempt a, long now) {
        a.stageMetrics = metrics;
        metrics.attemptArrived(a.measured);
        int tenant = a.request == null ? 0 : Math.min(a.request.tenant, stats.tenants() - 1);
        int lane = choice.lane(tenant, lanes);
        boolean spill = surgeLane >= 0 && lanes[lane].size() >= spec.surgeDepth();
        if (spill) {
            lane = surgeLane;
        }
        boolean refused = spec.backpressureDepth() > 0 && lanes[lane].size() >= spec.backpressureDepth();
        if (refused) {
            stats.throttled(tenant, now);
            throttledCount.add(world.recorder.measuring(now));
        } else {
            lanes[lane].add(now, tenant, a.size, a.requestId, a.priorityClass);
            stats.enqueued(tenant, now);
            enqueuedCount.add(world.recorder.measuring(now));
            if (spill) {
                stats.spilled(now);
                spilledCount.add(world.recorder.measuring(now));
            }
        }
        a.serverDone = true;
        AttemptOutcome outcome = refused ? AttemptOutcome.THROTTLED : AttemptOutcome.COMPLETED_USEFUL;
        if (world.tracing()) {
            world.trace(World.clientOf(a), spec.name(), refused ? "throttled" : "enqueued lane " + lane,
                    outcome.name(), a);
        }
        metrics.attemptEnded(a.clientMetrics, outcome, refused ? WorkClass.REJECTION : WorkClass.USEFUL, 0,
                a.measured, now);
        if (!a.clientDone) {
            a.caller.onAnswer(a, refused ? Caller.REJECTED : Caller.OK, now);
        }
        world.releaseAttemptIfDone(a);
        if (!refused && parkedCount[lane] > 0) {
            int p = parked[parkBase(lane) + --parkedCount[lane]];
            pollerState[p] = POLLING;
            world.sim.schedule(now, Phase.ARRIVAL, handlerId, POLL, p, 0);
        }
    }

    @Override
    public void handle(int type, int a, long b) {
        long now = world.sim.nowMicros();
        if (type == POLL) {
            poll(a, now);
        } else if (type == SECOND) {
            sealSecond(now);
            world.sim.schedule(now + 1_000_000, Phase.SEAL, handlerId, SECOND, 0, 0);
        } else {
            throw new IllegalStateException("event type " + type);
        }
    }

    /** Poller {@code p} polls its lane now: it drops expired messages, then takes one, or finds none. */
    private void poll(int p, long now) {
        Lane lane = lanes[laneOf(p)];
        long ttlMicros = Math.round(spec.ttlSeconds() * 1e6);
        long demoteMicros = Math.round(spec.demoteAfterSeconds() * 1e6);
        if (demoteMicros > 0) {
            for (int n = lane.demoteEnqueuedBefore(now - demoteMicros, stats); n > 0; n--) {
                demotedCount.add(world.recorder.measuring(now));
            }
        }
        Discipline discipline = spec.discipline();
        while (lane.size() > 0) {
            int at = lane.take(discipline);
            long enqueued = lane.enqueuedMicros(at);
            int tenant = lane.tenant(at);
            stats.left(now);
            if (ttlMicros > 0 && now - enqueued > ttlMicros) {
                stats.expired(tenant, enqueued);
                expiredCount.add(world.recorder.measuring(now));
                continue;
            }
            stats.started(tenant, enqueued, now);
            takenAges.taken(lane.priorityClass(at), lane == surge(), now - enqueued);
            invoke(p, lane, at, now);
            return;
        }
        stats.emptyPoll(now);
        emptyPollCount.add(world.recorder.measuring(now));
        long costMicros = Math.round(spec.pollCostMillis() * 1000);
        if (costMicros > 0) {
            world.sim.schedule(now + costMicros, Phase.ARRIVAL, handlerId, POLL, p, 0);
        } else {
            int l = laneOf(p);
            pollerState[p] = PARKED;
            parked[parkBase(l) + parkedCount[l]++] = p;
        }
    }

    /** The lane poller {@code p} polls: the lanes' pollers by lane, then the surge lane's. */
    private int laneOf(int p) {
        return p < mainPollers ? p / pollersPerLane : surgeLane;
    }

    private Lane surge() {
        return surgeLane >= 0 ? lanes[surgeLane] : null;
    }

    /** Where lane {@code l}'s parked pollers start in {@code parked}. */
    private int parkBase(int l) {
        return l == surgeLane ? mainPollers : l * pollersPerLane;
    }

    private void invoke(int p, Lane lane, int at, long now) {
        Attempt c = world.takeAttempt();
        c.onward = true;
        c.parent = null;
        c.child = null;
        c.caller = this;
        c.clientMetrics = null;
        c.request = null;
        c.size = lane.size(at);
        c.requestId = lane.requestId(at);
        c.priorityClass = lane.priorityClass(at);
        c.number = 1;
        c.retry = false;
        c.measured = world.recorder.measuring(now);
        c.sentMicros = now;
        c.deadlineMicros = Long.MAX_VALUE;
        c.timeoutHandle = Simulation.NO_HANDLE;
        pollerState[p] = BUSY;
        pollerEnqueued[p] = lane.enqueuedMicros(at);
        pollerTenant[p] = lane.tenant(at);
        if (c.slot >= pollerBySlot.length) {
            pollerBySlot = Arrays.copyOf(pollerBySlot, Math.max(c.slot + 1, pollerBySlot.length * 2));
        }
        pollerBySlot[c.slot] = p;
        if (world.tracing()) {
            world.trace(null, spec.name(), "invoke " + target.name(), null, c);
        }
        target.accept(c, now);
    }

    /** The target answered a poller's invocation; the poller polls again by an event now (never from inside it). */
    @Override
    public void onAnswer(Attempt c, int answer, long now) {
        c.clientDone = true;
        int p = pollerBySlot[c.slot];
        world.releaseAttemptIfDone(c);
        boolean ok = answer == OK;
        stats.finished(pollerTenant[p], pollerEnqueued[p], ok);
        (ok ? processedCount : deadLetteredCount).add(world.recorder.measuring(now));
        pollerState[p] = POLLING;
        world.sim.schedule(now, Phase.COMPLETION, handlerId, POLL, p, 0);
    }

    /**
     * Seals a second of per-tenant ages: messages still waiting older than the impact age count (only they are
     * visited).
     */
    private void sealSecond(long now) {
        for (Lane l : lanes) {
            l.reportOlderThan(now, IMPACT_AGE_MICROS, stats);
        }
        stats.sealSecond(now);
        sampler.secondSealed();
    }

    /** The age of the oldest message waiting in any lane, in ms; 0 when none waits. */
    double oldestAgeMillis(long now) {
        long oldest = Long.MAX_VALUE;
        for (Lane l : lanes) {
            if (l.size() > 0) {
                oldest = Math.min(oldest, l.oldestMicros());
            }
        }
        return oldest == Long.MAX_VALUE ? 0 : (now - oldest) / 1000.0;
    }

    /** The queue's blocks of {@code byStage.NAME} at the end of a run. */
    private java.util.Map<String, Object> summaryBlocks(long endMicros) {
        return summary(endMicros).toMap();
    }

    /** The messages over the measured period, those still waiting and in service counted from the lanes. */
    lab.overload.engine.component.async.QueueSummary summary(long endMicros) {
        long[] live = cohortInQueueAndService(world.scenario().warmupMicros());
        return stats.summary(endMicros, live[0], live[1]);
    }

    /** Messages of the measured cohort still waiting, and those a poller is working on. */
    long[] cohortInQueueAndService(long warmupMicros) {
        long queued = 0;
        for (Lane l : lanes) {
            for (int k = 0; k < l.size(); k++) {
                if (l.enqueuedMicros(l.position(k)) >= warmupMicros) {
                    queued++;
                }
            }
        }
        long busy = 0;
        for (int p = 0; p < pollerState.length; p++) {
            if (pollerState[p] == BUSY && pollerEnqueued[p] >= warmupMicros) {
                busy++;
            }
        }
        return new long[] {queued, busy};
    }

    @Override
    public void reconfigure(Scenario next, long nowMicros) {
        spec = next.queue(spec.name()); // discipline, TTL, demotion, poll cost and backpressure apply from now
    }
}
