package lab.overload.engine.component;

import java.util.Arrays;
import lab.overload.engine.component.async.AsyncRetries;
import lab.overload.engine.component.async.Lane;
import lab.overload.engine.component.async.LaneChoice;
import lab.overload.engine.component.async.LaneScan;
import lab.overload.engine.component.async.LaneTotals;
import lab.overload.engine.component.async.QueueBlocks;
import lab.overload.engine.component.async.LaneSampler;
import lab.overload.engine.component.async.PollerPool;
import lab.overload.engine.component.async.QueueStats;
import lab.overload.engine.core.EventHandler;
import lab.overload.engine.core.Phase;
import lab.overload.engine.core.Simulation;
import lab.overload.engine.metrics.AttemptOutcome;
import lab.overload.engine.metrics.StageMetrics;
import lab.overload.engine.metrics.WorkClass;
import lab.overload.models.scenario.Discipline;
import lab.overload.models.scenario.QueueSpec;
import lab.overload.models.scenario.Scenario;

/**
 * A queue stage (asynchronous invocation): a producer's attempt ends at once, accepted (its message joins a lane) or
 * refused by backpressure (THROTTLED, answered as a rejection the producer may retry). Pollers, {@code pollersPerLane}
 * per lane, each take one message at a time in the lane's discipline, drop it when it is older than the time to live
 * ({@code EXPIRED}), or invoke the target with it synchronously and wait for the answer (processed; or failed or
 * throttled, and then retried after a delay, dead-lettered or expired by {@link AsyncRetries}). A poll of an empty lane costs {@code pollCostMillis} before the next one; with no cost the
 * poller waits until a message arrives. Lanes and hands come from {@link LaneChoice}.
 *
 * <p>Metrics: the stage section counts the producers' attempts (accepted ones complete with no work); the messages are
 * in {@link QueueStats}, and per interval in counters {@code queues.NAME.enqueued}, {@code .processed},
 * {@code .expired}, {@code .deadLettered}, {@code .throttled}, {@code .emptyPolls} and gauges {@code .inQueue},
 * {@code .oldestAgeMillis}, {@code .ageMillis} (mean age of the messages taken in the interval, NaN when none was) and
 * {@code .impactedTenants} (tenants with a message taken or waiting older than {@code impactAgeMillis} in the last
 * whole second) and {@code .retried}.
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
    final PollerPool pollers;
    private final AsyncRetries retries = new AsyncRetries();
    private final LaneTotals laneTotals;
    private final long impactAgeMicros;
    /** By attempt slot: the poller waiting for it. */
    private int[] pollerBySlot = new int[64];
    private final QueueCounters counts;

    QueueStage(World world, QueueSpec spec, int tenants) {
        this.world = world;
        this.spec = spec;
        this.handlerId = world.sim.register(this);
        this.metrics = world.recorder.stage(spec.name(), "queue", false, false);
        this.choice = new LaneChoice(spec, tenants, world.streams.stream("queues/" + spec.name() + "/hands"));
        this.impactAgeMicros = Math.round(spec.impactAgeMillis() * 1000);
        this.stats = new QueueStats(tenants, world.scenario().warmupMicros(), impactAgeMicros);
        this.lanes = new Lane[choice.laneCount()];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new Lane();
        }
        this.laneTotals = new LaneTotals(lanes.length, world.scenario().warmupMicros());
        this.pollers = new PollerPool(choice.pollerLanes(), spec.pollersPerLane(), spec.maxPollersPerLane());
        String p = "queues." + spec.name() + ".";
        counts = new QueueCounters(world.recorder, p);
        world.recorder.gauge(p + "inQueue", stats::backlog);
        world.recorder.gauge(p + "oldestAgeMillis", () -> oldestAgeMillis(world.sim.nowMicros()));
        world.recorder.gauge(p + "ageMillis", stats::takeIntervalAgeMeanMillis);
        world.recorder.gauge(p + "impactedTenants", stats::impactedLastSecond);
        world.recorder.gauge(p + "pollers", pollers::activeTotal);
        metrics.detail(this::summaryBlocks);
        this.sampler = new LaneSampler(spec.name(), lanes, choice, stats);
        world.recorder.lanes(spec.name(), () -> sampler.sample(world.sim.nowMicros(), world.scenario()));
    }

    /**
     * Connects the target stage and starts the pollers (each of the lanes' first {@code pollersPerLane} polls once at
     * time 0, lane by lane) and the per-second seal.
     */
    void connect(Target stage) {
        this.target = stage;
        for (int l = 0; l < choice.pollerLanes(); l++) {
            for (int i = 0; i < pollers.min(); i++) {
                startPoller(pollers.grow(l), 0);
            }
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
        boolean refused = spec.backpressureDepth() > 0 && lanes[lane].size() >= spec.backpressureDepth();
        if (refused) {
            choice.taken(tenant);
            stats.throttled(tenant, now);
            counts.throttled.add(world.recorder.measuring(now));
        } else {
            lanes[lane].add(now, tenant, a.size, a.requestId);
            laneTotals.joined(lane, lanes[lane].size(), now);
            stats.enqueued(tenant, now);
            counts.enqueued.add(world.recorder.measuring(now));
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
        if (!refused) {
            wakeOne(lane, now);
        }
    }

    /** A message joined the lane: one of its parked pollers, if any, polls now. */
    private void wakeOne(int lane, long now) {
        startPoller(pollers.unpark(choice.pollerLane(lane)), now);
    }

    /** Poller {@code p} (none when negative) polls at {@code atMicros}. */
    private void startPoller(int p, long atMicros) {
        if (p >= 0) {
            world.sim.schedule(atMicros, Phase.ARRIVAL, handlerId, POLL, p, 0);
        }
    }

    /** A retried message's delay ended: it rejoins a lane of its tenant at the tail (its age still counts from its
     *  first enqueue). */
    private void rejoin(int slot, long now) {
        retries.rejoin(slot);
        int tenant = retries.tenant(slot);
        int lane = choice.lane(tenant, lanes);
        lanes[lane].add(now, tenant, retries.size(slot), AsyncRetries.laneId(slot));
        laneTotals.joined(lane, lanes[lane].size(), now);
        stats.rejoined(now);
        if (world.tracing()) {
            world.traceMessage(spec.name(), "rejoined lane " + lane, retries.requestId(slot));
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

    /** Poller {@code p} polls its lane now: it drops expired messages, then takes one, or finds none. */
    private void poll(int p, long now) {
        if (!pollers.stillActive(p)) {
            return;
        }
        long ttlMicros = Math.round(spec.ttlSeconds() * 1e6);
        boolean lifo = spec.discipline() == Discipline.LIFO;
        Lane lane;
        while ((lane = lanes[choice.takeLane(pollers.lane(p), lanes)]).size() > 0) {
            int at = lifo ? lane.takeLast() : lane.takeFirst();
            int slot = AsyncRetries.slotOf(lane.requestId(at));
            long enqueued = slot < 0 ? lane.enqueuedMicros(at) : retries.firstMicros(slot);
            int tenant = lane.tenant(at);
            choice.taken(tenant);
            stats.left(now);
            if (ttlMicros > 0 && now - enqueued > ttlMicros) {
                stats.expired(tenant, enqueued);
                counts.expired.add(world.recorder.measuring(now));
                if (slot >= 0) {
                    retries.close(slot);
                }
                continue;
            }
            stats.started(tenant, enqueued, now);
            invoke(p, lane, at, slot, enqueued, now);
            return;
        }
        stats.emptyPoll(now);
        pollers.emptyPoll(p);
        counts.emptyPolls.add(world.recorder.measuring(now));
        long costMicros = Math.round(spec.pollCostMillis() * 1000);
        if (costMicros > 0) {
            world.sim.schedule(now + costMicros, Phase.ARRIVAL, handlerId, POLL, p, 0);
        } else {
            pollers.park(p);
        }
    }

    private void invoke(int p, Lane lane, int at, int slot, long enqueued, long now) {
        Attempt c = world.takeAttempt();
        c.onward = true;
        c.parent = null;
        c.child = null;
        c.caller = this;
        c.clientMetrics = null;
        c.request = null;
        c.size = lane.size(at);
        c.requestId = slot < 0 ? lane.requestId(at) : retries.requestId(slot);
        c.number = 1;
        c.retry = false;
        c.measured = world.recorder.measuring(now);
        c.sentMicros = now;
        c.deadlineMicros = Long.MAX_VALUE;
        c.timeoutHandle = Simulation.NO_HANDLE;
        pollers.busy(p, enqueued, lane.tenant(at), slot);
        if (c.slot >= pollerBySlot.length) {
            pollerBySlot = Arrays.copyOf(pollerBySlot, Math.max(c.slot + 1, pollerBySlot.length * 2));
        }
        pollerBySlot[c.slot] = p;
        if (world.tracing()) {
            world.trace(null, spec.name(), "invoke " + target.name(), null, c);
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
        int p = pollerBySlot[c.slot];
        double size = c.size;
        long requestId = c.requestId;
        world.releaseAttemptIfDone(c);
        int tenant = pollers.tenant(p);
        long first = pollers.enqueuedMicros(p);
        int slot = pollers.retrySlot(p);
        int throttles = pollers.answered(p, answer == REJECTED);
        boolean measuring = world.recorder.measuring(now);
        if (answer == OK) {
            stats.finished(tenant, first, true);
            counts.processed.add(measuring);
            if (slot >= 0) {
                retries.close(slot);
            }
        } else {
            slot = slot >= 0 ? slot : retries.open(first, tenant, size, requestId);
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
                world.traceMessage(spec.name(), decision == AsyncRetries.RETRY ? "retry at "
                        + retries.dueMicros(slot) / 1e6 : decision == AsyncRetries.DEAD_LETTER ? "dead-lettered"
                        : "expired", requestId);
            }
        }
        pollers.polling(p);
        long backoff = throttles == 0 ? 0 : spec.asyncRetry().throttleBackoffMicros(throttles);
        world.sim.schedule(now + backoff, Phase.COMPLETION, handlerId, POLL, p, 0);
    }

    /**
     * Seals a second of per-tenant ages: messages still waiting older than the impact age count (in a FIFO-ordered
     * lane those are the ones from the head on, so only they are visited).
     */
    private void sealSecond(long now) {
        LaneScan.sealWaiting(lanes, stats, impactAgeMicros, now);
        stats.sealSecond(now);
        sampler.secondSealed();
        choice.sealSecond();
        for (int l = 0; l < choice.pollerLanes(); l++) {
            startPoller(pollers.scale(l, choice.waitingFor(l, lanes)), now);
        }
    }

    /** The age of the oldest message waiting in any lane, in ms; 0 when none waits. */
    double oldestAgeMillis(long now) {
        return LaneScan.oldestAgeMillis(lanes, now);
    }

    /** The queue's blocks of {@code byStage.NAME} at the end of a run. */
    private java.util.Map<String, Object> summaryBlocks(long endMicros) {
        return QueueBlocks.of(summary(endMicros), stats, choice, laneTotals, lanes, spec.impactAgeMillis());
    }

    /** The messages over the measured period, those still waiting, in service and in retry counted live. */
    lab.overload.engine.component.async.QueueSummary summary(long endMicros) {
        long warmupMicros = world.scenario().warmupMicros();
        long busy = 0;
        for (int p = 0; p < pollers.size(); p++) {
            if (pollers.state(p) == PollerPool.BUSY && pollers.enqueuedMicros(p) >= warmupMicros) {
                busy++;
            }
        }
        return stats.summary(endMicros, LaneScan.cohortWaiting(lanes, retries, warmupMicros), busy,
                retries.inRetry(warmupMicros));
    }

    @Override
    public void reconfigure(Scenario next, long nowMicros) {
        spec = next.queue(spec.name()); // discipline, TTL, poll cost and backpressure apply from the next poll
        choice.tune(spec);
        pollers.limits(spec.pollersPerLane(), spec.maxPollersPerLane());
        for (int l = 0; l < choice.pollerLanes(); l++) {
            while (pollers.active(l) < pollers.min()) {
                startPoller(pollers.grow(l), nowMicros);
            }
            while (pollers.active(l) > pollers.max()) {
                pollers.shrink(l);
            }
        }
    }
}
