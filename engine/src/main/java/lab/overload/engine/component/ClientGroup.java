package lab.overload.engine.component;

import java.util.SplittableRandom;
import lab.overload.engine.core.EventHandler;
import lab.overload.engine.core.Phase;
import lab.overload.engine.metrics.RequestOutcome;
import lab.overload.engine.policy.Backoff;
import lab.overload.engine.policy.Sampler;
import lab.overload.models.scenario.ArrivalKind;
import lab.overload.models.scenario.ClientSpec;
import lab.overload.models.scenario.LoopKind;
import lab.overload.models.scenario.TimeoutKind;

/**
 * A client group: generates requests (open loop at a rate, or closed loop with users and think time), sends
 * attempts to its target service, arms a timeout per attempt, and retries with backoff while attempts remain.
 *
 * <p>Random streams: {@code clients/NAME/arrivals}, {@code /sizes}, {@code /timeouts}, {@code /jitter},
 * {@code /think}; none is touched by anything a service does, so server changes never move client samples.
 */
final class ClientGroup implements EventHandler {
    static final int OK = 0;
    static final int ERROR = 1;
    static final int REJECTED = 2;

    private static final int ARRIVAL = 0;
    private static final int TIMEOUT = 1;
    private static final int RETRY = 2;
    private static final int THINK_DONE = 3;

    private final World world;
    private final int handlerId;
    private final int timeoutRing;
    ClientSpec spec;
    final Service target;
    private final SplittableRandom arrivals;
    private final SplittableRandom sizes;
    private final SplittableRandom timeouts;
    private final SplittableRandom jitter;
    private final SplittableRandom think;
    private long arrivalGen;
    private long nextArrivalMicros = -1;
    private long lastArrivalMicros;
    private int activeUsers;

    ClientGroup(World world, ClientSpec spec, Service target) {
        this.world = world;
        this.spec = spec;
        this.target = target;
        this.handlerId = world.sim.register(this);
        this.timeoutRing = world.sim.newTimerRing();
        String prefix = "clients/" + spec.name() + "/";
        arrivals = world.streams.stream(prefix + "arrivals");
        sizes = world.streams.stream(prefix + "sizes");
        timeouts = world.streams.stream(prefix + "timeouts");
        jitter = world.streams.stream(prefix + "jitter");
        think = world.streams.stream(prefix + "think");
    }

    void start(long now) {
        if (spec.loop() == LoopKind.OPEN) {
            scheduleNextArrival(now);
        } else {
            addUsers(spec.users(), now);
        }
    }

    private long gapMicros() {
        double mean = 1e6 / spec.ratePerSecond();
        return Math.round(spec.arrivals() == ArrivalKind.POISSON ? Sampler.exponential(mean, arrivals) : mean);
    }

    private void scheduleNextArrival(long from) {
        if (spec.ratePerSecond() <= 0) {
            nextArrivalMicros = -1;
            return;
        }
        nextArrivalMicros = from + gapMicros();
        world.sim.schedule(nextArrivalMicros, Phase.ARRIVAL, handlerId, ARRIVAL, 0, ++arrivalGen);
    }

    private void addUsers(int n, long now) {
        for (int i = 0; i < n; i++) {
            activeUsers++;
            scheduleThink(now);
        }
    }

    private void scheduleThink(long now) {
        // At least 1 us: a user whose request is shed instantly must not loop forever at one instant.
        long t = Math.max(1, Math.round(Sampler.exponential(spec.thinkTimeMillis() * 1000, think)));
        world.sim.schedule(now + t, Phase.ARRIVAL, handlerId, THINK_DONE, 0, 0);
    }

    @Override
    public void handle(int type, int a, long b) {
        long now = world.sim.nowMicros();
        switch (type) {
            case ARRIVAL -> {
                if (b != arrivalGen) {
                    return;
                }
                lastArrivalMicros = now;
                newRequest(now);
                scheduleNextArrival(now);
            }
            case THINK_DONE -> {
                if (activeUsers > spec.users() || spec.loop() != LoopKind.CLOSED) {
                    activeUsers--;
                    return;
                }
                newRequest(now);
            }
            case TIMEOUT -> onTimeout(a, b, now);
            case RETRY -> {
                Request r = world.requests.get(a);
                if (r.inUse && r.gen == b) {
                    send(r, true, now);
                }
            }
            default -> throw new IllegalStateException("event type " + type);
        }
    }

    private void newRequest(long now) {
        Request r = world.takeRequest();
        r.client = this;
        r.arrivedMicros = now;
        r.size = Sampler.sample(spec.sizeDistribution(), spec.sizeMean(), spec.sizeCv(), sizes);
        r.attemptsMade = 0;
        r.lastSleepMicros = Math.round(spec.retry().backoffBaseMillis() * 1000);
        r.measured = world.recorder.measuring(now);
        world.recorder.requestArrived(r.measured);
        world.recorder.inSystemChanged(now, 1);
        send(r, false, now);
    }

