package lab.overload.app.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.engine.run.MetastabilityDetector;
import lab.overload.models.scenario.Scenario;

/**
 * Watches the run's triggers (timeline spikes that end): keeps the run's snapshots, bounded to the first 20 minutes
 * of sim time, and says for each trigger, once it has ended and the grace time passed, whether the system recovered
 * or is still degraded (a metastable failure). FX thread only.
 */
final class TriggerWatch {
    private static final int HISTORY_LIMIT = 12_000;

    private final List<IntervalSnapshot> history = new ArrayList<>();

    /** A new run: forget the old one's snapshots. */
    void clear() {
        history.clear();
    }

    void add(IntervalSnapshot snapshot) {
        if (history.size() < HISTORY_LIMIT) {
            history.add(snapshot);
        }
    }

    /** One line per trigger of {@code s}; empty when it has none or no snapshot has arrived. */
    String describe(Scenario s) {
        if (s.timeline().stream().noneMatch(c -> c.holdSeconds() > 0) || history.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        var report = MetastabilityDetector.analyze(s, history, MetastabilityDetector.Settings.DEFAULTS);
        for (var t : report.triggers()) {
            String what = t.trigger().label().isEmpty() ? t.trigger().path() + " = " + t.trigger().value()
                    : t.trigger().label();
            String verdict = switch (t.verdict()) {
                case STILL_DEGRADED -> String.format(Locale.ROOT,
                        "STILL DEGRADED after it ended: goodput %.0f/s vs %.0f/s before (metastable)", t.after(),
                        t.baseline());
                case RECOVERED -> String.format(Locale.ROOT, "recovered%s: goodput %.0f/s vs %.0f/s before",
                        t.hasRecoveryTime() ? String.format(Locale.ROOT, " %.1f s after it ended",
                                t.recoverySeconds()) : "", t.after(), t.baseline());
                default -> "watching...";
            };
            sb.append(sb.length() == 0 ? "" : "\n").append("Trigger '").append(what).append("': ").append(verdict);
        }
        return sb.toString();
    }
}
