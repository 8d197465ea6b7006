package lab.overload.engine.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds a stage's measured-period {@link StageSummary}: its attempts by outcome, levels, utilisation, queue wait and
 * work ledger, then its blocks: a {@code responseMillis} block (p50, p90, p99, p99.9 of its useful answers' response
 * times) unless it is {@link StageMetrics#sole sole} or a queue (whose ages are its own blocks), and the blocks of its
 * own kind ({@link StageMetrics#detail}).
 */
final class StageSummaries {
    private StageSummaries() {
    }

    /**
     * The stage's section at {@code endMicros}, given its attempts still in flight; a sole stage takes its counts from
     * {@code soleClient}, less the attempts that group refused itself.
     */
    static StageSummary of(StageMetrics st, long endMicros, double measuredMicros, long attemptsInFlight,
                           ClientMetrics soleClient) {
        st.workerTime.advance(endMicros);
        double busyArea = st.busy.summaryArea(endMicros);
        AttemptCounts attempts;
        Moments sWait = st.sWait;
        long completedInWindow = st.sCompletedInWindow;
        if (st.sole) {
            long[] outcomes = soleClient.sAttOut.clone();
            long refused = outcomes[AttemptOutcome.THROTTLED.ordinal()];
            outcomes[AttemptOutcome.THROTTLED.ordinal()] = 0;
            attempts = AttemptCounts.of(soleClient.sAttempts - refused, 0, outcomes, attemptsInFlight);
            sWait = soleClient.sWait;
            completedInWindow = soleClient.sCompletedInWindow;
        } else {
            attempts = AttemptCounts.of(st.sArrived, 0, st.sAttOut, attemptsInFlight);
        }
        long started = sWait.count();
        double workerMicros = st.workerTime.measuredMicros;
        return new StageSummary(st.name, st.kind, attempts,
                measuredMicros / 1e6, completedInWindow / (measuredMicros / 1e6),
                workerMicros == 0 ? 0 : busyArea / workerMicros, busyArea / measuredMicros,
                st.busy.summaryMax(endMicros), st.queue.summaryArea(endMicros) / measuredMicros,
                st.queue.summaryMax(endMicros), sWait.meanMillis(), sWait.stdDevMillis(),
                started == 0 ? Double.NaN : (double) st.sWaited / started, WorkLedger.ofMicros(st.sWork),
                withResponse(st, st.detailBlocks(endMicros)));
    }

    /** The stage's own blocks, after its {@code responseMillis} block when it records one. */
    private static Map<String, Object> withResponse(StageMetrics st, Map<String, Object> blocks) {
        if (st.sole || st.messageAges) {
            return blocks;
        }
        LatencyHistogram h = LatencyHistogram.of(Long.MIN_VALUE, st.sResponse, 0, LatencyHistogram.BUCKETS - 1);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("responseMillis", Summary.ordered("p50", h.percentileMillis(50), "p90", h.percentileMillis(90),
                "p99", h.percentileMillis(99), "p999", h.percentileMillis(99.9)));
        out.putAll(blocks);
        return out;
    }
}
