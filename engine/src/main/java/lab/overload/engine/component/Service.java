package lab.overload.engine.component;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import lab.overload.engine.core.EventHandler;
import lab.overload.engine.metrics.AttemptOutcome;
import lab.overload.engine.metrics.WorkClass;
import lab.overload.engine.policy.Sampler;
import lab.overload.models.scenario.ServiceSpec;

/**
 * A service: a balancer over hosts. It samples each attempt's work ({@code services/NAME/work}, scaled by the
 * request's size), routes it to a host, and classifies how the attempt ends at the server.
 */
final class Service implements EventHandler {
    static final int COMPLETE = 0;
    static final int REJECT_DONE = 1;
    static final int WAKE = 2;

    final World world;
    final int handlerId;
    ServiceSpec spec;
    final List<Host> hosts = new ArrayList<>();
    private final SplittableRandom work;
    private final SplittableRandom errors;
    private final SplittableRandom balancer;
    private int nextHost;

    Service(World world, ServiceSpec spec) {
        this.world = world;
        this.spec = spec;
        this.handlerId = world.sim.register(this);
        String prefix = "services/" + spec.name() + "/";
        work = world.streams.stream(prefix + "work");
        errors = world.streams.stream(prefix + "errors");
        balancer = world.streams.stream(prefix + "balancer");
        for (int i = 0; i < spec.hosts(); i++) {
            hosts.add(new Host(this, i));
        }
    }

    long rejectionCostMicros() {
        return Math.round(spec.rejectionCostMillis() * 1000);
    }

    /** Total workers over the active hosts. */
    long workers() {
        return (long) spec.hosts() * spec.workersPerHost();
    }

    void accept(Attempt a, long now) {
        double w = Sampler.sample(spec.serviceTimeDistribution(), spec.serviceTimeMillis() * 1000,
                spec.serviceTimeCv(), work) * a.request.size;
        a.workMicros = Math.round(w);
        chooseHost().accept(a, now);
    }

    private Host chooseHost() {
        int n = spec.hosts();
        if (n == 1) {
            return hosts.get(0);
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
        } else {
            finishRejection(at, now);
        }
    }

    /** Work finished: useful if the client still waits and no error was drawn; wasted otherwise. */
    void finishWork(Attempt a, long now) {
        boolean error = errors.nextDouble() < spec.errorProbability();
        long held = now - a.startedMicros;
        if (a.clientDone) {
            endAttempt(a, AttemptOutcome.COMPLETED_WASTED, WorkClass.WASTED, held, now);
        } else if (error) {
            endAttempt(a, AttemptOutcome.COMPLETED_ERROR, WorkClass.WASTED, held, now);
            a.request.client.onResponse(a, ClientGroup.ERROR, now);
        } else {
            endAttempt(a, AttemptOutcome.COMPLETED_USEFUL, WorkClass.USEFUL, held, now);
            a.request.client.onResponse(a, ClientGroup.OK, now);
        }
        world.releaseAttemptIfDone(a);
    }

    void finishRejection(Attempt a, long now) {
        world.recorder.rejectingChanged(now, -1);
        endAttempt(a, AttemptOutcome.SHED, WorkClass.REJECTION, now - a.startedMicros, now);
        if (!a.clientDone) {
            a.request.client.onResponse(a, ClientGroup.REJECTED, now);
        }
        world.releaseAttemptIfDone(a);
    }

    /** Records the server-side end of an attempt. */
    void endAttempt(Attempt a, AttemptOutcome outcome, WorkClass workClass, long workMicros, long now) {
        a.serverDone = true;
        a.host = null;
        if (world.tracing()) {
            world.trace(spec.name(), outcome.name(), a);
        }
        world.recorder.attemptEnded(outcome, workClass, workMicros, a.measured, now);
        if (outcome == AttemptOutcome.ABANDONED_BY_SERVER) {
            world.releaseAttemptIfDone(a);
        }
    }

    /** Applies a changed spec at the current time. */
    void reconfigure(ServiceSpec next, long now) {
        spec = next;
        while (hosts.size() < next.hosts()) {
            hosts.add(new Host(this, hosts.size()));
        }
        for (Host h : hosts) {
            h.reconfigure(now);
        }
    }

    /** Oldest queued attempt's enqueue time over all hosts, or -1. */
    long oldestQueuedMicros() {
        long oldest = -1;
        for (Host h : hosts) {
            long t = h.oldestQueuedMicros();
            if (t >= 0 && (oldest < 0 || t < oldest)) {
                oldest = t;
            }
        }
        return oldest;
    }

}
