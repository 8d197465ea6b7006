package lab.overload.app.view;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.overload.app.chart.ChartStyles;
import lab.overload.app.chart.LiveChart;
import lab.overload.app.chart.TimeSeries;
import lab.overload.app.platform.SandboxGrid;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.engine.metrics.PlatformInterval;

/**
 * The Platform tab's sandbox grid and charts. The charts are fed from the functions', the account's and the APIs'
 * entries of each interval's policy map: concurrency per function against its limit (its reservation, else the
 * account's unreserved pool; drawn only when some function has a reservation, else it is the account limit) and the
 * account's concurrency against the account limit (limits dashed), invokes per
 * second warm and cold, throttles per second by cause (named short: reserved, account, scaling rate, capacity, API
 * rate), and each function's scaling-rate budget (new sandboxes it may
 * start now); and from the interval's platform section: the mean duration of warm and of cold invokes (the cliff)
 * and the grid. One series per entry, made when the entry first appears (a throttle cause when it first throttles,
 * a cold duration when a cold invoke first ends); within a chart each series has its own colour.
 */
public final class PlatformCharts {
    public final LiveChart concurrency = new LiveChart("Concurrency", "invokes");
    public final LiveChart invokes = new LiveChart("Invokes/s warm, cold", "per s");
    public final LiveChart throttles = new LiveChart("Throttles/s by cause", "per s");
    public final LiveChart latency = new LiveChart("Duration warm, cold", "ms");
    public final LiveChart scaling = new LiveChart("Scaling-rate budget", "new sandboxes");
    static final String NO_THROTTLES = "No throttles so far: every invoke was within the limits.";
    public final SandboxGrid grid = new SandboxGrid();
    final List<LiveChart> charts = List.of(concurrency, invokes, throttles, latency, scaling);
    private final Map<String, TimeSeries> series = new LinkedHashMap<>();
    /** The account limit of the newest interval (NaN before one). */
    private double accountLimit = Double.NaN;

    PlatformCharts() {
        for (LiveChart c : charts) {
            c.setEmptyText(NOT_YET);
        }
    }

    static final String NOT_YET = "The platform's numbers appear here with the first interval: press play.";

    void reset() {
        for (TimeSeries ts : series.values()) {
            ts.clear();
        }
        for (LiveChart c : charts) {
            c.clearData();
        }
        throttles.setEmptyText(NOT_YET);
        accountLimit = Double.NaN;
        grid.show(PlatformInterval.NONE);
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
                        if (e.getValue() == accountLimit && !series.containsKey(key)) {
                            continue; // no reservation anywhere: its limit is the account's, drawn once
                        }
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
                    case "scalingBudget" -> {
                        chart = scaling;
                        label = part[1];
                    }
                    default -> {
                        if (!part[2].startsWith("throttled")) {
                            continue;
                        }
                        chart = throttles;
                        label = part[1] + " " + causeLabel(part[2].substring(9));
                    }
                }
            } else if (part[0].equals("platform") && part[2].startsWith("concurrency")) {
                chart = concurrency;
                dashed = part[2].equals("concurrencyLimit");
                label = dashed ? "account limit" : "all functions";
                if (dashed) {
                    accountLimit = e.getValue();
                }
            } else if (part[0].equals("apis") && part[2].equals("throttledApiRate")) {
                chart = throttles;
                label = part[1] + " API rate";
            } else {
                continue;
            }
            if (chart == throttles && e.getValue() == 0 && !series.containsKey(key)) {
                continue; // a cause gets its series when it first throttles: the legend lists only causes seen
            }
            seriesFor(key, chart, label, dashed).add(t, s.isPolicyCounter(key) ? e.getValue() / s.seconds()
                    : e.getValue());
        }
        if (!throttles.series().isEmpty() || s.policy().isEmpty()) {
            throttles.setEmptyText(NOT_YET);
        } else {
            throttles.setEmptyText(NO_THROTTLES);
        }
        PlatformInterval p = s.platform();
        for (int f = 0; f < p.functions().size(); f++) {
            String name = p.functions().get(f);
            seriesFor("duration." + name + ".warm", latency, name + " warm", false)
                    .add(t, p.durationMeanMillis(f, false));
            String cold = "duration." + name + ".cold";
            if (p.invokesEnded(f, true) > 0 || series.containsKey(cold)) {
                seriesFor(cold, latency, name + " cold", false).add(t, p.durationMeanMillis(f, true));
            }
        }
        grid.show(p);
    }

    /** A throttle cause as its legend says it: {@code AccountConcurrency} is "account". */
    static String causeLabel(String cause) {
        return switch (cause) {
            case "ReservedConcurrency" -> "reserved";
            case "AccountConcurrency" -> "account";
            case "ScalingRate" -> "scaling rate";
            case "Capacity" -> "capacity";
            default -> Character.toLowerCase(cause.charAt(0)) + cause.substring(1);
        };
    }

    private TimeSeries seriesFor(String key, LiveChart chart, String label, boolean dashed) {
        return series.computeIfAbsent(key, k -> {
            TimeSeries n = new TimeSeries(k, label, ChartStyles.SERIES_POLICY_PREFIX
                    + chart.series().size() % ChartStyles.POLICY_HUES).setDashed(dashed);
            chart.addSeries(n);
            return n;
        });
    }
}
