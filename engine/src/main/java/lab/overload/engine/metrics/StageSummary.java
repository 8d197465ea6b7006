package lab.overload.engine.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One stage's section of the {@link Summary} ({@code byStage.NAME}): the attempts that reached it in the measured
 * period (its callers' attempts, a client's or another stage's) by how they ended, its throughput, load, queueing and
 * work (see docs/summary-format.md). {@code waitedFraction} is the share of the attempts a worker took that had to
 * queue first (NaN when a worker took none). {@code detail} holds the blocks of the stage's own kind (a queue's
 * messages, ages, backlog and tenants), appended after the common ones; empty for a service.
 */
public record StageSummary(String name, String kind, AttemptCounts attempts, double measuredSeconds,
                           double throughputPerSecond, double utilization, double concurrencyMean,
                           long concurrencyMax, double queueLengthMean, long queueLengthMax, double queueWaitMean,
                           double queueWaitStdDev, double waitedFraction, WorkLedger work,
                           Map<String, Object> detail) {

    /** A stage with no blocks of its own kind. */
    public StageSummary(String name, String kind, AttemptCounts attempts, double measuredSeconds,
                        double throughputPerSecond, double utilization, double concurrencyMean, long concurrencyMax,
                        double queueLengthMean, long queueLengthMax, double queueWaitMean, double queueWaitStdDev,
                        double waitedFraction, WorkLedger work) {
        this(name, kind, attempts, measuredSeconds, throughputPerSecond, utilization, concurrencyMean, concurrencyMax,
                queueLengthMean, queueLengthMax, queueWaitMean, queueWaitStdDev, waitedFraction, work, Map.of());
    }

    /** Its block of the summary JSON. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("attempts", attempts.toMap(false));
        m.put("ratesPerSecond", Summary.ordered("attempts", attempts.total() / measuredSeconds,
                "throughput", throughputPerSecond));
        m.put("utilization", utilization);
        m.put("concurrency", Summary.ordered("mean", concurrencyMean, "max", concurrencyMax));
        m.put("queueLength", Summary.ordered("mean", queueLengthMean, "max", queueLengthMax));
        m.put("queueWaitMillis", Summary.ordered("mean", queueWaitMean, "stdDev", queueWaitStdDev));
        m.put("waitedFraction", waitedFraction);
        m.put("workSeconds", work.toMap());
        m.putAll(detail);
        return m;
    }
}
