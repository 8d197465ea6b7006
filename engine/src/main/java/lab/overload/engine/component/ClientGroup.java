package lab.overload.engine.component;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import lab.overload.engine.core.EventHandler;
import lab.overload.engine.core.Phase;
import lab.overload.engine.core.Simulation;
import lab.overload.engine.metrics.AttemptOutcome;
import lab.overload.engine.metrics.ClientMetrics;
import lab.overload.engine.metrics.Counter;
import lab.overload.engine.metrics.RequestOutcome;
import lab.overload.engine.metrics.TenantCounts;
import lab.overload.engine.policy.AdaptiveThrottle;
import lab.overload.engine.policy.Backoff;
import lab.overload.engine.policy.CircuitBreaker;
import lab.overload.engine.policy.Pagination;
import lab.overload.engine.policy.RetryBudget;
import lab.overload.engine.policy.Sampler;
import lab.overload.engine.policy.TenantDraw;
import lab.overload.models.scenario.ClientSpec;
import lab.overload.models.scenario.PaginationSpec;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.scenario.TimeoutKind;

/**
 * A client group: generates requests when its {@link Arrivals} say (open loop at a rate, or closed loop with users
 * and think time), sends attempts to its target stage, arms a timeout per attempt, and retries with backoff while
 * attempts remain.
 *
 * <p>Client-side overload policies, each off unless its spec enables it:
 * <ul>
 *   <li>a {@link RetryBudget}, asked before each retry (after {@code maxAttempts}); a denied retry ends the request
 *       with the outcome of its last attempt;</li>
 *   <li>a {@link CircuitBreaker} and an {@link AdaptiveThrottle}, asked before each attempt is sent (breaker first).
 *       A first attempt they reject never reaches the server, but it is still recorded as an attempt, sent and ended
 *       at once with outcome THROTTLED and no work (a client-side 429), and its request fails FAILED_REJECTED without
 *       retrying; that keeps attempts = requests + retries exact. A retry they reject is simply not made (no
 *       attempt): its request ends with the outcome of the attempt that failed last;</li>
 *   <li>{@link Pagination}: a request larger than the page size becomes sequential page requests, each a logical
 *       request; a closed-loop user waits for the whole sequence.</li>
 * </ul>
 * Policy metrics, registered when a policy is first enabled: gauges {@code clients.NAME.retryTokens},
 * {@code .throttleProbability}, {@code .breakerOpen} (0 closed, 0.5 half-open, 1 open; NaN while the policy is off)
 * and counters {@code .retriesAllowed}, {@code .retriesDenied}, {@code .throttledLocally}, {@code .rejectedByBreaker},
 * {@code .pages}.
 *
 * <p>Random streams: {@code clients/NAME/arrivals}, {@code /sizes}, {@code /timeouts}, {@code /jitter},
 * {@code /think}, {@code /throttle}, {@code /tenants} (the tenant of each request, drawn only when the group stands for
 * more than one); none is touched by anything a service does, so server changes never move client samples.
 */
final class ClientGroup extends EventHandler implements Caller, Reconfigurable {
    private static final int ARRIVAL = 0;
    private static final int TIMEOUT = 1;
    private static final int RETRY = 2;
    private static final int THINK_DONE = 3;
    private static final int PAGE = 4;

    private final World world;
    private final int handlerId;
    /** The calendar ring of fixed timeouts, made at the first one (-1 till then: a ring costs every pop a look). */
    private int timeoutRing = -1;
    /** When its requests arrive (open or closed loop). */
    private final Arrivals arrivals;
    ClientSpec spec;
    final Target target;
    /** This group's section of the metrics. */
    final ClientMetrics metrics;
    private final SplittableRandom sizes;
    private final SplittableRandom timeouts;
    private final SplittableRandom jitter;
    private final SplittableRandom throttleDraws;
    /** The tenant draws ({@code clients/NAME/tenants}), used only when the group stands for more than one tenant. */
    private final SplittableRandom tenantDraws;
    private TenantDraw tenantDraw;
    /** Its counts by tenant (the Top contributors' tenants), null when it stands for one tenant. */
    private TenantCounts tenantCounts;
    private final LongSupplier clock;
    private RetryBudget budget;
    private AdaptiveThrottle throttle;
    private CircuitBreaker breaker;
    private final Pagination pagination = new Pagination();
    /** By request slot: tokens the request's latest retry withdrew from the budget. */
    private int[] retryCost = new int[64];
    /** By request slot: the outcome (ordinal) of the request's latest failed attempt. */
    private byte[] lastFailure = new byte[64];
    private Counter retriesAllowed;
    private Counter retriesDenied;
    private Counter throttledLocally;
    private Counter rejectedByBreaker;
    private Counter pages;
    /** The retry backoff base, rounded to micros (every request starts its backoff there). */
    private long backoffBaseMicros;

