package lab.overload.engine.component;

import lab.overload.engine.operate.TraceSampler;

/**
 * A queue's events of a message (not of an attempt) for the trace listener and the sampled traces: a retry planned,
 * the message rejoining a lane, and its end (processed, dead-lettered or expired). A sampled trace waits for its
 * messages to end, so an expired or dead-lettered message closes it with an explicit span instead of leaving it open.
 * Called only while the world traces ({@code World.tracing()}).
 */
final class QueueTraces {
    private final World world;
    private final String stage;

    QueueTraces(World world, String stage) {
        this.world = world;
        this.stage = stage;
    }

    /** A message event for the listener and a sampled trace, which waits for the message at least to {@code next}. */
    void event(String event, long requestId, long nextMicros) {
        world.traces.message(stage, event, requestId);
        sampled(event, requestId, nextMicros);
    }

    /** The target processed the message: the end a sampled trace waits for (the listener's log is unchanged). */
    void processed(long requestId) {
        sampled(TraceSampler.PROCESSED, requestId, world.sim.nowMicros());
    }

    private void sampled(String event, long requestId, long nextMicros) {
        TraceSampler sampler = world.traceSampler();
        if (sampler != null && sampler.sampled(requestId)) {
            sampler.message(new TraceEvent(world.sim.nowMicros(), stage, event, requestId, 0, null, stage, null),
                    nextMicros);
        }
    }
}
