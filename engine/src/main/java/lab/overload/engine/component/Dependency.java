package lab.overload.engine.component;

import java.util.SplittableRandom;
import lab.overload.engine.core.Phase;
import lab.overload.engine.metrics.Counter;
import lab.overload.engine.policy.Sampler;
import lab.overload.models.scenario.DependencySpec;

/**
 * A stage's downstream dependency (a service's, or a function's). An attempt that gets a worker (or a sandbox) first
 * calls it: the worker stays held, using no CPU,
 * until the call ends, then the attempt does its CPU work. So the workers held are, by Little's law,
 * {@code lambda (S + L)} for attempt rate lambda, CPU time S and mean call time L: a slower dependency fills the
 * worker pool (and then the queue) without any more CPU work. At most {@code maxConcurrency} calls are in flight over
 * the service (a bulkhead); a call beyond it is refused at once. A failed call makes the attempt answer with an error.
 *
 * <p>Two kinds, by {@code dependency.target}:
 * <ul>
 *   <li>empty: the built-in model. A call's latency is drawn from its distribution and it fails with
 *       {@code failureProbability}, known when it ends. Random stream {@code services/NAME/dependency}: the latency,
 *       then the failure draw, of each call;</li>
 *   <li>a stage's name: the call is an attempt at that stage, sent through the {@link Target} contract with this
 *       dependency as its {@link Caller}. It carries the client's deadline and the request's size; the stage decides
 *       its time and its outcome, and anything but a successful answer (an error, a shed) is a failed call. The
 *       answer is delivered to the waiting worker by an event at the same instant, so a stage that answers at once
 *       never re-enters the calling host.</li>
 * </ul>
 * Calls of an attempt that the server loses (a crash) are cancelled; a call at another stage is then left to finish
 * there with nobody waiting (wasted work).
 */
final class Dependency implements Caller {
    /**
     * The stage whose attempts call: a service, or a function. Its handler receives
     * {@code (DEPENDENCY_DONE, attempt slot, attempt token)} when a call ends.
     */
    interface Owner {
        /** Event type of a call's end at the owner's handler (the same for every owner). */
        int DEPENDENCY_DONE = 3;

        World world();

        int handlerId();

        DependencySpec dependencySpec();

        /** "services.api": the prefix of the dependency's metric names and the stage named in traces. */
        String owner();

        String stageName();
    }

    private final Owner service;
    private final SplittableRandom random;
    /** The stage called, or null for the built-in model. */
    private Target stage;
    private int inFlight;
    private boolean metrics;
    private Counter failures;
    private Counter refused;

    Dependency(Owner service, SplittableRandom random) {
        this.service = service;
        this.random = random;
    }

    /** Calls go to this stage from now on (set once, when the world connects its stages). */
    void connect(Target target) {
        this.stage = target;
    }

    /** Registers the gauge and counters the first time the dependency is enabled. */
    void ensureMetrics() {
        if (metrics || !service.dependencySpec().enabled()) {
            return;
        }
        metrics = true;
        String prefix = service.owner() + ".";
        service.world().recorder.gauge(prefix + "dependencyInFlight", () -> inFlight);
        failures = service.world().recorder.counter(prefix + "dependencyFailures");
        refused = service.world().recorder.counter(prefix + "dependencyRefused");
    }

    int inFlight() {
        return inFlight;
    }

    /**
     * Starts the attempt's call and schedules (or awaits) its end; false (and nothing scheduled) when the dependency
     * already has {@code maxConcurrency} calls in flight: the call fails fast.
     */
    boolean call(Attempt a, long now) {
        DependencySpec d = service.dependencySpec();
        if (inFlight >= d.maxConcurrency()) {
            refused.add(service.world().recorder.measuring(now));
            return false;
        }
        inFlight++;
        if (stage != null) {
            callStage(a, now);
            return true;
        }
        long latency = Math.round(Sampler.sample(d.latencyDistribution(), d.latencyMillis() * 1000, 1, random));
        a.depFailed = random.nextDouble() < d.failureProbability();
        service.world().sim.schedule(now + latency, Phase.COMPLETION, service.handlerId(), Owner.DEPENDENCY_DONE,
                a.slot, a.token());
        return true;
    }

    /** Sends the onward call: a new attempt at the called stage, answered to this dependency. */
    private void callStage(Attempt a, long now) {
        World world = service.world();
        Attempt call = world.takeAttempt();
        call.sendAsOnwardCall(a, this, world.recorder.measuring(now), now);
        if (world.tracing()) {
            world.traces.attempt(Traces.clientOf(a), service.stageName(), "call " + stage.name(), null, call);
        }
        stage.accept(call, now);
    }

    /** The called stage answered: the waiting worker learns it by an event now (see the class comment). */
    @Override
    public void onAnswer(Attempt call, int answer, long now) {
        call.clientDone = true;
        Attempt a = call.parent;
        call.parent = null;
        a.child = null;
        a.depFailed = answer != OK;
        service.world().releaseAttemptIfDone(call);
        service.world().sim.schedule(now, Phase.COMPLETION, service.handlerId(), Owner.DEPENDENCY_DONE, a.slot,
                a.token());
    }

    /** A call ended (answered, or cancelled because its attempt was lost). */
    void ended(Attempt a, long now, boolean cancelled) {
        inFlight--;
        if (a.depFailed && !cancelled) {
            failures.add(service.world().recorder.measuring(now));
        }
        Attempt call = a.child;
        if (cancelled && call != null) {
            a.child = null;
            call.parent = null;
            call.clientDone = true;
            if (call.state == Attempt.IN_SERVICE && !call.serverDone) {
                call.stageMetrics.busyClientGoneChanged(now, 1);
            }
            service.world().releaseAttemptIfDone(call);
        }
    }
}
