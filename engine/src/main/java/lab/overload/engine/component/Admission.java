package lab.overload.engine.component;

import lab.overload.engine.policy.Limit;
import lab.overload.engine.policy.ShedPolicy;
import lab.overload.models.scenario.LimitSpec;

/**
 * A host's admission control: its concurrency bound {@code min(workers, limit)} (the worker pool, lowered by an
 * adaptive {@link Limit}), and the {@link ShedPolicy} decisions at arrival and at dequeue that use it. The limit
 * learns from one sample per attempt that leaves service.
 */
final class Admission {
    private LimitSpec limitSpec;
    private Limit limit;

    Admission(LimitSpec spec) {
        limitSpec = spec;
        limit = Limit.of(spec);
    }

    /** The most attempts the host admits into service now. */
    int bound(int workers) {
        return Math.min(workers, limit.limit());
    }

    /** An arriving attempt of the given size, with {@code inService} attempts holding workers and {@code queued}. */
    ShedPolicy.Arrival atArrival(double size, double maxSize, int inService, int workers, int queued,
                                 int queueCapacity) {
        return ShedPolicy.atArrival(size, maxSize, inService, bound(workers), queued, queueCapacity);
    }

    /** One sample for the limit: time in service, attempts in service at admission, and whether it was a drop. */
    void sample(long inServiceMicros, int inflightAtStart, boolean dropped) {
        limit.onSample(inServiceMicros, inflightAtStart, dropped);
    }

    /** A changed limit spec retunes the limit, keeping its state where the algorithm allows. */
    void retune(LimitSpec spec) {
        if (!spec.equals(limitSpec)) {
            limitSpec = spec;
            limit = limit.reconfigured(spec);
        }
    }

    /** A fresh limit (a host coming back up). */
    void reset(LimitSpec spec) {
        limitSpec = spec;
        limit = Limit.of(spec);
    }
}
