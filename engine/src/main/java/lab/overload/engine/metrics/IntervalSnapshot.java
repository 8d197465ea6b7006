package lab.overload.engine.metrics;

/**
 * Everything measured in one interval of sim time, immutable. Counts are of events that happened in the interval
 * (by event time); levels are time averages and maxima over the interval; latency percentiles are of the
 * client-observed latency of requests that succeeded in the interval (NaN when none did). The work fields are in
 * worker-seconds credited when an attempt ended (its whole held time, classified by how it ended). The last three
 * fields split the interval's busy workers as the work happened: serving clients still waiting, serving clients who
 * had already given up (certain waste), and rejecting. {@code policy} holds the state of the scenario's policies,
 * named by component (e.g. {@code clients.web.retryTokens} sampled at the end of the interval, or
 * {@code clients.web.retriesDenied} counted over it); it is empty when no policy reports anything. {@code byClient}
 * and {@code byStage} hold each client group's and each stage's own section, by name in the scenario's order; the
 * totals above are their sums (requests and attempts over the client groups, work over the stages). {@code lanes}
 * holds each queue stage's lanes at the end of the interval, by name (empty without queues). {@code platform} holds
 * the account's sandboxes by worker manager, function and state at the end of the interval, and the invokes that ended
 * in it, warm and cold ({@link PlatformInterval#NONE} without functions). {@code tenantTops} holds, for each client
 * group standing for more than one tenant, the {@link TenantTopTable}s of the simulated seconds that ended by the end
 * of the interval and were not in an earlier snapshot, oldest first (a second's table comes once; empty list when no
 * second ended; no entry for a group with one tenant). {@code latencies} holds, by client group and by stage, the
 * {@link LatencyHistogram}s of the seconds that ended by the end of the interval and were not in an earlier snapshot
 * (see {@link SectionLatencies}: successes' latency, stage response time, message age), for percentiles over any span
 * of whole seconds.
 */
public record IntervalSnapshot(
        int index, long startMicros, long endMicros,
        long offered, long attempts, long retries,
        long succeeded, long failedTimeout, long failedRejected, long failedError, long expired,
        long completedUseful, long completedWasted, long completedError, long shed, long throttled,
        long abandonedByServer,
        double latencyMeanMillis, double latencyP50Millis, double latencyP90Millis, double latencyP99Millis,
        double latencyP999Millis,
        double queueWaitMeanMillis, double attemptLatencyMeanMillis,
        double concurrencyMean, long concurrencyMax, double queueLengthMean, long queueLengthMax,
        double oldestQueuedAgeMillis, double inSystemMean, long workers, double utilization,
        double usefulWorkSeconds, double wastedWorkSeconds, double rejectionWorkSeconds,
        double abandonedWorkSeconds, double initWorkSeconds,
        double requestMeanTimeMillis,
        double busyClientWaitingMean, double busyClientGoneMean, double rejectingMean,
        java.util.Map<String, Double> policy, java.util.Set<String> policyCounters,
        java.util.Map<String, ClientInterval> byClient, java.util.Map<String, StageInterval> byStage,
        java.util.Map<String, LaneInterval> lanes, PlatformInterval platform,
        java.util.Map<String, java.util.List<TenantTopTable>> tenantTops, SectionLatencies latencies) {

    /** The per-second latency histograms of the seconds that ended by the end of this interval, by section. */
    @Override
    public SectionLatencies latencies() {
        return latencies == null ? SectionLatencies.NONE : latencies;
    }

    /** Each client group's section, by name in the scenario's order. */
    @Override
    public java.util.Map<String, ClientInterval> byClient() {
        return byClient instanceof SoleSections.ClientMarker sole ? sole.of(this) : byClient;
    }

    /** Each stage's section, by name in the scenario's order. */
    @Override
    public java.util.Map<String, StageInterval> byStage() {
        return byStage instanceof SoleSections.StageMarker sole ? sole.of(this) : byStage;
    }

    /** Whether a policy entry is a count of events over the interval (else a state sampled at its end). */
    public boolean isPolicyCounter(String name) {
        return policyCounters.contains(name);
    }

    public double seconds() {
        return (endMicros - startMicros) / 1e6;
    }

    /** New requests per second. */
    public double offeredPerSecond() {
        return offered / seconds();
    }

    /** Attempts (first tries and retries) per second. */
    public double attemptsPerSecond() {
        return attempts / seconds();
    }

    /** Attempts the servers finished working on per second, whatever their use. */
    public double throughputPerSecond() {
        return (completedUseful + completedWasted + completedError) / seconds();
    }

    /** Requests that succeeded per second: the only rate users care about. */
    public double goodputPerSecond() {
        return succeeded / seconds();
    }

    /** Rejections (shed and throttled) per second. */
    public double rejectedPerSecond() {
        return (shed + throttled) / seconds();
    }

    /** Requests that failed on a client timeout per second. */
    public double timedOutPerSecond() {
        return failedTimeout / seconds();
    }
}
