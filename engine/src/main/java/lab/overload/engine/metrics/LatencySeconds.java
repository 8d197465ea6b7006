package lab.overload.engine.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The recorder's part for the sections' per-second latency histograms ({@link SectionLatencies}): whether they are
 * made, the sole case's histograms built from the interval's latencies, and the sealing of every section's seconds
 * into an interval snapshot. Single writer: the simulation thread.
 */
final class LatencySeconds {
    private boolean on;
    /** The sole client group's (and stage's) latencies by second, built from the interval's. */
    private SecondLatencies sole;

    /** A section's histograms when they are made now, else null. */
    SecondLatencies section() {
        return on ? new SecondLatencies() : null;
    }

    /** Makes the histograms of the sections from now on, or stops; the sole case's sections never keep any. */
    void enable(boolean enabled, List<ClientMetrics> clients, List<StageMetrics> stages) {
        if (enabled == on) {
            return;
        }
        on = enabled;
        boolean soleCase = stages.size() == 1 && stages.get(0).sole;
        for (ClientMetrics c : clients) {
            c.latencies = on && !soleCase ? new SecondLatencies() : null;
        }
        for (StageMetrics st : stages) {
            st.latencies = on && !st.sole ? new SecondLatencies() : null;
        }
        sole = null;
    }

    /**
     * One client group calling its only stage: the interval's successes, as the recorder keeps them for its
     * percentiles ({@code values[0..count)}, or {@code histogram} when it holds them), go into the second that holds
     * the interval's end, so the sections record nothing extra per request.
     */
    void feedSole(long[] values, int count, Histogram histogram, long nowMicros) {
        if (!on) {
            return;
        }
        if (sole == null) {
            sole = new SecondLatencies();
        }
        long at = nowMicros - 1;
        if (histogram != null) {
            for (HistogramIterationValue v : histogram.recordedValues()) {
                sole.record(v.getValueIteratedTo(), v.getCountAtValueIteratedTo(), at);
            }
        } else {
            for (int i = 0; i < count; i++) {
                sole.record(values[i], at);
            }
        }
    }

    /** The sole case's seconds sealed by now: the client group's, and the same for its stage (derived). */
    SectionLatencies sealSole(String client, String stage, long nowMicros) {
        if (!on || sole == null) {
            return SectionLatencies.NONE;
        }
        List<LatencyHistogram> l = sole.drain(nowMicros);
        return l.isEmpty() ? SectionLatencies.NONE : new SectionLatencies(Map.of(client, l), Map.of(stage, l), stage);
    }

    /** Every section's seconds sealed by now (only sections with a second to hand out have an entry). */
    SectionLatencies seal(List<ClientMetrics> clients, List<StageMetrics> stages, long nowMicros) {
        if (!on) {
            return SectionLatencies.NONE;
        }
        Map<String, List<LatencyHistogram>> byClient = null;
        Map<String, List<LatencyHistogram>> byStage = null;
        for (ClientMetrics c : clients) {
            List<LatencyHistogram> l = c.latencies == null ? List.of() : c.latencies.drain(nowMicros);
            if (!l.isEmpty()) {
                byClient = byClient == null ? new LinkedHashMap<>() : byClient;
                byClient.put(c.name, l);
            }
        }
        for (StageMetrics st : stages) {
            List<LatencyHistogram> l = st.latencies == null ? List.of() : st.latencies.drain(nowMicros);
            if (!l.isEmpty()) {
                byStage = byStage == null ? new LinkedHashMap<>() : byStage;
                byStage.put(st.name, l);
            }
        }
        return byClient == null && byStage == null ? SectionLatencies.NONE
                : new SectionLatencies(byClient == null ? Map.of() : Collections.unmodifiableMap(byClient),
                        byStage == null ? Map.of() : Collections.unmodifiableMap(byStage), null);
    }
}