    private void send(Request r, boolean retry, long now) {
        Attempt a = world.takeAttempt();
        a.request = r;
        a.retry = retry;
        a.measured = world.recorder.measuring(now);
        a.sentMicros = now;
        r.attemptsMade++;
        a.number = r.attemptsMade;
        a.requestId = r.id;
        r.current = a;
        if (world.tracing()) {
            world.trace(spec.name(), retry ? "retry" : "send", a);
        }
        world.recorder.attemptSent(retry, a.measured);
        TimeoutKind kind = spec.timeoutKind();
        if (kind == TimeoutKind.NONE) {
            a.deadlineMicros = Long.MAX_VALUE;
        } else {
            double mean = spec.timeoutMillis() * 1000;
            long t = Math.round(kind == TimeoutKind.FIXED ? mean : Sampler.exponential(mean, timeouts));
            a.deadlineMicros = now + t;
            if (kind == TimeoutKind.FIXED) {
                world.sim.scheduleInOrder(timeoutRing, a.deadlineMicros, Phase.TIMEOUT, handlerId, TIMEOUT, a.slot,
                        a.gen);
            } else {
                world.sim.schedule(a.deadlineMicros, Phase.TIMEOUT, handlerId, TIMEOUT, a.slot, a.gen);
            }
        }
        target.accept(a, now);
    }

    private void onTimeout(int slot, long gen, long now) {
        Attempt a = world.attempts.get(slot);
        if (!a.inUse || a.gen != gen || a.clientDone) {
            return;
        }
        a.clientDone = true;
        if (a.state == Attempt.IN_SERVICE && !a.serverDone) {
            world.recorder.busyClientGoneChanged(now, 1);
        }
        Request r = a.request;
        r.current = null;
        if (world.tracing()) {
            world.trace(spec.name(), "timeout", a);
        }
        world.releaseAttemptIfDone(a);
        retryOrFail(r, RequestOutcome.FAILED_TIMEOUT, now);
    }

    /** The server answered an attempt the client is still waiting for. */
    void onResponse(Attempt a, int kind, long now) {
        a.clientDone = true;
        Request r = a.request;
        r.current = null;
        if (kind == OK) {
            endRequest(r, RequestOutcome.SUCCEEDED, now);
        } else {
            retryOrFail(r, kind == ERROR ? RequestOutcome.FAILED_ERROR : RequestOutcome.FAILED_REJECTED, now);
        }
    }

    private void retryOrFail(Request r, RequestOutcome failure, long now) {
        var retry = spec.retry();
        if (r.attemptsMade >= retry.maxAttempts()) {
            endRequest(r, failure, now);
            return;
        }
        long sleep = Backoff.sleepMicros(retry.jitter(), r.attemptsMade, Math.round(retry.backoffBaseMillis() * 1000),
                Math.round(retry.backoffCapMillis() * 1000), r.lastSleepMicros, jitter);
        r.lastSleepMicros = sleep;
        world.sim.schedule(now + sleep, Phase.ARRIVAL, handlerId, RETRY, r.slot, r.gen);
        if (world.tracing()) {
            world.trace(spec.name(), "backoff " + sleep / 1000 + "ms", r);
        }
    }

    private void endRequest(Request r, RequestOutcome outcome, long now) {
        if (world.tracing()) {
            world.trace(spec.name(), outcome.name(), r);
        }
        world.recorder.requestEnded(outcome, now - r.arrivedMicros, r.measured, now);
        world.recorder.inSystemChanged(now, -1);
        world.releaseRequest(r);
        if (spec.loop() == LoopKind.CLOSED) {
            if (activeUsers > spec.users()) {
                activeUsers--;
            } else {
                scheduleThink(now);
            }
        }
    }

    /** Applies a changed spec: a new rate rescales the wait for the next arrival; new users start thinking. */
    void reconfigure(ClientSpec next, long now) {
        ClientSpec prev = spec;
        spec = next;
        if (next.loop() == LoopKind.OPEN && next.ratePerSecond() != prev.ratePerSecond()) {
            if (nextArrivalMicros < 0 || prev.ratePerSecond() <= 0) {
                arrivalGen++;
                scheduleNextArrival(Math.max(now, lastArrivalMicros));
            } else if (next.ratePerSecond() <= 0) {
                arrivalGen++;
                nextArrivalMicros = -1;
            } else {
                long remaining = nextArrivalMicros - now;
                long scaled = Math.round(remaining * prev.ratePerSecond() / next.ratePerSecond());
                nextArrivalMicros = now + scaled;
                world.sim.schedule(nextArrivalMicros, Phase.ARRIVAL, handlerId, ARRIVAL, 0, ++arrivalGen);
            }
        }
        if (next.loop() == LoopKind.CLOSED && next.users() > activeUsers) {
            addUsers(next.users() - activeUsers, now);
        }
    }
}
