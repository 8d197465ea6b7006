package lab.overload.app.view;

import java.util.Locale;
import lab.overload.app.chart.LiveChart;
import lab.overload.engine.metrics.IntervalSnapshot;

/**
 * When no request has succeeded for a while, the latency chart says so instead of going blank, and points to the
 * attempts' latency at the server (sent to answered, queue wait included), which it still draws.
 */
final class LatencyNotice {
    private final LiveChart chart;
    private final double afterSeconds;
    /** Sim time of the run's start and of the newest interval in which a request succeeded. */
    private double runStartSeconds = Double.NaN;
    private double lastSuccessSeconds = Double.NaN;

    /** Notices on {@code chart} once there were no successes for {@code afterSeconds}. */
    LatencyNotice(LiveChart chart, double afterSeconds) {
        this.chart = chart;
        this.afterSeconds = afterSeconds;
    }

    void reset() {
        runStartSeconds = Double.NaN;
        lastSuccessSeconds = Double.NaN;
        chart.setNotice("");
    }

    /** One interval, ending at sim time {@code t} seconds. */
    void add(IntervalSnapshot s, double t) {
        if (Double.isNaN(runStartSeconds)) {
            runStartSeconds = s.startMicros() / 1e6;
        }
        if (s.succeeded() > 0) {
            lastSuccessSeconds = t;
        }
        double since = t - (Double.isNaN(lastSuccessSeconds) ? runStartSeconds : lastSuccessSeconds);
        chart.setNotice(since >= afterSeconds - 1e-9 ? String.format(Locale.ROOT,
                "no successes in the last %.0f s (dashed: the attempts' latency at the server)",
                Math.floor(since + 1e-9)) : "");
    }
}
