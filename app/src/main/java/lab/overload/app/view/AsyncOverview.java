package lab.overload.app.view;

import java.util.List;
import lab.overload.app.chart.ChartStyles;
import lab.overload.app.chart.LiveChart;
import lab.overload.app.chart.TimeSeries;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.models.scenario.Scenario;

/**
 * The async queues on the overview charts. A producer's request ends when its message is accepted, so the overview's
 * own series show the producers' side (accepted messages as goodput, acceptance in microseconds as latency); these
 * series add the consumers' side next to them: the messages processed per second next to goodput, the mean age of the
 * messages taken for processing (their latency) next to the latency percentiles, the backlog summed next to the
 * service queues' length, and the oldest message of any queue next to the oldest queued attempt. With several queues
 * the processed messages are summed and the age is the largest of the queues' means. The series are in their charts
 * only while the scenario has queues.
 */
final class AsyncOverview {
    final TimeSeries backlog = new TimeSeries("asyncBacklog", "messages in async queues", ChartStyles.SERIES_ASYNC);
    final TimeSeries oldestAge = new TimeSeries("asyncOldestAge", "oldest async message", ChartStyles.SERIES_ASYNC);
    final TimeSeries processed = new TimeSeries("asyncProcessed", "messages processed",
            ChartStyles.SERIES_ASYNC_MESSAGES);
    final TimeSeries age = new TimeSeries("asyncAge", "message age (mean)", ChartStyles.SERIES_ASYNC_MESSAGES);
    /** The policy-map key prefix of each of the scenario's queues, e.g. {@code "queues.orders."}. */
    private List<String> queues = List.of();

    /** A new run of {@code scenario}: the series are emptied and put in (or taken out of) their charts. */
    void reset(Scenario scenario, LiveChart goodputChart, LiveChart latencyChart, LiveChart backlogChart,
               LiveChart ageChart) {
        queues = scenario.queues().stream().map(q -> "queues." + q.name() + ".").toList();
        show(goodputChart, processed);
        show(latencyChart, age);
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
        double done = 0;
        double meanAge = Double.NaN;
        for (String p : queues) {
            waiting += s.policy().getOrDefault(p + "inQueue", 0.0);
            oldest = Math.max(oldest, s.policy().getOrDefault(p + "oldestAgeMillis", 0.0));
            done += s.policy().getOrDefault(p + "processed", 0.0);
            double a = s.policy().getOrDefault(p + "ageMillis", Double.NaN);
            if (!Double.isNaN(a) && (Double.isNaN(meanAge) || a > meanAge)) {
                meanAge = a;
            }
        }
        backlog.add(t, waiting);
        oldestAge.add(t, oldest);
        processed.add(t, done / s.seconds());
        age.add(t, meanAge);
    }
}
