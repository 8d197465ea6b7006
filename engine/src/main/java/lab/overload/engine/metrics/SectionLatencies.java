package lab.overload.engine.metrics;

import java.util.List;
import java.util.Map;

/**
 * The per-second latency histograms of an interval snapshot: for each client group and each stage, the
 * {@link LatencyHistogram}s of the simulated seconds that ended by the end of the interval and were not in an earlier
 * snapshot, oldest first (a second comes once; a section with no value in a second has no histogram for it; a
 * section with none in the snapshot has no entry). Immutable.
 *
 * <p>What is measured: for a client group, the latency of its requests that succeeded (from arrival to the answer, as
 * the totals' latency); for a service, function or API, the response time of each attempt it completed while its
 * caller still waited ({@code COMPLETED_USEFUL}), from the attempt's arrival at the stage to its answer (queue wait,
 * placement and init of a cold start, dependency calls and work included); for a queue, the age of each message when a
 * poller takes it (taken minus its first enqueue, as the queue's {@code ageMillis}).
 *
 * <p>A scenario with one client group calling its only stage records nothing extra: the group's histograms are built
 * when an interval is sealed from the latencies the recorder keeps for the interval's percentiles (by the second that
 * holds the interval's end), and the stage's are the same histograms, named by {@link #derivedStage}. Each success is
 * then one attempt the stage answered usefully, sent when it reached the stage, plus whatever the request spent
 * before that attempt (earlier attempts and backoffs), so the client's p99 is the stage's exactly when the client does
 * not retry and an upper bound of it otherwise.
 *
 * <p>They are made only while someone reads the snapshots ({@link Recorder#secondLatencies}, set by the world when an
 * interval listener is set); otherwise every snapshot holds {@link #NONE}.
 *
 * @param byClient     histograms by client group name
 * @param byStage      histograms by stage name
 * @param derivedStage the stage whose histograms are its sole client group's (an upper bound), or null
 */
public record SectionLatencies(Map<String, List<LatencyHistogram>> byClient,
                               Map<String, List<LatencyHistogram>> byStage, String derivedStage) {
    /** No second ended in the interval. */
    public static final SectionLatencies NONE = new SectionLatencies(Map.of(), Map.of(), null);

    /** A section's histograms in this snapshot (empty when it has none). */
    public List<LatencyHistogram> client(String name) {
        return byClient.getOrDefault(name, List.of());
    }

    /** A stage's histograms in this snapshot (empty when it has none). */
    public List<LatencyHistogram> stage(String name) {
        return byStage.getOrDefault(name, List.of());
    }
}
