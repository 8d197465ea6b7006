package lab.overload.engine.policy;

import lab.overload.models.scenario.LimitSpec;

/**
 * A concurrency limit that learns from finished attempts (after Netflix concurrency-limits' {@code Limit}). A host
 * admits at most {@code min(workers, limit())} attempts into service; each attempt that leaves service reports one
 * sample. Samples carry sim-time durations, so the same code runs on simulated time.
 *
 * <p>Thread rule: owned by one host on the simulation thread.
 */
public interface Limit {
    /** No adaptive limit: the host's workers are the bound (the FIXED kind). */
    Limit NONE = new Limit() {
        @Override
        public int limit() {
            return Integer.MAX_VALUE;
        }

        @Override
        public void onSample(long rttMicros, int inflight, boolean didDrop) {
        }
    };

    /** The most attempts the host may hold in service now, at least 1. */
    int limit();

    /**
     * One attempt left service.
     *
     * @param rttMicros its time in service (from admission to leaving), in sim microseconds
     * @param inflight  attempts in service when it was admitted, itself included
     * @param didDrop   it failed in a way that signals overload: its client had gone, its dependency failed, or the
     *                  server abandoned it
     */
    void onSample(long rttMicros, int inflight, boolean didDrop);

    /** This limit with new parameters, keeping what it has learned; a new kind starts from the initial limit. */
    default Limit reconfigured(LimitSpec spec) {
        return of(spec);
    }

    /** A fresh limit of the spec's kind at its initial value. */
    static Limit of(LimitSpec spec) {
        return switch (spec.kind()) {
            case FIXED -> NONE;
            case AIMD -> AimdLimit.of(spec, spec.initialLimit());
            case GRADIENT -> GradientLimit.of(spec, spec.initialLimit());
        };
    }
}
