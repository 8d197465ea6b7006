package lab.overload.engine.component;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import lab.overload.engine.core.EventHandler;
import lab.overload.engine.metrics.AttemptOutcome;
import lab.overload.engine.metrics.Counter;
import lab.overload.engine.metrics.StageMetrics;
import lab.overload.engine.metrics.WorkClass;
import lab.overload.engine.policy.Sampler;
import lab.overload.models.scenario.ExpiredWork;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.scenario.ServiceSpec;

/**
 * A service: a balancer over the hosts that are up. It samples each attempt's work ({@code services/NAME/work}, scaled
 * by the request's size; a retry that resumes from a checkpoint gets its request's remaining work instead), routes it
 * to a host, and classifies how the attempt ends at the server. With every host down, attempts are refused at once
 * (SHED at no cost).
 *
 * <p>Policy metrics, registered when the policy is first switched on: gauges {@code services.NAME.limit} (mean
 * admitted-concurrency bound min(workers, limit) over the hosts up), {@code .dependencyInFlight},
 * {@code .resumedWorkSeconds} (work retries skipped by resuming, cumulative); counters {@code .shedQueueTime}
 * (attempts shed or dropped by the queue-time bound), {@code .rejectedTooLarge}, {@code .checkpointAbandoned},
 * {@code .resumedAttempts}, {@code .lostInCrash}, {@code .dependencyFailures}, {@code .dependencyRefused}.
 */
final class Service extends EventHandler implements Target, Reconfigurable, Dependency.Owner {
    static final int COMPLETE = Execution.COMPLETE;
    static final int REJECT_DONE = Execution.REJECT_DONE;
    static final int WAKE = Execution.WAKE;
    static final int DEPENDENCY_DONE = Dependency.Owner.DEPENDENCY_DONE;

    final World world;
    final int handlerId;
    ServiceSpec spec;
    final List<Host> hosts = new ArrayList<>();
    private final SplittableRandom work;
    private final SplittableRandom errors;
    private final SplittableRandom balancer;
    private int nextHost;
    final Dependency dependency;
    /** This stage's section of the metrics. */
    final StageMetrics metrics;
    Counter shedQueueTime;
    Counter tooLarge;
    Counter checkpointAbandoned;
    Counter resumed;
    Counter lostInCrash;
    private double resumedWorkMicros;
    /** Derived from the spec once per change (read on every arrival, start and dequeue). */
    long maxQueueWaitMicros;
    boolean dropExpired;
    private long rejectionCostMicros;
    boolean hasDependency;

    /**
     * {@code alone}: the only stage of its scenario (its metrics' levels are then the totals'); {@code sole}: also
     * called by the scenario's only client group (its metrics then count nothing that group counts).
     */
    Service(World world, ServiceSpec spec, boolean alone, boolean sole) {
        this.world = world;
        this.spec = spec;
        this.handlerId = world.sim.register(this);
        this.metrics = world.recorder.stage(spec.name(), "service", alone, sole);
        derive();
        String prefix = "services/" + spec.name() + "/";
        work = world.streams.stream(prefix + "work");
        errors = world.streams.stream(prefix + "errors");
        balancer = world.streams.stream(prefix + "balancer");
        dependency = new Dependency(this, world.streams.stream(prefix + "dependency"));
        for (int i = 0; i < spec.hosts(); i++) {
            hosts.add(new Host(this, i));
        }
        ensureMetrics();
        metrics.setWorkers(0, workers());
    }

    private void derive() {
        maxQueueWaitMicros = Math.round(spec.shedding().maxQueueWaitMillis() * 1000);
        dropExpired = spec.expiredWork() == ExpiredWork.DROP_AT_DEQUEUE
                && spec.deadline().timeoutHint();
        rejectionCostMicros = Math.round(spec.rejectionCostMillis() * 1000);
        hasDependency = spec.dependency().enabled();
    }