    ClientGroup(World world, ClientSpec spec, Target target) {
        this.world = world;
        this.spec = spec;
        this.target = target;
        this.handlerId = world.sim.register(this);
        this.metrics = world.recorder.client(spec.name());
        String prefix = "clients/" + spec.name() + "/";
        this.arrivals = new Arrivals(world.sim, handlerId, ARRIVAL, THINK_DONE,
                world.streams.stream(prefix + "arrivals"), world.streams.stream(prefix + "think"), spec);
        sizes = world.streams.stream(prefix + "sizes");
        timeouts = world.streams.stream(prefix + "timeouts");
        jitter = world.streams.stream(prefix + "jitter");
        throttleDraws = world.streams.stream(prefix + "throttle");
        tenantDraws = world.streams.stream(prefix + "tenants");
        clock = world.sim::nowMicros;
        installPolicies(spec);
        derive(spec);
    }

    private void derive(ClientSpec s) {
        tenantDraw = s.tenants().count() > 1 ? new TenantDraw(s.tenants()) : null;
        tenantCounts = metrics.tenants(s.tenants().count());
        backoffBaseMicros = Math.round(s.retry().backoffBaseMillis() * 1000);
    }

    /** Creates, reconfigures (state kept) or drops each policy to match the spec; registers metrics on first use. */
    private void installPolicies(ClientSpec s) {
        String p = "clients." + s.name() + ".";
        budget = RetryBudget.of(s.retryBudget(), budget, clock);
        if (budget != null && retriesDenied == null) {
            world.recorder.gauge(p + "retryTokens", () -> budget == null ? Double.NaN : budget.available());
            retriesAllowed = world.recorder.counter(p + "retriesAllowed");
            retriesDenied = world.recorder.counter(p + "retriesDenied");
        }
        if (!s.throttle().enabled()) {
            throttle = null;
        } else if (throttle != null) {
            throttle.reconfigure(s.throttle());
        } else {
            throttle = new AdaptiveThrottle(s.throttle(), clock);
            if (throttledLocally == null) {
                world.recorder.gauge(p + "throttleProbability",
                        () -> throttle == null ? Double.NaN : throttle.rejectProbability());
                throttledLocally = world.recorder.counter(p + "throttledLocally");
            }
        }
        if (!s.circuitBreaker().enabled()) {
            breaker = null;
        } else if (breaker != null) {
            breaker.reconfigure(s.circuitBreaker());
        } else {
            breaker = new CircuitBreaker(s.circuitBreaker(), clock);
            if (rejectedByBreaker == null) {
                world.recorder.gauge(p + "breakerOpen", () -> breaker == null ? Double.NaN : breaker.gauge());
                rejectedByBreaker = world.recorder.counter(p + "rejectedByBreaker");
            }
        }
        if (s.pagination().enabled() && pages == null) {
            pages = world.recorder.counter(p + "pages");
        }
    }

    void start(long now) {
        arrivals.start(now);
    }

    @Override
    public void handle(int type, int a, long b) {
        long now = world.sim.nowMicros();
        switch (type) {
            case ARRIVAL -> {
                if (arrivals.arrived(b, now)) {
                    newRequest(now);
                    arrivals.scheduleNext(now);
                }
            }
            case THINK_DONE -> {
                if (arrivals.thinkDone()) {
                    newRequest(now);
                }
            }
            case TIMEOUT -> onTimeout(a, b, now);
            case RETRY, PAGE -> {
                Request r = world.requests.get(a);
                if (r.inUse && r.gen == b) {
                    send(r, type == RETRY, now);
                }
            }
            default -> throw new IllegalStateException("event type " + type);
        }
    }

    private void newRequest(long now) {
        int tenant = tenantDraw == null ? 0 : tenantDraw.draw(tenantDraws.nextDouble());
        Request r = arrive(now);
        r.tenant = tenant;
        double size = Sampler.sample(spec.sizeDistribution(), spec.sizeMean(), spec.sizeCv(), sizes);
        PaginationSpec paging = spec.pagination();
        if (paging.enabled() && size > paging.pageSize()) {
            r.size = pagination.start(r.slot, size, paging.pageSize());
            pages.add(r.measured);
        } else {
            r.size = size;
        }
        send(r, false, now);
    }

