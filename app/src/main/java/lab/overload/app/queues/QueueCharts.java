package lab.overload.app.queues;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import lab.overload.app.chart.LiveChart;
import lab.overload.app.chart.TimeSeries;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.engine.metrics.LaneInterval;
import lab.overload.engine.metrics.TenantAgeTable;
import lab.overload.models.scenario.LaneMapping;
import lab.overload.models.scenario.QueueSpec;
import lab.overload.models.scenario.Scenario;

/**
 * What the Queues tab shows of the selected queue (the scenario's first until another is picked), fed from interval
 * snapshots: the backlog and the oldest message's age over time, drops by cause per second (expired by the time to
 * live, throttled by backpressure, dead-lettered: the target failed), the lanes as bars (every interval), the most
 * affected tenants' ages and the overlap table exact next to measured (once per simulated second). Every queue's series
 * are recorded all the time, so picking another queue shows its whole run so far. {@link #presentProperty()} says
 * whether the scenario has a queue at all (the tab is shown only then). FX thread only.
 */
public final class QueueCharts {
    public final LiveChart backlogChart = new LiveChart("Backlog", "messages");
    public final LiveChart ageChart = new LiveChart("Oldest message age", "ms");
    public final LiveChart dropsChart = new LiveChart("Drops by cause", "per s");
    public final LaneBars bars = new LaneBars();
    private final ObservableList<OverlapRow> overlap = FXCollections.observableArrayList();
    private final ObservableList<TenantAgeRow> tenantAges = FXCollections.observableArrayList();
    private final ObservableList<String> queueNames = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper present = new ReadOnlyBooleanWrapper(this, "present", false);
    private final ReadOnlyObjectWrapper<QueueSpec> queue = new ReadOnlyObjectWrapper<>(this, "queue");
    private final Map<String, QueueSeries> series = new LinkedHashMap<>();
    private final Map<String, LaneInterval> newest = new LinkedHashMap<>();
    private Scenario scenario;
    private TenantAgeTable agesShown;
    private long lastSecond = -1;

    /** One queue's series. */
    private record QueueSeries(TimeSeries backlog, TimeSeries oldestAge, TimeSeries expired, TimeSeries throttled,
                               TimeSeries deadLettered) {
        QueueSeries() {
            this(new TimeSeries("backlog", "messages waiting", QueueStyles.SERIES_BACKLOG),
                    new TimeSeries("oldestMessageAge", "oldest message", QueueStyles.SERIES_OLDEST),
                    new TimeSeries("expired", "expired (time to live)", QueueStyles.SERIES_EXPIRED),
                    new TimeSeries("queueThrottled", "throttled (backpressure)", QueueStyles.SERIES_THROTTLED),
                    new TimeSeries("deadLettered", "dead-lettered (target failed)", QueueStyles.SERIES_DEAD_LETTERED));
        }

        List<TimeSeries> all() {
            return List.of(backlog, oldestAge, expired, throttled, deadLettered);
        }
    }

    public List<LiveChart> charts() {
        return List.of(backlogChart, ageChart, dropsChart);
    }

    /** Whether the scenario has a queue (the Queues tab is shown only then). */
    public ReadOnlyBooleanProperty presentProperty() {
        return present.getReadOnlyProperty();
    }

    /** The queue shown, or null. */
    public QueueSpec queue() {
        return queue.get();
    }

    public ReadOnlyObjectProperty<QueueSpec> queueProperty() {
        return queue.getReadOnlyProperty();
    }

    /** The scenario's queues by name, in its order (the selector's items). */
    public ObservableList<String> queueNames() {
        return queueNames;
    }

    /** The overlap table's rows (empty when the queue deals no hands). */
    public ObservableList<OverlapRow> overlap() {
        return overlap;
    }

    /** The most affected tenants of the last sealed second (the noisy tenant marked). */
    public ObservableList<TenantAgeRow> tenantAges() {
        return tenantAges;
    }

    /** Whether the queue deals hands, so an overlap table exists (SHUFFLE_SHARD, or HASH: hands of one). */
    public boolean hasHands() {
        QueueSpec q = queue.get();
        return q != null && (q.mapping() == LaneMapping.SHUFFLE_SHARD || q.mapping() == LaneMapping.HASH);
    }

