package lab.overload.engine.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The summary of a run over its measured period (after warm-up). Request and attempt counts are by cohort: the
 * requests that arrived, and the attempts that were sent, in the measured period, each classified by how it ended
 * (or still in flight at the end), so conservation holds exactly. Throughput and goodput rates are by event time:
 * completions and successes that happened in the measured period, whenever their requests arrived (under overload a
 * cohort's requests may still be queued at the end, which would make a cohort rate understate the server's work). Latency is client-observed, from a request's
 * arrival to its successful answer, over successful requests. Work is in worker-seconds. {@code byClient} and
 * {@code byStage} are each client group's and each stage's own section; the totals are their sums (requests and
 * attempts over the client groups, work over the stages). {@code platform} is the account's block (its worker
 * managers' sandboxes by state), empty without functions.
 */
public record Summary(String scenario, long seed, double measuredSeconds,
                      long requestsTotal, long succeeded, long failedTimeout, long failedRejected, long failedError,
                      long expired, long requestsInFlight,
                      long attemptsTotal, long retries, long completedUseful, long completedWasted,
                      long completedError, long shed, long throttled, long abandonedByServer, long attemptsInFlight,
                      double latencyMean, double latencyStdDev, double latencyP50, double latencyP90, double latencyP99,
                      double latencyP999, double latencyMax,
                      double queueWaitMean, double queueWaitStdDev, double concurrencyMean, long concurrencyMax, double queueLengthMean,
                      long queueLengthMax, double utilization, double usefulWork, double wastedWork,
                      double rejectionWork, double abandonedWork, double initWork,
                      double inSystemMean, double requestMeanTimeMillis, long requestsEnded,
                      double throughputPerSecond, double goodputPerSecond,
                      Map<String, ClientSummary> byClient, Map<String, StageSummary> byStage,
                      Map<String, Object> platform) {

    /** A summary without a platform block. */
    public Summary(String scenario, long seed, double measuredSeconds,
                   long requestsTotal, long succeeded, long failedTimeout, long failedRejected, long failedError,
                   long expired, long requestsInFlight,
                   long attemptsTotal, long retries, long completedUseful, long completedWasted,
                   long completedError, long shed, long throttled, long abandonedByServer, long attemptsInFlight,
                   double latencyMean, double latencyStdDev, double latencyP50, double latencyP90, double latencyP99,
                   double latencyP999, double latencyMax,
                   double queueWaitMean, double queueWaitStdDev, double concurrencyMean, long concurrencyMax,
                   double queueLengthMean, long queueLengthMax, double utilization, double usefulWork,
                   double wastedWork, double rejectionWork, double abandonedWork, double initWork,
                   double inSystemMean, double requestMeanTimeMillis, long requestsEnded,
                   double throughputPerSecond, double goodputPerSecond,
                   Map<String, ClientSummary> byClient, Map<String, StageSummary> byStage) {
        this(scenario, seed, measuredSeconds, requestsTotal, succeeded, failedTimeout, failedRejected, failedError,
                expired, requestsInFlight, attemptsTotal, retries, completedUseful, completedWasted, completedError,
                shed, throttled, abandonedByServer, attemptsInFlight, latencyMean, latencyStdDev, latencyP50,
                latencyP90, latencyP99, latencyP999, latencyMax, queueWaitMean, queueWaitStdDev, concurrencyMean,
                concurrencyMax, queueLengthMean, queueLengthMax, utilization, usefulWork, wastedWork, rejectionWork,
                abandonedWork, initWork, inSystemMean, requestMeanTimeMillis, requestsEnded, throughputPerSecond,
                goodputPerSecond, byClient, byStage, Map.of());
    }

    /** The documented summary JSON layout (see docs/summary-format.md), as ordered nested maps. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", scenario);
        m.put("seed", seed);
        m.put("measuredSeconds", measuredSeconds);
        m.put("requests", ordered("total", requestsTotal, "succeeded", succeeded, "failedTimeout", failedTimeout,
                "failedRejected", failedRejected, "failedError", failedError, "expired", expired,
                "inFlight", requestsInFlight));
        m.put("attempts", ordered("total", attemptsTotal, "retries", retries, "completedUseful", completedUseful,
                "completedWasted", completedWasted, "completedError", completedError, "shed", shed,
                "throttled", throttled, "abandonedByServer", abandonedByServer, "inFlight", attemptsInFlight));
        double s = measuredSeconds;
        m.put("ratesPerSecond", ordered("offered", requestsTotal / s, "attempts", attemptsTotal / s,
                "throughput", throughputPerSecond, "goodput", goodputPerSecond));
        m.put("latencyMillis", ordered("mean", latencyMean, "stdDev", latencyStdDev, "p50", latencyP50, "p90", latencyP90, "p99", latencyP99,
                "p999", latencyP999, "max", latencyMax));
        m.put("queueWaitMillis", ordered("mean", queueWaitMean, "stdDev", queueWaitStdDev));
        m.put("concurrency", ordered("mean", concurrencyMean, "max", concurrencyMax));
        m.put("queueLength", ordered("mean", queueLengthMean, "max", queueLengthMax));
        m.put("utilization", utilization);
        m.put("workSeconds", ordered("useful", usefulWork, "wasted", wastedWork, "rejection", rejectionWork,
                "abandoned", abandonedWork, "init", initWork));
        m.put("littlesLaw", ordered("inSystemMean", inSystemMean, "arrivalRatePerSecond", requestsTotal / s,
                "meanTimeInSystemMillis", requestMeanTimeMillis));
        Map<String, Object> clients = new LinkedHashMap<>();
        byClient.forEach((name, c) -> clients.put(name, c.toMap()));
        m.put("byClient", clients);
        Map<String, Object> stages = new LinkedHashMap<>();
        byStage.forEach((name, st) -> stages.put(name, st.toMap()));
        m.put("byStage", stages);
        if (!platform.isEmpty()) {
            m.put("platform", platform);
        }
        return m;
    }

    static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Checks request and attempt conservation; throws naming the imbalance. */
    public void checkConservation() {
        long requestEnds = succeeded + failedTimeout + failedRejected + failedError + expired + requestsInFlight;
        if (requestEnds != requestsTotal) {
            throw new IllegalStateException("request conservation: total " + requestsTotal + " != outcomes "
                    + requestEnds);
        }
        long attemptEnds = completedUseful + completedWasted + completedError + shed + throttled
                + abandonedByServer + attemptsInFlight;
        if (attemptEnds != attemptsTotal) {
            throw new IllegalStateException("attempt conservation: total " + attemptsTotal + " != outcomes "
                    + attemptEnds);
        }
        if (attemptsTotal != requestsTotal + retries) {
            throw new IllegalStateException("attempts " + attemptsTotal + " != requests " + requestsTotal
                    + " + retries " + retries);
        }
    }
}
