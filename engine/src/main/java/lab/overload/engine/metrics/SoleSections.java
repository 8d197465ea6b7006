package lab.overload.engine.metrics;

import java.util.AbstractMap;
import java.util.Set;

/**
 * The sections of an interval snapshot of a scenario with one client group calling its only stage. Then the client
 * group's section is the totals, and so is the stage's (less the attempts the client refused locally, which never
 * reach it): both are built from the snapshot's own fields when read, so sealing such an interval costs two small
 * objects and no copies. A scenario of several client groups or stages uses {@link SectionView} instead.
 *
 * <p>Effectively immutable: {@link #of} links the views to their snapshot before anyone else can see them.
 */
final class SoleSections {
    private final String client;
    private final String stage;
    private final String kind;

    SoleSections(String client, String stage, String kind) {
        this.client = client;
        this.stage = stage;
        this.kind = kind;
    }

    /** A view of the snapshot's totals as one section; linked to its snapshot once that exists. */
    abstract static class View<V> extends AbstractMap<String, V> {
        final SoleSections names;
        IntervalSnapshot snapshot;

        View(SoleSections names) {
            this.names = names;
        }

        abstract String name();

        abstract V section(IntervalSnapshot s);

        @Override
        public Set<Entry<String, V>> entrySet() {
            return Set.of(new SimpleImmutableEntry<>(name(), section(snapshot)));
        }

        @Override
        public V get(Object key) {
            return name().equals(key) ? section(snapshot) : null;
        }
    }

    View<ClientInterval> clientView() {
        return new View<>(this) {
            @Override
            String name() {
                return names.client;
            }

            @Override
            ClientInterval section(IntervalSnapshot s) {
                return new ClientInterval(client, new RequestCounts(s.offered(), s.succeeded(), s.failedTimeout(),
                        s.failedRejected(), s.failedError(), s.expired(), 0),
                        new AttemptCounts(s.attempts(), s.retries(), s.completedUseful(), s.completedWasted(),
                                s.completedError(), s.shed(), s.throttled(), s.abandonedByServer(), 0),
                        s.latencyMeanMillis(), s.queueWaitMeanMillis());
            }
        };
    }

    View<StageInterval> stageView() {
        return new View<>(this) {
            @Override
            String name() {
                return names.stage;
            }

            @Override
            StageInterval section(IntervalSnapshot s) {
                return new StageInterval(stage, kind, new AttemptCounts(s.attempts() - s.throttled(), 0,
                        s.completedUseful(), s.completedWasted(), s.completedError(), s.shed(), 0,
                        s.abandonedByServer(), 0), s.concurrencyMean(), s.concurrencyMax(), s.queueLengthMean(),
                        s.queueLengthMax(), s.queueWaitMeanMillis(), s.utilization(), s.workers(),
                        new WorkLedger(s.usefulWorkSeconds(), s.wastedWorkSeconds(), s.rejectionWorkSeconds(),
                                s.abandonedWorkSeconds(), s.initWorkSeconds()));
            }
        };
    }
}
