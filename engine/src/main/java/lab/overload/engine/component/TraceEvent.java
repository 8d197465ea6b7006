package lab.overload.engine.component;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One line of the optional event trace: what happened to which request, when, where. Used by exact event-log tests,
 * {@code run --trace} and the trace view; off (and free) unless a listener is set with {@link World#onTrace}.
 *
 * @param timeMicros sim time of the event
 * @param source     where it happened: the stage, or the client group for its own events
 * @param event      what happened: {@code send}, {@code retry}, {@code enqueue}, {@code start}, {@code checkpoint},
 *                   {@code call STAGE}, {@code timeout}, {@code backoff Nms}, a local refusal, or, when something
 *                   ended, its outcome's name (then also in {@code outcome})
 * @param requestId  sequence number of the logical request, from 1 in arrival order
 * @param attempt    attempt number within the request, from 1 (an onward call carries its caller's)
 * @param client     the client group whose request it is (null for an onward call whose caller was lost)
 * @param stage      the stage it happened at, or null for an event at the client
 * @param outcome    the attempt outcome (at a stage) or request outcome (at the client) when something ended, else
 *                   null
 */
public record TraceEvent(long timeMicros, String source, String event, long requestId, int attempt, String client,
                         String stage, String outcome) {
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.6f %s %s r%d a%d", timeMicros / 1e6, source, event, requestId,
                attempt);
    }

    /** The fields as one JSON object, keys in a fixed order (nulls kept, so every line has the same keys). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("timeMicros", timeMicros);
        m.put("event", event);
        m.put("requestId", requestId);
        m.put("attempt", attempt);
        m.put("client", client);
        m.put("stage", stage);
        m.put("outcome", outcome);
        return m;
    }
}
