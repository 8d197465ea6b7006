package lab.overload.app.view;

import java.util.LinkedHashMap;
import java.util.Map;
import lab.overload.app.chart.ChartStyles;
import lab.overload.app.chart.LiveChart;
import lab.overload.app.chart.TimeSeries;
import lab.overload.engine.metrics.IntervalSnapshot;

/**
 * The two policy charts: policy state (token buckets, limits, breaker state) and policy events per second, one series
 * per entry of the snapshots' policy map, made when the entry first appears. Until the first interval they ask the
 * user to press play; a run whose scenario reports no policy says so instead of showing empty axes.
 */
final class PolicyCharts {
    static final String NOT_YET = "Policy state appears here with the first interval: press play.";
    static final String NONE = "Nothing to show: this scenario uses no policy that reports state (retry budgets,"
            + " adaptive concurrency limits, circuit breakers, a dependency). Presets such as retry-budgets and"
            + " adaptive-concurrency fill these charts.";

    final LiveChart state = new LiveChart("Policy state", "value");
    final LiveChart events = new LiveChart("Policy events", "per s");
    private final Map<String, TimeSeries> series = new LinkedHashMap<>();
    private boolean anySnapshot;

    PolicyCharts() {
        showEmptyText(NOT_YET);
    }

    /** A new run: every series is emptied (the charts' own data is cleared with the others). */
    void reset() {
        anySnapshot = false;
        showEmptyText(NOT_YET);
        for (TimeSeries ts : series.values()) {
            ts.clear();
        }
    }

    /** One interval, ending at sim time {@code t} seconds: counters as rates, state as it is. */
    void add(IntervalSnapshot s, double t) {
        if (!anySnapshot) {
            anySnapshot = true;
            showEmptyText(NONE);
        }
        double sec = s.seconds();
        for (var e : s.policy().entrySet()) {
            boolean count = s.isPolicyCounter(e.getKey());
            TimeSeries ts = series.computeIfAbsent(e.getKey(), k -> {
                TimeSeries n = new TimeSeries(k, k,
                        ChartStyles.SERIES_POLICY_PREFIX + series.size() % ChartStyles.POLICY_HUES);
                (count ? events : state).addSeries(n);
                return n;
            });
            ts.add(t, count ? e.getValue() / sec : e.getValue());
        }
    }

    private void showEmptyText(String text) {
        state.setEmptyText(text);
        events.setEmptyText(text);
    }
}
