package lab.overload.engine.component;

import lab.overload.engine.component.async.AsyncRetries;
import lab.overload.engine.component.async.Lane;
import lab.overload.engine.component.async.LaneChoice;
import lab.overload.engine.component.async.LaneSampler;
import lab.overload.engine.component.async.LaneScan;
import lab.overload.engine.component.async.LaneTotals;
import lab.overload.engine.component.async.PollerPool;
import lab.overload.engine.component.async.QueueBlocks;
import lab.overload.engine.component.async.QueuePollers;
import lab.overload.engine.component.async.QueueStats;
import lab.overload.engine.component.async.TakenAges;
import lab.overload.engine.core.EventHandler;
import lab.overload.engine.core.Phase;
import lab.overload.engine.core.Simulation;
import lab.overload.engine.metrics.AttemptOutcome;
import lab.overload.engine.metrics.StageMetrics;
import lab.overload.engine.metrics.WorkClass;
import lab.overload.models.scenario.QueueSpec;
import lab.overload.models.scenario.Scenario;

/**
 * A queue stage (asynchronous invocation): a producer's attempt ends at once, accepted (its message joins a lane) or
 * refused by backpressure (THROTTLED, answered as a rejection the producer may retry). Pollers, {@code pollersPerLane}
 * per lane, each take one message at a time in the lane's discipline, drop it when it is older than the time to live
 * ({@code EXPIRED}), or invoke the target with it synchronously and wait for the answer (processed; or failed or
 * throttled, and then retried after a delay, dead-lettered or expired by {@link AsyncRetries}). A poll of an empty
 * lane costs {@code pollCostMillis} before the next one; with no cost the poller waits until a message arrives. Lanes
 * and hands come from {@link LaneChoice}, the pollers from {@link QueuePollers}. The order inside a lane (FIFO, LIFO,
 * PRIORITY by the producer's class, and the low-priority queue of demoted messages) is {@link Lane}'s; a retried
 * message keeps its class. With a surge depth, a message finding its lane that deep joins the surge lane instead (the
 * last of {@code lanes}), which has {@code surgePollers} pollers of its own (a pool of one lane; they neither scale
 * nor poll other lanes).
 *
 * <p>Metrics: the stage section counts the producers' attempts (accepted ones complete with no work); the messages are
 * in {@link QueueStats}, and per interval in {@link QueueCounters} and gauges {@code queues.NAME.inQueue},
 * {@code .oldestAgeMillis}, {@code .ageMillis} (mean age of the messages taken in the interval, NaN when none was),
 * {@code .impactedTenants} (tenants with a message taken or waiting older than {@code impactAgeMillis} in the last
 * whole second), {@code .pollers}, and the ages by class and of the surge lane of {@link TakenAges}.
 */
final class QueueStage extends EventHandler implements Target, Caller, Reconfigurable {
    private static final int POLL = 0;
    private static final int SECOND = 1;
    private static final int REJOIN = 2;

    private final World world;
    QueueSpec spec;
    private final int handlerId;
    final StageMetrics metrics;
    final QueueStats stats;
    final LaneChoice choice;
    final Lane[] lanes;
    private Target target;
    private final LaneSampler sampler;
    /** The lanes' and the surge lane's pollers; events name a poller by its code. */
    final QueuePollers pollers;
    /** The surge lane's index in {@code lanes}, or -1 without a surge queue. */
    private final int surgeLane;
    private final AsyncRetries retries = new AsyncRetries();
    private final LaneTotals laneTotals;
    private final TakenAges takenAges;
    private final long impactAgeMicros;
    private final QueueCounters counts;
    private final QueueTraces traces;
    /**
     * Calendar rings for the polls due now: a woken poller's ({@code ARRIVAL} phase) and a poller's next poll after an
     * answer ({@code COMPLETION} phase). Their times never fall, so each costs O(1) instead of a trip through the
     * calendar's heap; the calendar delivers them in exactly the heap's (time, phase, sequence) order either way.
     */
    private final int wakeRing;
    private final int answerRing;

