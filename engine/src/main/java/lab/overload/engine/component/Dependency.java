package lab.overload.engine.component;

import java.util.SplittableRandom;
import lab.overload.engine.core.Phase;
import lab.overload.engine.metrics.Counter;
import lab.overload.engine.policy.Sampler;
import lab.overload.models.scenario.DependencySpec;

/**
 * A service's downstream dependency. An attempt that gets a worker first calls it: the worker stays held, using no CPU,
 * for the call's latency, then the attempt does its CPU work. So the workers held are, by Little's law,
 * {@code lambda (S + L)} for attempt rate lambda, CPU time S and mean call latency L: a slower dependency fills the
 * worker pool (and then the queue) without any more CPU work. At most {@code maxConcurrency} calls are in flight over
 * the service; a call beyond it is refused at once. A call fails with {@code failureProbability}, known when it ends.
 *
 * <p>Random stream {@code services/NAME/dependency}: the latency, then the failure draw, of each call. Calls of an
 * attempt that the server loses (a crash) are cancelled.
 */
final class Dependency {
    private final Service service;
    private final SplittableRandom random;
    private int inFlight;
    private boolean metrics;
    private Counter failures;
    private Counter refused;

    Dependency(Service service, SplittableRandom random) {
        this.service = service;
        this.random = random;
    }

    /** Registers the gauge and counters the first time the dependency is enabled. */
    void ensureMetrics() {
        if (metrics || !service.spec.dependency().enabled()) {
            return;
        }
        metrics = true;
        String prefix = "services." + service.spec.name() + ".";
        service.world.recorder.gauge(prefix + "dependencyInFlight", () -> inFlight);
        failures = service.world.recorder.counter(prefix + "dependencyFailures");
        refused = service.world.recorder.counter(prefix + "dependencyRefused");
    }

    int inFlight() {
        return inFlight;
    }

    /**
     * Starts the attempt's call and schedules its end; false (and nothing scheduled) when the dependency already has
     * {@code maxConcurrency} calls in flight: the call fails fast.
     */
    boolean call(Attempt a, long now) {
        DependencySpec d = service.spec.dependency();
        if (inFlight >= d.maxConcurrency()) {
            refused.add(service.world.recorder.measuring(now));
            return false;
        }
        inFlight++;
        long latency = Math.round(Sampler.sample(d.latencyDistribution(), d.latencyMillis() * 1000, 1, random));
        a.depFailed = random.nextDouble() < d.failureProbability();
        service.world.sim.schedule(now + latency, Phase.COMPLETION, service.handlerId, Service.DEPENDENCY_DONE,
                a.slot, a.token());
        return true;
    }

    /** A call ended (answered, or cancelled because its attempt was lost). */
    void ended(Attempt a, long now, boolean cancelled) {
        inFlight--;
        if (a.depFailed && !cancelled) {
            failures.add(service.world.recorder.measuring(now));
        }
    }
}
