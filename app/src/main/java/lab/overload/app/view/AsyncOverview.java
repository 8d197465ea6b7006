package lab.overload.app.view;

import java.util.List;
import lab.overload.app.chart.ChartStyles;
import lab.overload.app.chart.LiveChart;
import lab.overload.app.chart.TimeSeries;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.models.scenario.Scenario;

/**
 * The async queues on the overview charts: their backlog summed, next to the service queues' length, and the oldest
 * message of any queue, next to the oldest queued attempt. The series are in their charts only while the scenario
 * has queues.
 */
final class AsyncOverview {
    final TimeSeries backlog = new TimeSeries("asyncBacklog", "messages in async queues", ChartStyles.SERIES_ASYNC);
    final TimeSeries oldestAge = new TimeSeries("asyncOldestAge", "oldest async message", ChartStyles.SERIES_ASYNC);
    /** The policy-map key prefix of each of the scenario's queues, e.g. {@code "queues.orders."}. */
    private List<String> queues = List.of();

    /** A new run of {@code scenario}: the series are emptied and put in (or taken out of) their charts. */
    void reset(Scenario scenario, LiveChart backlogChart, LiveChart ageChart) {
        queues = scenario.queues().stream().map(q -> "queues." + q.name() + ".").toList();
        show(backlogChart, backlog);
        show(ageChart, oldestAge);
    }

    private void show(LiveChart chart, TimeSeries async) {
        chart.removeSeries(async);
        async.clear();
        if (!queues.isEmpty()) {
            chart.addSeries(async);
        }
    }

    void add(IntervalSnapshot s, double t) {
        if (queues.isEmpty()) {
            return;
        }
        double waiting = 0;
        double oldest = 0;
        for (String p : queues) {
            waiting += s.policy().getOrDefault(p + "inQueue", 0.0);
            oldest = Math.max(oldest, s.policy().getOrDefault(p + "oldestAgeMillis", 0.0));
        }
        backlog.add(t, waiting);
        oldestAge.add(t, oldest);
    }
}