    /** A new run of {@code scenario}: clears the data; the queue shown stays when the scenario still has it. */
    public void reset(Scenario next) {
        scenario = next;
        String keep = queue.get() == null ? null : queue.get().name();
        for (QueueSeries qs : series.values()) {
            qs.all().forEach(TimeSeries::clear);
        }
        for (LiveChart c : charts()) {
            c.clearData();
        }
        newest.clear();
        List<String> names = next.queues().stream().map(QueueSpec::name).toList();
        for (String n : names) {
            series.computeIfAbsent(n, k -> new QueueSeries());
        }
        queueNames.setAll(names);
        queue.set(null);
        select(names.contains(keep) ? keep : names.isEmpty() ? null : names.get(0));
        present.set(!names.isEmpty());
    }

    /** Shows queue {@code name} of the scenario (its run so far); unknown names are ignored. */
    public void select(String name) {
        QueueSpec q = name == null ? null : scenario.queues().stream().filter(s -> s.name().equals(name))
                .findFirst().orElse(null);
        if (name != null && q == null || q != null && queue.get() != null && q.name().equals(queue.get().name())) {
            return;
        }
        for (LiveChart c : charts()) {
            for (TimeSeries s : List.copyOf(c.series())) {
                c.removeSeries(s);
            }
        }
        queue.set(q);
        if (q != null) {
            QueueSeries qs = series.get(q.name());
            backlogChart.addSeries(qs.backlog());
            ageChart.addSeries(qs.oldestAge());
            dropsChart.addSeries(qs.expired());
            dropsChart.addSeries(qs.throttled());
            dropsChart.addSeries(qs.deadLettered());
        }
        bars.setTitle(q == null ? "Lanes" : String.format(Locale.ROOT, "Waiting per lane of %s", q.name()));
        LaneInterval lanes = q == null ? null : newest.get(q.name());
        bars.show(null);
        bars.show(lanes);
        overlap.setAll(hasHands() ? OverlapRow.of(q.laneCount(), handSize(), lanes) : List.of());
        agesShown = null;
        showAges(lanes);
        lastSecond = -1;
    }

    private int handSize() {
        QueueSpec q = queue.get();
        return q.mapping() == LaneMapping.HASH ? 1 : Math.min(q.handSize(), q.laneCount());
    }

    private void showAges(LaneInterval lanes) {
        TenantAgeTable t = lanes == null ? TenantAgeTable.EMPTY : lanes.tenantAges();
        if (t != agesShown) {
            agesShown = t;
            tenantAges.setAll(TenantAgeRow.of(t));
        }
    }

    public void add(IntervalSnapshot s) {
        double t = s.endMicros() / 1e6;
        for (var e : series.entrySet()) {
            if (!queueNames.contains(e.getKey())) {
                continue;
            }
            String p = "queues." + e.getKey() + ".";
            QueueSeries qs = e.getValue();
            qs.backlog().add(t, s.policy().getOrDefault(p + "inQueue", Double.NaN));
            qs.oldestAge().add(t, s.policy().getOrDefault(p + "oldestAgeMillis", Double.NaN));
            qs.expired().add(t, s.policy().getOrDefault(p + "expired", 0.0) / s.seconds());
            qs.throttled().add(t, s.policy().getOrDefault(p + "throttled", 0.0) / s.seconds());
            qs.deadLettered().add(t, s.policy().getOrDefault(p + "deadLettered", 0.0) / s.seconds());
            LaneInterval lanes = s.lanes().get(e.getKey());
            if (lanes != null) {
                newest.put(e.getKey(), lanes);
            }
        }
        QueueSpec q = queue.get();
        if (q == null) {
            return;
        }
        LaneInterval lanes = s.lanes().get(q.name());
        bars.show(lanes);
        showAges(lanes);
        long second = s.endMicros() / 1_000_000;
        if (second != lastSecond && hasHands()) {
            lastSecond = second;
            overlap.setAll(OverlapRow.of(q.laneCount(), handSize(), lanes));
        }
    }
}
