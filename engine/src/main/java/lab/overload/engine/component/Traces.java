package lab.overload.engine.component;

import java.util.function.Consumer;
import java.util.function.LongSupplier;
import lab.overload.engine.core.Simulation;
import lab.overload.engine.operate.TraceSampler;

/**
 * The world's traces of requests: a listener that receives every step of the requests numbered 1 to N in arrival
 * order ({@code run --trace}, tests), and the sampled traces of the Operate tab ({@link TraceSampler}). Components
 * report a step only while {@link World#tracing()} says someone listens, so a run without traces pays one branch per
 * step. Reading the run only: no number of the run changes.
 */
final class Traces {
    private final Simulation sim;
    private final long seed;
    /** The placement time a cold start takes now (for the sampled traces' cold-start spans). */
    private final LongSupplier placementMicros;
    private Consumer<TraceEvent> listener;
    private long last;
    /** Sampled traces (null until asked for). */
    TraceSampler sampler;

    Traces(Simulation sim, long seed, LongSupplier placementMicros) {
        this.sim = sim;
        this.seed = seed;
        this.placementMicros = placementMicros;
    }

    /** Whether anyone receives trace events now (a listener, or a sampler at a rate above 0). */
    boolean on() {
        return listener != null || sampler != null && sampler.rate() > 0;
    }

    /** Every step of the requests numbered 1 to {@code lastRequestId} goes to the listener (null: none). */
    void listen(Consumer<TraceEvent> traceListener, long lastRequestId) {
        listener = traceListener;
        last = lastRequestId;
    }

    /** Samples a share of the requests arriving after request {@code requestIds} (see World#sampleTraces). */
    void sample(double rate, int capacity, long requestIds) {
        if (sampler == null) {
            sampler = new TraceSampler(seed, capacity, 0);
        }
        sampler.setRate(rate, requestIds);
    }

    /** An event of an attempt at a client group (stage null) or at a stage; {@code outcome} when it ended. */
    void attempt(String client, String stage, String event, String outcome, Attempt a) {
        boolean listen = listener != null && a.requestId <= last;
        Request r = a.request;
        boolean sample = sampler != null && (r != null && r.id == a.requestId ? r.sampled
                : sampler.sampled(a.requestId)); // an onward call has no request of its own
        if (listen || sample) {
            TraceEvent e = new TraceEvent(sim.nowMicros(), stage != null ? stage : client, event, a.requestId,
                    a.number, client, stage, outcome);
            if (listen) {
                listener.accept(e);
            }
            if (sample) {
                sampler.event(e, a, a.request != null && stage == null ? a.request.arrivedMicros : -1,
                        a.startedMicros, placementMicros.getAsLong());
            }
        }
    }

    /** An event of a request at its client group; {@code outcome} when it ended. */
    void request(String client, String event, String outcome, Request r) {
        boolean listen = listener != null && r.id <= last;
        boolean sample = sampler != null && r.sampled;
        if (listen || sample) {
            TraceEvent e = new TraceEvent(sim.nowMicros(), client, event, r.id, r.attemptsMade, client, null,
                    outcome);
            if (listen) {
                listener.accept(e);
            }
            if (sample) {
                sampler.event(e, null, r.arrivedMicros, -1, 0);
            }
        }
    }

    /** An event of a stage itself (a sandbox expiring), not of a request: request id and attempt 0. */
    void stage(String stage, String event) {
        if (listener != null) {
            listener.accept(new TraceEvent(sim.nowMicros(), stage, event, 0, 0, null, stage, null));
        }
    }

    /** An event of a queued message (not of an attempt): the producer's request id, attempt 0. */
    void message(String stage, String event, long requestId) {
        if (listener != null && requestId <= last) {
            listener.accept(new TraceEvent(sim.nowMicros(), stage, event, requestId, 0, null, stage, null));
        }
    }

    /** The name of the client group an attempt serves (through its callers), or null when its caller was lost. */
    static String clientOf(Attempt a) {
        Attempt x = a;
        while (x.onward && x.parent != null) {
            x = x.parent;
        }
        return x.clientMetrics == null ? null : x.clientMetrics.name();
    }
}