    /** A new logical request (a whole request, or the next page of one) arrives now; its size is set by the caller. */
    private Request arrive(long now) {
        Request r = world.takeRequest();
        r.client = this;
        r.arrivedMicros = now;
        r.attemptsMade = 0;
        r.lastSleepMicros = backoffBaseMicros;
        r.measured = world.recorder.measuring(now);
        metrics.requestArrived(r.measured);
        world.recorder.inSystemChanged(now, 1);
        if (r.slot >= retryCost.length) {
            int n = Math.max(r.slot + 1, retryCost.length * 2);
            retryCost = Arrays.copyOf(retryCost, n);
            lastFailure = Arrays.copyOf(lastFailure, n);
        }
        retryCost[r.slot] = 0;
        if (budget != null) {
            budget.onRequest();
        }
        return r;
    }

    private void send(Request r, boolean retry, long now) {
        if (breaker != null && !breaker.tryAcquirePermission()) {
            rejectedByBreaker.add(world.recorder.measuring(now));
            rejectLocally(r, retry, "breaker open", now);
            return;
        }
        if (throttle != null && !throttle.tryAcquire(throttleDraws.nextDouble())) {
            throttledLocally.add(world.recorder.measuring(now));
            rejectLocally(r, retry, "throttled locally", now);
            return;
        }
        Attempt a = world.takeAttempt();
        a.request = r;
        a.retry = retry;
        a.measured = world.recorder.measuring(now);
        a.sentMicros = now;
        r.attemptsMade++;
        a.number = r.attemptsMade;
        a.requestId = r.id;
        a.caller = this;
        a.clientMetrics = metrics;
        a.size = r.size;
        a.priorityClass = spec.priority();
        r.current = a;
        if (world.tracing()) {
            world.traces.attempt(spec.name(), null, retry ? "retry" : "send", null, a);
        }
        metrics.attemptSent(retry, a.measured);
        TimeoutKind kind = spec.timeoutKind();
        a.timeoutHandle = Simulation.NO_HANDLE;
        if (kind == TimeoutKind.NONE) {
            a.deadlineMicros = Long.MAX_VALUE;
        } else {
            double mean = spec.timeoutMillis() * 1000;
            long t = Math.round(kind == TimeoutKind.FIXED ? mean : Sampler.exponential(mean, timeouts));
            a.deadlineMicros = now + t;
            if (kind == TimeoutKind.FIXED) {
                timeoutRing = timeoutRing < 0 ? world.sim.newTimerRing() : timeoutRing;
                a.timeoutHandle = world.sim.scheduleInOrder(timeoutRing, a.deadlineMicros, Phase.TIMEOUT, handlerId,
                        TIMEOUT, a.slot, a.gen);
            } else {
                world.sim.schedule(a.deadlineMicros, Phase.TIMEOUT, handlerId, TIMEOUT, a.slot, a.gen);
            }
        }
        target.accept(a, now);
    }

    /**
     * The breaker or the throttle refused to send. A first attempt is recorded as an attempt that ended THROTTLED at
     * once, with no work, at no server (a client-side 429), and its request fails FAILED_REJECTED without retrying; a
     * retry is not made at all, and its request ends with the outcome of the attempt that failed last.
     */
    private void rejectLocally(Request r, boolean retry, String why, long now) {
        if (world.tracing()) {
            world.traces.request(spec.name(), why, null, r);
        }
        if (retry) {
            endRequest(r, RequestOutcome.values()[lastFailure[r.slot]], now);
            return;
        }
        boolean measured = world.recorder.measuring(now);
        r.attemptsMade++;
        metrics.attemptSent(false, measured);
        metrics.attemptEnded(AttemptOutcome.THROTTLED, measured, now);
        if (tenantCounts != null) {
            tenantCounts.throttled(r.tenant, now);
        }
        endRequest(r, RequestOutcome.FAILED_REJECTED, now);
    }

    private void onTimeout(int slot, long gen, long now) {
        Attempt a = world.attempts.get(slot);
        if (!a.inUse || a.gen != gen || a.clientDone) {
            return;
        }
        a.clientDone = true;
        if (a.state == Attempt.IN_SERVICE && !a.serverDone) {
            a.stageMetrics.busyClientGoneChanged(now, 1);
        }
        Request r = a.request;
        r.current = null;
        if (world.tracing()) {
            world.traces.attempt(spec.name(), null, "timeout", null, a);
        }
        world.releaseAttemptIfDone(a);
        if (breaker != null) {
            breaker.onFailure();
        }
        if (budget != null) {
            budget.onFailure();
        }
        retryOrFail(r, RequestOutcome.FAILED_TIMEOUT, now);
    }

