package lab.overload.engine.component;

/**
 * One line of the optional event trace: what happened to which request, when. Used by exact event-log tests and the
 * trace view; off (and free) unless a listener is set with {@link World#onTrace}.
 *
 * @param requestId sequence number of the logical request, from 1 in arrival order
 * @param attempt   attempt number within the request, from 1
 */
public record TraceEvent(long timeMicros, String source, String event, long requestId, int attempt) {
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.6f %s %s r%d a%d", timeMicros / 1e6, source, event,
                requestId, attempt);
    }
}