    /** Registers each policy's gauges and counters the first time the policy is on (default runs report none). */
    private void ensureMetrics() {
        String p = "services." + spec.name() + ".";
        var rec = world.recorder;
        if (shedQueueTime == null && spec.shedding().maxQueueWaitMillis() > 0) {
            shedQueueTime = rec.counter(p + "shedQueueTime");
        }
        if (tooLarge == null && spec.boundedWork().maxRequestSize() > 0) {
            tooLarge = rec.counter(p + "rejectedTooLarge");
        }
        if (checkpointAbandoned == null && spec.deadline().checkpointMillis() > 0) {
            checkpointAbandoned = rec.counter(p + "checkpointAbandoned");
        }
        if (resumed == null && spec.boundedWork().resumeFromCheckpoint()) {
            resumed = rec.counter(p + "resumedAttempts");
            rec.gauge(p + "resumedWorkSeconds", () -> resumedWorkMicros / 1e6);
        }
        if (lostInCrash == null && spec.hostsDown() > 0) {
            lostInCrash = rec.counter(p + "lostInCrash");
        }
        if (!limitGauge && spec.limit().kind() != lab.overload.models.scenario.LimitKind.FIXED) {
            limitGauge = true;
            rec.gauge(p + "limit", this::meanLimit);
        }
        dependency.ensureMetrics();
    }

    private boolean limitGauge;

    /** Mean over the hosts up of min(workers, limit). */
    private double meanLimit() {
        int up = Math.min(spec.hostsUp(), hosts.size());
        double sum = 0;
        for (int i = 0; i < up; i++) {
            sum += hosts.get(i).admitBound();
        }
        return up == 0 ? 0 : sum / up;
    }

    /** Counts one event on a policy counter (registered whenever the policy can fire). */
    void count(Counter c, long now) {
        if (c != null) {
            c.add(world.recorder.measuring(now));
        }
    }

    /**
     * Work between checkpoints in micros, or 0 when checkpoints do nothing: they need an interval and a use (the
     * deadline known to the server, or resuming retries).
     */
    long checkpointMicros() {
        long c = Math.round(spec.deadline().checkpointMillis() * 1000);
        return c > 0 && (spec.deadline().timeoutHint() || spec.boundedWork().resumeFromCheckpoint()) ? c : 0;
    }

    long rejectionCostMicros() {
        return rejectionCostMicros;
    }

    /** Total workers over the active hosts (those up). */
    long workers() {
        return (long) spec.hostsUp() * spec.workersPerHost();
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
        return "services." + spec.name();
    }

    @Override
    public String stageName() {
        return spec.name();
    }

    @Override
    public void accept(Attempt a, long now) {
        a.stageMetrics = metrics;
        metrics.attemptArrived(a.measured);
        a.resetServerState();
        Request r = a.request;
        long w = Math.round(Sampler.sample(spec.serviceTimeDistribution(), spec.serviceTimeMillis() * 1000,
                spec.serviceTimeCv(), work) * a.size);
        if (a.onward) {
            a.workMicros = w; // an onward call has no request of its own to resume
        } else if (a.number == 1) {
            r.totalWorkMicros = w;
            r.checkpointedMicros = 0;
            a.workMicros = w;
        } else if (spec.boundedWork().resumeFromCheckpoint()) {
            a.baseMicros = r.checkpointedMicros;
            a.workMicros = r.totalWorkMicros - r.checkpointedMicros;
            if (a.baseMicros > 0) {
                count(resumed, now);
                resumedWorkMicros += a.baseMicros;
            }
        } else {
            a.workMicros = w;
        }
        Host h = chooseHost();
        if (h == null) {
            endAttempt(a, AttemptOutcome.SHED, WorkClass.REJECTION, 0, now);
            if (!a.clientDone) {
                a.caller.onAnswer(a, Caller.REJECTED, now);
            }
            world.releaseAttemptIfDone(a);
            return;
        }
        h.accept(a, now);
    }

