package lab.overload.app.queues;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import lab.overload.app.chart.LiveChart;
import lab.overload.app.chart.TimeSeries;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.engine.metrics.LaneInterval;
import lab.overload.models.scenario.LaneMapping;
import lab.overload.models.scenario.QueueSpec;
import lab.overload.models.scenario.Scenario;

/**
 * What the Queues tab shows of the scenario's first queue, fed from interval snapshots: the backlog and the oldest
 * message's age over time, drops by cause per second (expired by the time to live, throttled by backpressure), the
 * lanes as bars (every interval) and the overlap table exact next to measured (once per simulated second).
 * {@link #presentProperty()} says whether the scenario has a queue at all (the tab is shown only then). FX thread only.
 */
public final class QueueCharts {
    public final TimeSeries backlog = new TimeSeries("backlog", "messages waiting", QueueStyles.SERIES_BACKLOG);
    public final TimeSeries oldestAge = new TimeSeries("oldestMessageAge", "oldest message", QueueStyles.SERIES_OLDEST);
    public final TimeSeries expired = new TimeSeries("expired", "expired (time to live)", QueueStyles.SERIES_EXPIRED);
    public final TimeSeries throttled = new TimeSeries("queueThrottled", "throttled (backpressure)",
            QueueStyles.SERIES_THROTTLED);
    public final LiveChart backlogChart = chart("Backlog", "messages", backlog);
    public final LiveChart ageChart = chart("Oldest message age", "ms", oldestAge);
    public final LiveChart dropsChart = chart("Drops by cause", "per s", expired, throttled);
    public final LaneBars bars = new LaneBars();
    private final ObservableList<OverlapRow> overlap = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper present = new ReadOnlyBooleanWrapper(this, "present", false);
    private QueueSpec queue;
    private long lastSecond = -1;

    private static LiveChart chart(String title, String unit, TimeSeries... series) {
        LiveChart c = new LiveChart(title, unit);
        for (TimeSeries s : series) {
            c.addSeries(s);
        }
        return c;
    }

    public List<LiveChart> charts() {
        return List.of(backlogChart, ageChart, dropsChart);
    }

    /** Whether the scenario has a queue (the Queues tab is shown only then). */
    public ReadOnlyBooleanProperty presentProperty() {
        return present.getReadOnlyProperty();
    }

    /** The queue shown (the scenario's first), or null. */
    public QueueSpec queue() {
        return queue;
    }

    /** The overlap table's rows (empty when the queue deals no hands). */
    public ObservableList<OverlapRow> overlap() {
        return overlap;
    }

    /** Whether the queue deals hands, so an overlap table exists (SHUFFLE_SHARD, or HASH: hands of one). */
    public boolean hasHands() {
        return queue != null && (queue.mapping() == LaneMapping.SHUFFLE_SHARD || queue.mapping() == LaneMapping.HASH);
    }

    /** A new run of {@code scenario}: clears the data and picks the queue shown. */
    public void reset(Scenario scenario) {
        queue = scenario.queues().isEmpty() ? null : scenario.queues().get(0);
        lastSecond = -1;
        for (LiveChart c : charts()) {
            c.clearData();
        }
        bars.show(null);
        bars.setTitle(queue == null ? "Lanes" : String.format(Locale.ROOT, "Messages waiting per lane of %s",
                queue.name()));
        overlap.setAll(hasHands() ? OverlapRow.of(queue.laneCount(), handSize(), null) : List.of());
        present.set(queue != null);
    }

    private int handSize() {
        return queue.mapping() == LaneMapping.HASH ? 1 : Math.min(queue.handSize(), queue.laneCount());
    }

    public void add(IntervalSnapshot s) {
        if (queue == null) {
            return;
        }
        double t = s.endMicros() / 1e6;
        String p = "queues." + queue.name() + ".";
        backlog.add(t, s.policy().getOrDefault(p + "inQueue", Double.NaN));
        oldestAge.add(t, s.policy().getOrDefault(p + "oldestAgeMillis", Double.NaN));
        expired.add(t, s.policy().getOrDefault(p + "expired", 0.0) / s.seconds());
        throttled.add(t, s.policy().getOrDefault(p + "throttled", 0.0) / s.seconds());
        LaneInterval lanes = s.lanes().get(queue.name());
        bars.show(lanes);
        long second = s.endMicros() / 1_000_000;
        if (second != lastSecond && hasHands()) {
            lastSecond = second;
            overlap.setAll(OverlapRow.of(queue.laneCount(), handSize(), lanes));
        }
    }
}
