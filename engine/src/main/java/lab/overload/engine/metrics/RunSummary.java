package lab.overload.engine.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Builds the recorder's measured-period {@link Summary}: every client group's and stage's section, and the totals
 * made from them (requests, attempts, latency and queue wait summed over the client groups, the work ledger over the
 * stages), with the system's levels and utilisation.
 */
final class RunSummary {
    private RunSummary() {
    }

    /** See {@link Recorder#summary}. */
    static Summary of(Recorder r, String scenario, long seed, long endMicros, long[] requestsInFlightByClient,
                      long[] attemptsInFlightByClient, long[] attemptsInFlightByStage) {
        r.workerTime.advance(endMicros);
        double busyArea = r.busy.summaryArea(endMicros);
        double measured = Math.max(1, endMicros - r.warmupMicros);
        double seconds = measured / 1e6;
        Map<String, ClientSummary> byClient = new LinkedHashMap<>();
        long requests = 0;
        long attempts = 0;
        long retries = 0;
        long reqInFlight = 0;
        long attInFlight = 0;
        long[] reqOut = new long[RequestOutcome.values().length];
        long[] attOut = new long[AttemptOutcome.values().length];
        Moments latency = new Moments();
        Moments wait = new Moments();
        Histogram histogram = r.clients.size() == 1 ? r.clients.get(0).sLatencyHistogram
                : new Histogram(ClientMetrics.MAX_LATENCY_MICROS, 3);
        long latencyMax = 0;
        long requestTimeSum = 0;
        long requestsEnded = 0;
        long completedInWindow = 0;
        long succeededInWindow = 0;
        for (ClientMetrics c : r.clients) {
            byClient.put(c.name, c.summary(seconds, requestsInFlightByClient[c.index],
                    attemptsInFlightByClient[c.index]));
            requests += c.sRequests;
            attempts += c.sAttempts;
            retries += c.sRetries;
            reqInFlight += requestsInFlightByClient[c.index];
            attInFlight += attemptsInFlightByClient[c.index];
            add(reqOut, c.sReqOut);
            add(attOut, c.sAttOut);
            latency.addAll(c.sLatency);
            wait.addAll(c.sWait);
            if (histogram != c.sLatencyHistogram) {
                histogram.add(c.sLatencyHistogram);
            }
            latencyMax = Math.max(latencyMax, c.sLatencyMax);
            requestTimeSum += c.sRequestTimeSum;
            requestsEnded += c.sRequestEnded;
            completedInWindow += c.sCompletedInWindow;
            succeededInWindow += c.sSucceededInWindow;
        }
        Map<String, StageSummary> byStage = new LinkedHashMap<>();
        long[] work = new long[WorkClass.values().length];
        for (StageMetrics st : r.stages) {
            byStage.put(st.name, StageSummaries.of(st, endMicros, measured, attemptsInFlightByStage[st.index],
                    st.sole ? r.clients.get(0) : null));
            add(work, st.sWork);
        }
        RequestCounts req = RequestCounts.of(requests, reqOut, reqInFlight);
        AttemptCounts att = AttemptCounts.of(attempts, retries, attOut, attInFlight);
        LatencyStats lat = LatencyStats.of(latency, histogram, latencyMax);
        WorkLedger ledger = WorkLedger.ofMicros(work);
        double workerMicros = r.workerTime.measuredMicros;
        return new Summary(scenario, seed, seconds, req.total(), req.succeeded(), req.failedTimeout(),
                req.failedRejected(), req.failedError(), req.expired(), req.inFlight(),
                att.total(), att.retries(), att.completedUseful(), att.completedWasted(), att.completedError(),
                att.shed(), att.throttled(), att.abandonedByServer(), att.inFlight(),
                lat.mean(), lat.stdDev(), lat.p50(), lat.p90(), lat.p99(), lat.p999(), lat.max(),
                wait.meanMillis(), wait.stdDevMillis(),
                busyArea / measured, r.busy.summaryMax(endMicros), r.queue.summaryArea(endMicros) / measured,
                r.queue.summaryMax(endMicros),
                workerMicros == 0 ? 0 : busyArea / workerMicros,
                ledger.useful(), ledger.wasted(), ledger.rejection(), ledger.abandoned(), ledger.init(),
                r.inSystem.summaryArea(endMicros) / measured,
                requestsEnded == 0 ? Double.NaN : (double) requestTimeSum / requestsEnded / 1000, requestsEnded,
                completedInWindow / seconds, succeededInWindow / seconds,
                Collections.unmodifiableMap(byClient), Collections.unmodifiableMap(byStage),
                r.instruments.platformSummary(endMicros));
    }

    private static void add(long[] into, long[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }
}
