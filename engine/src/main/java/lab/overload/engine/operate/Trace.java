package lab.overload.engine.operate;

import java.util.List;

/**
 * A sampled request's trace, immutable: its spans in start order, client spans first at each instant.
 *
 * @param requestId    the request's sequence number (from 1 in arrival order)
 * @param client       the client group that sent it
 * @param arrivalMicros sim time it arrived at its client
 * @param endMicros    sim time its client saw it end
 * @param outcome      its request outcome ({@code SUCCEEDED}, {@code FAILED_TIMEOUT}, ...)
 * @param attempts     attempts made
 * @param cold         whether any of its invokes started a cold sandbox
 * @param throttled    whether any of its attempts was refused cheaply (throttled or shed)
 * @param complete     false when the trace was closed before every stage had finished its part (a message that
 *                     expired in a queue, or a stage still busy long after the client left)
 * @param spans        the spans
 */
public record Trace(long requestId, String client, long arrivalMicros, long endMicros, String outcome, int attempts,
                    boolean cold, boolean throttled, boolean complete, List<Span> spans) {
    public Trace {
        spans = List.copyOf(spans);
    }

    /** The latency its client saw: end minus arrival. */
    public long latencyMicros() {
        return endMicros - arrivalMicros;
    }

    public boolean failed() {
        return !"SUCCEEDED".equals(outcome);
    }

    /** The latest end of any span (after the request's end when a stage worked on after the client left). */
    public long lastMicros() {
        long last = endMicros;
        for (Span s : spans) {
            last = Math.max(last, s.endMicros());
        }
        return last;
    }

    /** The sum of the client's own spans (depth 0), which tile the request's life: equal to its latency. */
    public long clientSpanMicros() {
        long sum = 0;
        for (Span s : spans) {
            if (s.depth() == 0) {
                sum += s.durationMicros();
            }
        }
        return sum;
    }
}