    QueueStage(World world, QueueSpec spec, int tenants) {
        this.world = world;
        this.spec = spec;
        this.handlerId = world.sim.register(this);
        this.wakeRing = world.sim.newTimerRing();
        this.answerRing = world.sim.newTimerRing();
        this.metrics = world.recorder.stage(spec.name(), "queue", false, false);
        metrics.responseIsMessageAge();
        this.traces = new QueueTraces(world, spec.name());
        this.choice = new LaneChoice(spec, tenants, world.streams.stream("queues/" + spec.name() + "/hands"));
        this.impactAgeMicros = Math.round(spec.impactAgeMillis() * 1000);
        this.stats = new QueueStats(tenants, world.scenario().warmupMicros(), impactAgeMicros);
        this.surgeLane = spec.surgeDepth() > 0 ? choice.laneCount() : -1;
        this.lanes = new Lane[choice.laneCount() + (surgeLane >= 0 ? 1 : 0)];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new Lane();
        }
        this.laneTotals = new LaneTotals(lanes.length, world.scenario().warmupMicros());
        this.pollers = new QueuePollers(spec, choice, surgeLane);
        String p = "queues." + spec.name() + ".";
        counts = new QueueCounters(world.recorder, p);
        world.recorder.gauge(p + "inQueue", stats::backlog);
        world.recorder.gauge(p + "oldestAgeMillis", () -> oldestAgeMillis(world.sim.nowMicros()));
        world.recorder.gauge(p + "ageMillis", stats::takeIntervalAgeMeanMillis);
        world.recorder.gauge(p + "impactedTenants", stats::impactedLastSecond);
        world.recorder.gauge(p + "pollers", pollers.lanes::activeTotal);
        metrics.detail(this::summaryBlocks);
        Lane surge = surgeLane >= 0 ? lanes[surgeLane] : null;
        takenAges = new TakenAges(world.recorder, world.scenario(), spec.name(), surge);
        this.sampler = new LaneSampler(spec.name(), lanes, choice, stats, laneTotals);
        world.recorder.lanes(spec.name(), () -> sampler.sample(world.sim.nowMicros(), world.scenario()));
    }

    /**
     * Connects the target stage and starts the pollers (each of the lanes' first {@code pollersPerLane} polls once at
     * time 0, lane by lane, then the surge lane's) and the per-second seal.
     */
    void connect(Target stage) {
        this.target = stage;
        pollers.startAll(code -> startPoller(code, 0));
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
        int lane = spill(choice.lane(tenant, lanes));
        boolean refused = spec.backpressureDepth() > 0 && lanes[lane].size() >= spec.backpressureDepth();
        if (refused) {
            choice.taken(tenant);
            stats.throttled(tenant, now);
            counts.throttled.add(world.recorder.measuring(now));
        } else {
            join(lane, tenant, a.size, a.requestId, a.priorityClass, now);
            stats.enqueued(tenant, now);
            counts.enqueued.add(world.recorder.measuring(now));
        }
        a.serverDone = true;
        AttemptOutcome outcome = refused ? AttemptOutcome.THROTTLED : AttemptOutcome.COMPLETED_USEFUL;
        if (world.tracing()) {
            world.traces.attempt(Traces.clientOf(a), spec.name(), refused ? "throttled" : "enqueued lane " + lane,
                    outcome.name(), a);
        }
        metrics.attemptEnded(a.clientMetrics, outcome, refused ? WorkClass.REJECTION : WorkClass.USEFUL, 0,
                a.measured, now, now);
        if (!a.clientDone) {
            a.caller.onAnswer(a, refused ? Caller.REJECTED : Caller.OK, now);
        }
        world.releaseAttemptIfDone(a);
        if (!refused) {
            wakeOne(lane, now);
        }
    }

    /** The lane a message chosen for {@code lane} joins: the surge lane when that lane holds {@code surgeDepth}. */
    private int spill(int lane) {
        return surgeLane >= 0 && lanes[lane].size() >= spec.surgeDepth() ? surgeLane : lane;
    }

    /** A message joins the lane's tail now (counted as spilled when that is the surge lane). */
    private void join(int lane, int tenant, double size, long laneRequestId, int priorityClass, long now) {
        lanes[lane].add(now, tenant, size, laneRequestId, priorityClass);
        laneTotals.joined(lane, lanes[lane].size(), now);
        if (lane == surgeLane) {
            stats.spilled(now);
            counts.spilled.add(world.recorder.measuring(now));
        }
    }

    /** A message joined the lane: one of its parked pollers, if any, polls now. */
    private void wakeOne(int lane, long now) {
        startPoller(pollers.wake(lane), now);
    }

    /** Poller {@code code} (none at {@link QueuePollers#NONE}) polls at {@code atMicros}. */
    private void startPoller(int code, long atMicros) {
        if (code != QueuePollers.NONE) {
            world.sim.scheduleInOrder(wakeRing, atMicros, Phase.ARRIVAL, handlerId, POLL, code, 0);
        }
    }

    /** A retried message's delay ended: it rejoins a lane of its tenant at the tail with its class (its age still
     *  counts from its first enqueue). */
    private void rejoin(int slot, long now) {
        retries.rejoin(slot);
        int tenant = retries.tenant(slot);
        int lane = spill(choice.lane(tenant, lanes));
        join(lane, tenant, retries.size(slot), AsyncRetries.laneId(slot), retries.priorityClass(slot), now);
        stats.rejoined(now);
        if (world.tracing()) {
            traces.event("rejoined lane " + lane, retries.requestId(slot), now);
        }
        wakeOne(lane, now);
    }

    @Override
    public void handle(int type, int a, long b) {
        long now = world.sim.nowMicros();
        if (type == POLL) {
            poll(a, now);
        } else if (type == SECOND) {
            sealSecond(now);
            world.sim.schedule(now + 1_000_000, Phase.SEAL, handlerId, SECOND, 0, 0);
        } else if (type == REJOIN) {
            rejoin(a, now);
        } else {
            throw new IllegalStateException("event type " + type);
        }
    }

    /** The lane poller {@code code} takes from now (an index of {@code lanes}): the surge lane for its pollers, else
     *  by {@link LaneChoice}. */
    private int laneFor(int code) {
        int index = pollers.takeLane(code, lanes);
        Lane lane = lanes[index];
        long demoteMicros = Math.round(spec.demoteAfterSeconds() * 1e6);
        if (demoteMicros > 0 && lane.size() > 0) {
            long now = world.sim.nowMicros();
            for (int n = lane.demoteEnqueuedBefore(now - demoteMicros, stats); n > 0; n--) {
                counts.demoted.add(world.recorder.measuring(now));
            }
        }
        return index;
    }

    /**
     * Poller {@code code} polls its lane now: it demotes the messages older than {@code demoteAfterSeconds}, drops
     * expired messages, then takes one in the lane's discipline, or finds none.
     */
    private void poll(int code, long now) {
        PollerPool pool = pollers.pool(code);
        int p = QueuePollers.index(code);
        if (!pool.stillActive(p)) {
            return;
        }
        long ttlMicros = Math.round(spec.ttlSeconds() * 1e6);
        Lane lane;
        int index;
        while ((lane = lanes[index = laneFor(code)]).size() > 0) {
            int at = lane.take(spec.discipline());
            int slot = AsyncRetries.slotOf(lane.requestId(at));
            long enqueued = slot < 0 ? lane.enqueuedMicros(at) : retries.firstMicros(slot);
            int tenant = lane.tenant(at);
            choice.taken(tenant);
            stats.left(now);
            if (ttlMicros > 0 && now - enqueued > ttlMicros) {
                stats.expired(tenant, enqueued);
                counts.expired.add(world.recorder.measuring(now));
                if (world.tracing()) {
                    traces.event("expired", slot < 0 ? lane.requestId(at) : retries.requestId(slot), now);
                }
                if (slot >= 0) {
                    retries.close(slot);
                }
                continue;
            }
            stats.started(tenant, enqueued, now);
            takenAges.taken(lane.priorityClass(at), code < 0, now - enqueued);
            metrics.messageTaken(now - enqueued, now);
            invoke(code, lane, index, at, slot, enqueued, now);
            return;
        }
        laneTotals.emptyPoll(index, now);
        stats.emptyPoll(now);
        pool.emptyPoll(p);
        counts.emptyPolls.add(world.recorder.measuring(now));
        long costMicros = Math.round(spec.pollCostMillis() * 1000);
        if (costMicros > 0) {
            world.sim.schedule(now + costMicros, Phase.ARRIVAL, handlerId, POLL, code, 0);
        } else {
            pool.park(p);
        }
    }

    private void invoke(int code, Lane lane, int index, int at, int slot, long enqueued, long now) {
        Attempt c = world.takeAttempt();
        c.onward = true;
        c.parent = null;
        c.child = null;
        c.caller = this;
        c.clientMetrics = null;
        c.request = null;
        c.size = lane.size(at);
        c.requestId = slot < 0 ? lane.requestId(at) : retries.requestId(slot);
        c.priorityClass = lane.priorityClass(at);
        c.number = 1;
        c.retry = false;
        c.measured = world.recorder.measuring(now);
        c.sentMicros = now;
        c.deadlineMicros = Long.MAX_VALUE;
        c.timeoutHandle = Simulation.NO_HANDLE;
        pollers.pool(code).busy(QueuePollers.index(code), enqueued, lane.tenant(at), slot, index);
        laneTotals.busy(index, 1, now);
        pollers.invoked(c.slot, code);
        if (world.tracing()) {
            world.traces.attempt(null, spec.name(), "invoke " + target.name(), null, c);
        }
        target.accept(c, now);
    }

    /**
     * The target answered a poller's invocation: the message is processed, or (failed or throttled) retried after its
     * delay, dead-lettered or expired by {@link AsyncRetries}. The poller polls again by an event (never from inside
     * the answer): now, or after a throttle the message's own backoff for the poller's consecutive throttles.
     */
    @Override
    public void onAnswer(Attempt c, int answer, long now) {
        c.clientDone = true;
        int code = pollers.invoking(c.slot);
        PollerPool pool = pollers.pool(code);
        int p = QueuePollers.index(code);
        double size = c.size;
        long requestId = c.requestId;
        int priorityClass = c.priorityClass;
        world.releaseAttemptIfDone(c);
        int tenant = pool.tenant(p);
        long first = pool.enqueuedMicros(p);
        int slot = pool.retrySlot(p);
        int throttles = pool.answered(p, answer == REJECTED);
        laneTotals.busy(pool.fromLane(p), -1, now);
        boolean measuring = world.recorder.measuring(now);
        if (answer == OK) {
            stats.finished(tenant, first, true);
            counts.processed.add(measuring);
            if (world.tracing()) {
                traces.processed(requestId);
            }
            if (slot >= 0) {
                retries.close(slot);
            }
        } else {
            slot = slot >= 0 ? slot : retries.open(first, tenant, size, requestId, priorityClass);
            int decision = retries.answered(slot, answer == REJECTED, now, spec.asyncRetry());
            if (decision == AsyncRetries.RETRY) {
                counts.retried.add(measuring);
                world.sim.schedule(retries.dueMicros(slot), Phase.ARRIVAL, handlerId, REJOIN, slot, 0);
            } else {
                if (decision == AsyncRetries.DEAD_LETTER) {
                    stats.finished(tenant, first, false);
                    counts.deadLettered.add(measuring);
                } else {
                    stats.expired(tenant, first);
                    counts.expired.add(measuring);
                }
                retries.close(slot);
            }
            if (world.tracing()) {
                traces.event(decision == AsyncRetries.RETRY ? "retry at "
                        + retries.dueMicros(slot) / 1e6 : decision == AsyncRetries.DEAD_LETTER ? "dead-lettered"
                        : "expired", requestId, decision == AsyncRetries.RETRY ? retries.dueMicros(slot) : now);
            }
        }
        pool.polling(p);
        long backoff = throttles == 0 ? 0 : spec.asyncRetry().throttleBackoffMicros(throttles);
        world.sim.scheduleInOrder(answerRing, now + backoff, Phase.COMPLETION, handlerId, POLL, code, 0);
    }

    /**
     * Seals a second: per-tenant ages of the messages still waiting older than the impact age, AUTO_ISOLATE's rates,
     * and the scaling step of each lane's pollers (the surge lane's do not scale).
     */
    private void sealSecond(long now) {
        LaneScan.sealWaiting(lanes, stats, impactAgeMicros, now);
        stats.sealSecond(now);
        sampler.secondSealed();
        choice.sealSecond();
        pollers.scale(lanes, code -> startPoller(code, now));
    }

    /** The age of the oldest message waiting in any lane, in ms; 0 when none waits. */
    double oldestAgeMillis(long now) {
        return LaneScan.oldestAgeMillis(lanes, now);
    }

    /** The queue's blocks of {@code byStage.NAME} at the end of a run. */
    private java.util.Map<String, Object> summaryBlocks(long endMicros) {
        laneTotals.advanceTo(endMicros);
        return QueueBlocks.of(summary(endMicros), stats, choice, laneTotals, lanes, spec.impactAgeMillis());
    }

    /** The messages over the measured period, those still waiting, in service and in retry counted live. */
    lab.overload.engine.component.async.QueueSummary summary(long endMicros) {
        long warmupMicros = world.scenario().warmupMicros();
        return stats.summary(endMicros, LaneScan.cohortWaiting(lanes, retries, warmupMicros),
                pollers.busySince(warmupMicros),
                retries.inRetry(warmupMicros));
    }

    @Override
    public void reconfigure(Scenario next, long nowMicros) {
        spec = next.queue(spec.name()); // discipline, TTL, demotion, poll cost and backpressure apply from now
        choice.tune(spec);
        pollers.limits(spec.pollersPerLane(), spec.maxPollersPerLane(), code -> startPoller(code, nowMicros));
    }
}