    /** A host that is up, by the balancer; null when every host is down. */
    private Host chooseHost() {
        int n = spec.hostsUp();
        if (n <= 1) {
            return n == 1 ? hosts.get(0) : null;
        }
        return switch (spec.balancer()) {
            case ROUND_ROBIN -> {
                nextHost = nextHost >= n - 1 ? 0 : nextHost + 1;
                yield hosts.get(nextHost);
            }
            case RANDOM -> hosts.get(balancer.nextInt(n));
            case LEAST_OUTSTANDING -> {
                Host best = hosts.get(0);
                for (int i = 1; i < n; i++) {
                    if (hosts.get(i).outstanding() < best.outstanding()) {
                        best = hosts.get(i);
                    }
                }
                yield best;
            }
        };
    }

    @Override
    public void handle(int type, int a, long b) {
        long now = world.sim.nowMicros();
        if (type == WAKE) {
            hosts.get(a).wake(b, now);
            return;
        }
        Attempt at = world.attempts.get(a);
        if (!at.inUse || at.token() != b) {
            return;
        }
        if (type == COMPLETE) {
            at.host.completeFixed(at, now);
        } else if (type == DEPENDENCY_DONE) {
            at.host.dependencyDone(at, now);
        } else {
            finishRejection(at, now);
        }
    }

    /**
     * Work finished (or its dependency call failed): useful if the client still waits and neither the dependency nor
     * the error draw failed it; wasted otherwise.
     */
    void finishWork(Attempt a, long now) {
        boolean error = errors.nextDouble() < spec.errorProbability() || a.depFailed;
        long held = now - a.startedMicros;
        if (a.clientDone) {
            endAttempt(a, AttemptOutcome.COMPLETED_WASTED, WorkClass.WASTED, held, now);
        } else if (error) {
            endAttempt(a, AttemptOutcome.COMPLETED_ERROR, WorkClass.WASTED, held, now);
            a.caller.onAnswer(a, Caller.ERROR, now);
        } else {
            endAttempt(a, AttemptOutcome.COMPLETED_USEFUL, WorkClass.USEFUL, held, now);
            a.caller.onAnswer(a, Caller.OK, now);
        }
        world.releaseAttemptIfDone(a);
    }

    void finishRejection(Attempt a, long now) {
        metrics.rejectingChanged(now, -1);
        endAttempt(a, AttemptOutcome.SHED, WorkClass.REJECTION, now - a.startedMicros, now);
        if (!a.clientDone) {
            a.caller.onAnswer(a, Caller.REJECTED, now);
        }
        world.releaseAttemptIfDone(a);
    }

    /** Records the server-side end of an attempt. */
    void endAttempt(Attempt a, AttemptOutcome outcome, WorkClass workClass, long workMicros, long now) {
        a.serverDone = true;
        a.host = null;
        if (world.tracing()) {
            world.traces.attempt(Traces.clientOf(a), spec.name(), outcome.name(), outcome.name(), a);
        }
        if (a.clientMetrics != null && (outcome == AttemptOutcome.COMPLETED_USEFUL
                || outcome == AttemptOutcome.COMPLETED_WASTED || outcome == AttemptOutcome.COMPLETED_ERROR)) {
            world.recorder.attemptServed(now - a.sentMicros);
        }
        metrics.attemptEnded(a.clientMetrics, outcome, workClass, workMicros, a.measured, now, a.sentMicros);
        if (outcome == AttemptOutcome.ABANDONED_BY_SERVER) {
            world.releaseAttemptIfDone(a);
        }
    }

    @Override
    public void reconfigure(Scenario next, long nowMicros) {
        reconfigure(next.service(spec.name()), nowMicros);
    }

    /** Applies a changed spec at the current time. */
    void reconfigure(ServiceSpec next, long now) {
        spec = next;
        derive();
        ensureMetrics();
        while (hosts.size() < next.hosts()) {
            hosts.add(new Host(this, hosts.size()));
        }
        for (Host h : hosts) {
            h.reconfigure(now);
        }
        metrics.setWorkers(now, workers());
    }

    /** Oldest queued attempt's enqueue time over all hosts, or -1. */
    long oldestQueuedMicros() {
        long oldest = -1;
        for (Host h : hosts) {
            long t = h.queue.oldestQueuedMicros();
            if (t >= 0 && (oldest < 0 || t < oldest)) {
                oldest = t;
            }
        }
        return oldest;
    }

}