    /** The target stage answered an attempt the client is still waiting for. */
    @Override
    public void onAnswer(Attempt a, int kind, long now) {
        a.clientDone = true;
        world.sim.cancelInOrder(timeoutRing, a.timeoutHandle);
        Request r = a.request;
        r.current = null;
        if (kind == OK) {
            if (breaker != null) {
                breaker.onSuccess();
            }
            if (throttle != null) {
                throttle.onAccept();
            }
            if (budget != null) {
                budget.onSuccess(a.retry, retryCost[r.slot]);
            }
            endRequest(r, RequestOutcome.SUCCEEDED, now);
        } else {
            if (breaker != null) {
                breaker.onFailure();
            }
            if (throttle != null && kind == ERROR) {
                throttle.onAccept();
            }
            if (budget != null) {
                budget.onFailure();
            }
            if (tenantCounts != null) {
                if (kind == ERROR) {
                    tenantCounts.error(r.tenant, now);
                } else {
                    tenantCounts.throttled(r.tenant, now);
                }
            }
            retryOrFail(r, kind == ERROR ? RequestOutcome.FAILED_ERROR : RequestOutcome.FAILED_REJECTED, now);
        }
    }

    private void retryOrFail(Request r, RequestOutcome failure, long now) {
        var retry = spec.retry();
        lastFailure[r.slot] = (byte) failure.ordinal();
        if (r.attemptsMade >= retry.maxAttempts()) {
            endRequest(r, failure, now);
            return;
        }
        if (budget != null) {
            boolean measuring = world.recorder.measuring(now);
            int cost = budget.tryAcquireRetry(failure == RequestOutcome.FAILED_TIMEOUT);
            if (cost == RetryBudget.DENIED) {
                retriesDenied.add(measuring);
                if (world.tracing()) {
                    world.traces.request(spec.name(), "retry denied by budget", null, r);
                }
                endRequest(r, failure, now);
                return;
            }
            retriesAllowed.add(measuring);
            retryCost[r.slot] = cost;
        }
        long sleep = Backoff.sleepMicros(retry.jitter(), r.attemptsMade, Math.round(retry.backoffBaseMillis() * 1000),
                Math.round(retry.backoffCapMillis() * 1000), r.lastSleepMicros, jitter);
        r.lastSleepMicros = sleep;
        world.sim.schedule(now + sleep, Phase.ARRIVAL, handlerId, RETRY, r.slot, r.gen);
        if (world.tracing()) {
            world.traces.request(spec.name(), "backoff " + sleep / 1000 + "ms", null, r);
        }
    }

    private void endRequest(Request r, RequestOutcome outcome, long now) {
        int tenant = r.tenant;
        if (world.tracing()) {
            world.traces.request(spec.name(), outcome.name(), outcome.name(), r);
        }
        world.recorder.requestEnded(metrics, outcome, now - r.arrivedMicros, r.measured, now);
        if (tenantCounts != null) {
            tenantCounts.requestEnded(tenant, outcome == RequestOutcome.SUCCEEDED, now - r.arrivedMicros, now);
        }
        world.recorder.inSystemChanged(now, -1);
        int slot = r.slot;
        boolean nextPage = outcome == RequestOutcome.SUCCEEDED && pagination.hasNext(slot);
        if (!nextPage) {
            pagination.end(slot);
        }
        world.releaseRequest(r);
        if (nextPage) {
            // The next page is a new logical request; it is sent by an event now, not from inside this response.
            Request page = arrive(now);
            page.tenant = tenant;
            page.size = pagination.next(slot, page.slot);
            pages.add(page.measured);
            world.sim.schedule(now, Phase.ARRIVAL, handlerId, PAGE, page.slot, page.gen);
            return;
        }
        arrivals.requestEnded(now);
    }

    @Override
    public void reconfigure(Scenario next, long nowMicros) {
        reconfigure(next.client(spec.name()), nowMicros);
    }

    /**
     * Applies a changed spec: a new rate rescales the wait for the next arrival; new users start thinking; policies
     * keep their state under new parameters, start afresh when enabled or their kind changes, and are dropped when
     * disabled. Page sequences in progress finish with the page size they started with.
     */
    void reconfigure(ClientSpec next, long now) {
        spec = next;
        installPolicies(next);
        derive(next);
        arrivals.reconfigure(next, now);
    }
}
