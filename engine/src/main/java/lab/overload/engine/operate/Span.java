package lab.overload.engine.operate;

/**
 * One span of a sampled trace, immutable.
 *
 * @param kind        what it stands for
 * @param label       its text in a waterfall, e.g. {@code attempt 2 (timed out)} or {@code queue wait}
 * @param stage       the stage it happened at, or null for the client's own spans
 * @param attempt     the attempt number it belongs to (from 1); 0 for the client's spans between attempts
 * @param startMicros sim time it started
 * @param endMicros   sim time it ended (equal to the start for a refusal)
 * @param depth       0 for the client's spans, 1 for the first stage, one more for each onward call
 */
public record Span(SpanKind kind, String label, String stage, int attempt, long startMicros, long endMicros,
                   int depth) {
    public Span {
        if (endMicros < startMicros) {
            throw new IllegalArgumentException("span " + label + " ends before it starts");
        }
    }

    public long durationMicros() {
        return endMicros - startMicros;
    }
}
