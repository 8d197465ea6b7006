package lab.overload.app.view;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.overload.app.chart.ChartStyles;
import lab.overload.app.chart.LiveChart;
import lab.overload.app.chart.TimeSeries;
import lab.overload.engine.metrics.IntervalSnapshot;

/**
 * The Platform tab's charts, fed from the functions' and APIs' entries of each interval's policy map: concurrency per
 * function against its limit (its reservation, else the account's unreserved pool; dashed), invokes per second warm
 * and cold, and throttles per second by cause. One series per entry, made when the entry first appears (a throttle
 * cause when it first throttles).
 */
public final class PlatformCharts {
    public final LiveChart concurrency = new LiveChart("Concurrency per function vs its limit", "invokes");
    public final LiveChart invokes = new LiveChart("Invokes per second: warm vs cold", "per s");
    public final LiveChart throttles = new LiveChart("Throttles per second by cause", "per s");
    final List<LiveChart> charts = List.of(concurrency, invokes, throttles);
    private final Map<String, TimeSeries> series = new LinkedHashMap<>();

    PlatformCharts() {
        for (LiveChart c : charts) {
            c.setEmptyText("The platform's numbers appear here with the first interval: press play.");
        }
    }

    void reset() {
        for (TimeSeries ts : series.values()) {
            ts.clear();
        }
        for (LiveChart c : charts) {
            c.clearData();
        }
    }

    void add(IntervalSnapshot s, double t) {
        for (var e : s.policy().entrySet()) {
            String key = e.getKey();
            String[] part = key.split("\\.", 3);
            if (part.length < 3) {
                continue;
            }
            LiveChart chart;
            String label;
            boolean dashed = false;
            if (part[0].equals("functions")) {
                switch (part[2]) {
                    case "concurrency" -> {
                        chart = concurrency;
                        label = part[1];
                    }
                    case "concurrencyLimit" -> {
                        chart = concurrency;
                        label = part[1] + " limit";
                        dashed = true;
                    }
                    case "invokesWarm" -> {
                        chart = invokes;
                        label = part[1] + " warm";
                    }
                    case "invokesCold" -> {
                        chart = invokes;
                        label = part[1] + " cold";
                    }
                    default -> {
                        if (!part[2].startsWith("throttled")) {
                            continue;
                        }
                        chart = throttles;
                        label = part[1] + " " + Character.toLowerCase(part[2].charAt(9)) + part[2].substring(10);
                    }
                }
            } else if (part[0].equals("apis") && part[2].equals("throttledApiRate")) {
                chart = throttles;
                label = part[1] + " apiRate";
            } else {
                continue;
            }
            if (chart == throttles && e.getValue() == 0 && !series.containsKey(key)) {
                continue; // a cause gets its series when it first throttles: the legend lists only causes seen
            }
            LiveChart target = chart;
            boolean isDashed = dashed;
            TimeSeries ts = series.computeIfAbsent(key, k -> {
                TimeSeries n = new TimeSeries(k, label, ChartStyles.SERIES_POLICY_PREFIX
                        + target.series().size() % ChartStyles.POLICY_HUES).setDashed(isDashed);
                target.addSeries(n);
                return n;
            });
            ts.add(t, s.isPolicyCounter(key) ? e.getValue() / s.seconds() : e.getValue());
        }
    }
}
