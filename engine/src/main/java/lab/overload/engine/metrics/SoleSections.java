package lab.overload.engine.metrics;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/**
 * The sections of the interval snapshots of a scenario with one client group calling its only stage. Then the client
 * group's section is the totals, and so is the stage's (less the attempts the client refused locally, which never
 * reach it). Each snapshot holds the same two markers ({@link #clients}, {@link #stages}, made once per recorder), and
 * {@link IntervalSnapshot#byClient()} and {@link IntervalSnapshot#byStage()} build the sections from the snapshot's
 * own fields when read. So sealing such an interval allocates nothing for its sections and the snapshot refers to
 * nothing new. A scenario of several client groups or stages uses {@link SectionView} instead.
 */
final class SoleSections {
    private final String client;
    private final String stage;
    private final String kind;
    /** The marker a snapshot holds as its {@code byClient}: read it through the snapshot's accessor. */
    final ClientMarker clients = new ClientMarker();
    /** The marker a snapshot holds as its {@code byStage}: read it through the snapshot's accessor. */
    final StageMarker stages = new StageMarker();

    SoleSections(String client, String stage, String kind) {
        this.client = client;
        this.stage = stage;
        this.kind = kind;
    }

    /** Stands for the client section of whichever snapshot holds it; empty as a map of its own. */
    final class ClientMarker extends AbstractMap<String, ClientInterval> {
        @Override
        public Set<Entry<String, ClientInterval>> entrySet() {
            return Set.of();
        }

        /** The section of the snapshot that holds this marker. */
        Map<String, ClientInterval> of(IntervalSnapshot s) {
            return Map.of(client, new ClientInterval(client, new RequestCounts(s.offered(), s.succeeded(),
                    s.failedTimeout(), s.failedRejected(), s.failedError(), s.expired(), 0),
                    new AttemptCounts(s.attempts(), s.retries(), s.completedUseful(), s.completedWasted(),
                            s.completedError(), s.shed(), s.throttled(), s.abandonedByServer(), 0),
                    s.latencyMeanMillis(), s.queueWaitMeanMillis()));
        }

        @Override
        public String toString() {
            return "{" + client + "=(the totals)}";
        }
    }

    /** Stands for the stage section of whichever snapshot holds it; empty as a map of its own. */
    final class StageMarker extends AbstractMap<String, StageInterval> {
        @Override
        public Set<Entry<String, StageInterval>> entrySet() {
            return Set.of();
        }

        /** The section of the snapshot that holds this marker. */
        Map<String, StageInterval> of(IntervalSnapshot s) {
            return Map.of(stage, new StageInterval(stage, kind, new AttemptCounts(s.attempts() - s.throttled(), 0,
                    s.completedUseful(), s.completedWasted(), s.completedError(), s.shed(), 0,
                    s.abandonedByServer(), 0), s.concurrencyMean(), s.concurrencyMax(), s.queueLengthMean(),
                    s.queueLengthMax(), s.queueWaitMeanMillis(), s.utilization(), s.workers(),
                    new WorkLedger(s.usefulWorkSeconds(), s.wastedWorkSeconds(), s.rejectionWorkSeconds(),
                            s.abandonedWorkSeconds(), s.initWorkSeconds())));
        }

        @Override
        public String toString() {
            return "{" + stage + "=(the totals)}";
        }
    }
}
