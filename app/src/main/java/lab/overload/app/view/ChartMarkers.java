package lab.overload.app.view;

import java.util.List;
import java.util.Locale;
import lab.overload.app.chart.ChartStyles;
import lab.overload.app.chart.LiveChart;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.scenario.TimelineChange;

/**
 * The markers every dashboard chart shares: each timeline change where it starts, where its ramp ends and where a
 * held spike ends (the previous value restored), and the user's own changes, one marker per path for changes less
 * than {@link #COALESCE_SECONDS} apart (a slider drag), showing the final value. FX thread only.
 */
final class ChartMarkers {
    /** Changes of one path closer than this in sim time share one user marker (a slider drag). */
    static final double COALESCE_SECONDS = 1;

    private ChartMarkers() {
    }

    /** The scenario's timeline markers, on every chart (called after the charts were cleared). */
    static void timeline(List<LiveChart> charts, Scenario scenario) {
        for (LiveChart c : charts) {
            for (TimelineChange t : scenario.timeline()) {
                String label = t.label().isEmpty() ? t.path() + " \u2192 " + t.value() : t.label();
                c.addMarker(t.atSeconds(), label, ChartStyles.MARKER_TIMELINE);
                if (t.rampSeconds() > 0) {
                    c.addMarker(t.atSeconds() + t.rampSeconds(), String.format(Locale.ROOT, "ramp ends: %s %s",
                            t.path().substring(t.path().lastIndexOf('.') + 1), t.value()),
                            ChartStyles.MARKER_TIMELINE_END);
                }
                if (t.holdSeconds() > 0) {
                    c.addMarker(t.atSeconds() + t.rampSeconds() + t.holdSeconds(), "ends: " + label + " (restored)",
                            ChartStyles.MARKER_TIMELINE_END);
                }
            }
        }
    }

    /** A user change labelled {@code "path = value"}, keyed by its path so a drag coalesces. */
    static void user(List<LiveChart> charts, double tSeconds, String label) {
        int eq = label.indexOf(" = ");
        String key = eq > 0 ? label.substring(0, eq) : label;
        for (LiveChart c : charts) {
            c.addMarker(tSeconds, label, ChartStyles.MARKER_USER, key, COALESCE_SECONDS);
        }
    }
}
