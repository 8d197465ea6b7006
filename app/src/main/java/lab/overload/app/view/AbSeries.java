package lab.overload.app.view;

import java.util.List;
import lab.overload.app.chart.LiveChart;
import lab.overload.app.chart.TimeSeries;
import lab.overload.engine.metrics.IntervalSnapshot;

/**
 * Side B of an A/B split on the overview charts: goodput and throughput, latency p50 and p99, busy workers, queue
 * length, and outcomes per second (succeeded, timed out, shed), each drawn in side A's colour but dashed, named
 * "... B", and compared with its side-A series in the legend and the read-out (B - A).
 */
final class AbSeries {
    private record Pair(TimeSeries series, LiveChart chart) {
    }

    final TimeSeries goodput = new TimeSeries("goodputB", "goodput B", "series-goodput");
    final TimeSeries throughput = new TimeSeries("throughputB", "throughput B", "series-throughput");
    final TimeSeries p50 = new TimeSeries("p50B", "p50 B", "series-p50");
    final TimeSeries p99 = new TimeSeries("p99B", "p99 B", "series-p99");
    final TimeSeries busy = new TimeSeries("busyB", "busy workers B", "series-concurrency");
    final TimeSeries queue = new TimeSeries("queueB", "queue length B", "series-queue");
    final TimeSeries succeeded = new TimeSeries("succeededB", "succeeded B", "series-succeeded");
    final TimeSeries timedOut = new TimeSeries("timedOutB", "failed: timed out B", "series-timeout");
    final TimeSeries shed = new TimeSeries("shedB", "shed B", "series-shed");
    private List<Pair> pairs = List.of();
    private boolean shown;

    boolean shown() {
        return shown;
    }

    /** Adds B's series to the charts of {@code d} (next to their side-A series) or takes them away. */
    void show(boolean on, DashboardCharts d) {
        if (pairs.isEmpty()) {
            pairs = List.of(pair(goodput, d.goodput, d.goodputChart), pair(throughput, d.throughput, d.goodputChart),
                    pair(p50, d.p50, d.latencyChart), pair(p99, d.p99, d.latencyChart),
                    pair(busy, d.busy, d.concurrencyChart), pair(queue, d.queue, d.queueChart),
                    pair(succeeded, d.succeeded, d.outcomesChart), pair(timedOut, d.timedOut, d.outcomesChart),
                    pair(shed, d.shed, d.outcomesChart));
        }
        if (on == shown) {
            return;
        }
        shown = on;
        for (Pair p : pairs) {
            if (on) {
                p.series().clear();
                p.chart().addSeries(p.series());
            } else {
                p.chart().removeSeries(p.series());
            }
        }
    }

    private static Pair pair(TimeSeries b, TimeSeries a, LiveChart chart) {
        b.setDashed(true).setReference(a);
        return new Pair(b, chart);
    }

    void add(IntervalSnapshot s) {
        if (!shown) {
            return;
        }
        double t = s.endMicros() / 1e6;
        double sec = s.seconds();
        goodput.add(t, s.goodputPerSecond());
        throughput.add(t, s.throughputPerSecond());
        p50.add(t, s.latencyP50Millis());
        p99.add(t, s.latencyP99Millis());
        busy.add(t, s.concurrencyMean());
        queue.add(t, s.queueLengthMean());
        succeeded.add(t, s.succeeded() / sec);
        timedOut.add(t, s.failedTimeout() / sec);
        shed.add(t, s.shed() / sec);
    }

    void clear() {
        for (Pair p : pairs) {
            p.series().clear();
        }
    }
}
