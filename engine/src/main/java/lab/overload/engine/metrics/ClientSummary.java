package lab.overload.engine.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One client group's section of the {@link Summary} ({@code byClient.NAME}): the same blocks as the totals, over its
 * own requests and attempts (see docs/summary-format.md).
 */
public record ClientSummary(String name, RequestCounts requests, AttemptCounts attempts, double measuredSeconds,
                            double throughputPerSecond, double goodputPerSecond, LatencyStats latency,
                            double queueWaitMean, double queueWaitStdDev) {

    /** Its block of the summary JSON. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requests", requests.toMap());
        m.put("attempts", attempts.toMap(true));
        double s = measuredSeconds;
        m.put("ratesPerSecond", Summary.ordered("offered", requests.total() / s, "attempts", attempts.total() / s,
                "throughput", throughputPerSecond, "goodput", goodputPerSecond));
        m.put("latencyMillis", latency.toMap());
        m.put("queueWaitMillis", Summary.ordered("mean", queueWaitMean, "stdDev", queueWaitStdDev));
        return m;
    }
}
