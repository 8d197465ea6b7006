package lab.overload.engine.run;

import java.util.ArrayList;
import java.util.List;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.models.scenario.FieldDef;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.scenario.TimelineChange;

/**
 * Did the system come back after a trigger? A <em>trigger</em> is a timeline change that ends: one with
 * {@code holdSeconds > 0} (a load spike, a latency spike, a dip). A metastable system is one that a short trigger
 * knocks into a bad state that sustains itself after the trigger has gone (a retry storm keeps the queue full, every
 * request it serves has already timed out, the retries of those time out in turn). For each trigger this compares
 * goodput well after the trigger ended with goodput before it started:
 *
 * <ul>
 *   <li><b>baseline</b>: mean goodput over the {@code baselineSeconds} (10 s) before the trigger starts, or over what
 *       there is of them (from the first snapshot, and after the end of an earlier trigger);</li>
 *   <li><b>after</b>: mean goodput over the last {@code windowSeconds} (10 s) of the data, or of the time before the
 *       next trigger starts, and never earlier than {@code graceSeconds} (10 s) after the trigger ended;</li>
 *   <li><b>verdict</b>: {@link Verdict#RECOVERED} when after &ge; {@code fraction} (0.5) &times; baseline, else
 *       {@link Verdict#STILL_DEGRADED}; {@link Verdict#PENDING} while there is no data yet from the grace period's end
 *       on (a live run, or a batch run too short for the trigger); {@link Verdict#UNKNOWN} when there is no baseline
 *       (no data before the trigger, or no goodput in it);</li>
 *   <li><b>recovery time</b>: seconds from the trigger's end to the first instant t from which goodput stays at or
 *       above the threshold for {@code holdSeconds} (5 s): every centred moving average of {@code smoothingSeconds}
 *       (1 s), on a grid of one snapshot interval, with its centre in [t, t + hold - smoothing], is at or above it. A
 *       step from nothing back to full goodput at time T therefore recovers at T (with fraction 0.5). NaN when that
 *       never happens within the data (or before the next trigger).</li>
 * </ul>
 *
 * <p>With {@link Basis#SUCCESS_RATIO} "goodput" above is replaced by the share of offered requests that succeed
 * (goodput / offered load): use it when the offered load after the trigger differs from the load before it, as in
 * {@link Hysteresis}, where a healthy system at a tenth of the load has a tenth of the goodput.
 *
 * <p>A pure function of the scenario's timeline and a list of interval snapshots (in time order; gaps, such as frames
 * a live view dropped, are allowed and left out of the rates): no engine state, so the app can call it on the frames
 * it has received so far, and a batch run and a live run of the same scenario give the same report. Rates over a
 * window weight each snapshot by the part of it inside the window.
 */
public final class MetastabilityDetector {
    /** What is compared with the baseline. */
    public enum Basis {
        /** Requests that succeeded per second. */
        GOODPUT,
        /** Requests that succeeded per request offered (goodput / offered load, per window). */
        SUCCESS_RATIO
    }

    /** How a trigger ended. */
    public enum Verdict {
        /** Goodput after the trigger came back to at least {@code fraction} of the baseline. */
        RECOVERED,
        /** Goodput after the trigger stayed below {@code fraction} of the baseline: the system is stuck. */
        STILL_DEGRADED,
        /** Not enough data after the trigger yet (it has not ended, or its grace period has not passed). */
        PENDING,
        /** No baseline to compare with (no data before the trigger, or no goodput in it). */
        UNKNOWN
    }

    /**
     * The detector's settings (seconds of sim time).
     *
     * @param graceSeconds     time after a trigger ends before the after window may start
     * @param fraction         share of the baseline that counts as recovered, in (0, 1]
     * @param baselineSeconds  length of the baseline window before a trigger
     * @param windowSeconds    length of the after window
     * @param holdSeconds      how long goodput must stay above the threshold to count as a recovery
     * @param smoothingSeconds length of the sliding windows of the recovery search (at most holdSeconds)
     * @param basis            goodput, or the share of offered requests that succeed
     */
    public record Settings(double graceSeconds, double fraction, double baselineSeconds, double windowSeconds,
                           double holdSeconds, double smoothingSeconds, Basis basis) {
        /** Grace 10 s, fraction 0.5, baseline 10 s, after window 10 s, hold 5 s, smoothing 1 s, goodput. */
        public static final Settings DEFAULTS = new Settings(10, 0.5, 10, 10, 5, 1, Basis.GOODPUT);

        public Settings {
            check("graceSeconds", graceSeconds, 0, true);
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("fraction must be in (0, 1], was " + FieldDef.format(fraction));
            }
            check("baselineSeconds", baselineSeconds, 0, false);
            check("windowSeconds", windowSeconds, 0, false);
            check("holdSeconds", holdSeconds, 0, false);
            check("smoothingSeconds", smoothingSeconds, 0, false);
            if (smoothingSeconds > holdSeconds) {
                throw new IllegalArgumentException("smoothingSeconds must be at most holdSeconds ("
                        + FieldDef.format(holdSeconds) + " s), was " + FieldDef.format(smoothingSeconds));
            }
            if (basis == null) {
                throw new IllegalArgumentException("basis must be GOODPUT or SUCCESS_RATIO, was null");
            }
        }

        private static void check(String name, double v, double min, boolean minIncluded) {
            if (!(Double.isFinite(v) && (minIncluded ? v >= min : v > min) && v <= 864_000)) {
                throw new IllegalArgumentException(name + " must be in " + (minIncluded ? "[" : "(")
                        + FieldDef.format(min) + ", 864000] s, was " + FieldDef.format(v));
            }
        }

        public Settings withGrace(double seconds) {
            return new Settings(seconds, fraction, baselineSeconds, windowSeconds, holdSeconds, smoothingSeconds,
                    basis);
        }

        public Settings withFraction(double f) {
            return new Settings(graceSeconds, f, baselineSeconds, windowSeconds, holdSeconds, smoothingSeconds,
                    basis);
        }

        public Settings withWindow(double seconds) {
            return new Settings(graceSeconds, fraction, baselineSeconds, seconds, holdSeconds, smoothingSeconds,
                    basis);
        }

        public Settings withBasis(Basis b) {
            return new Settings(graceSeconds, fraction, baselineSeconds, windowSeconds, holdSeconds, smoothingSeconds,
                    b);
        }
    }

    /**
     * A timeline change that ends: it starts at {@code startMicros} and its previous value is restored at
     * {@code endMicros} (after the last ramp step plus the hold).
     */
    public record Trigger(int timelineIndex, String path, String value, String label, long startMicros,
                          long endMicros) {
        public Trigger {
            if (endMicros < startMicros) {
                throw new IllegalArgumentException("trigger ends (" + endMicros + " us) before it starts ("
                        + startMicros + " us)");
            }
        }

        public double startSeconds() {
            return startMicros / 1e6;
        }

        public double endSeconds() {
            return endMicros / 1e6;
        }

        /** E.g. {@code clients.web.ratePerSecond=400 at 20-25 s (spike)}. */
        public String describe() {
            return path + "=" + value + " at " + FieldDef.format(startSeconds()) + "-" + FieldDef.format(endSeconds())
                    + " s" + (label.isEmpty() ? "" : " (" + label + ")");
        }
    }

    /**
     * The verdict on one trigger. Rates are per second (or shares, with {@link Basis#SUCCESS_RATIO}; the offered
     * rates are always per second); times are sim seconds; NaN where there is nothing to report.
     *
     * @param baseline        goodput (or success ratio) over the baseline window
     * @param baselineOffered offered load over the baseline window
     * @param after           goodput (or success ratio) over the after window
     * @param afterOffered    offered load over the after window
     * @param threshold       fraction &times; baseline
     * @param recoverySeconds time from the trigger's end to the start of the recovery; NaN if none was seen
     * @param reason          one line explaining the verdict
     */
    public record TriggerReport(Trigger trigger, Verdict verdict, Basis basis,
                                double baselineFromSeconds, double baselineToSeconds, double baseline,
                                double baselineOffered,
                                double afterFromSeconds, double afterToSeconds, double after, double afterOffered,
                                double threshold, double recoverySeconds, String reason) {
        public boolean recovered() {
            return verdict == Verdict.RECOVERED;
        }

        public boolean stillDegraded() {
            return verdict == Verdict.STILL_DEGRADED;
        }

        /** Whether a recovery (goodput back above the threshold for the hold time) was seen. */
        public boolean hasRecoveryTime() {
            return !Double.isNaN(recoverySeconds);
        }
    }

    /** The report on every trigger of a scenario, in timeline order. */
    public record Report(Settings settings, List<TriggerReport> triggers) {
        public Report {
            triggers = List.copyOf(triggers);
        }

        /** Whether any trigger left the system degraded. */
        public boolean anyStillDegraded() {
            return triggers.stream().anyMatch(TriggerReport::stillDegraded);
        }
    }

    private MetastabilityDetector() {
    }

    /** The scenario's triggers (timeline changes with {@code holdSeconds > 0}), ordered by start, then list order. */
    public static List<Trigger> triggers(Scenario scenario) {
        long interval = scenario.intervalMillis() * 1000L;
        List<Trigger> out = new ArrayList<>();
        List<TimelineChange> timeline = scenario.timeline();
        for (int i = 0; i < timeline.size(); i++) {
            TimelineChange c = timeline.get(i);
            if (c.holdSeconds() > 0) {
                out.add(new Trigger(i, c.path(), c.value(), c.label(), Math.round(c.atSeconds() * 1e6),
                        endMicros(c, interval)));
            }
        }
        out.sort((a, b) -> a.startMicros() != b.startMicros() ? Long.compare(a.startMicros(), b.startMicros())
                : Integer.compare(a.timelineIndex(), b.timelineIndex()));
        return List.copyOf(out);
    }

    /**
     * When a timeline change's previous value comes back: after the change is complete (the step, or the last ramp
     * step, one per metrics interval counted from {@code atSeconds}), plus {@code holdSeconds}. This is the engine's
     * own schedule (docs/scenario-format.md, Timeline).
     */
    public static long endMicros(TimelineChange c, long intervalMicros) {
        long at = Math.round(c.atSeconds() * 1e6);
        long ramp = Math.round(c.rampSeconds() * 1e6);
        long complete = at;
        if (ramp > 0) {
            long steps = (ramp + intervalMicros - 1) / intervalMicros;
            complete = at + steps * intervalMicros;
        }
        return complete + Math.round(c.holdSeconds() * 1e6);
    }

    /** Analyses every trigger of the scenario against its interval snapshots. */
    public static Report analyze(Scenario scenario, List<IntervalSnapshot> snapshots, Settings settings) {
        return analyze(triggers(scenario), snapshots, settings);
    }

    /**
     * Analyses the given triggers (ordered by start) against the snapshots (in time order). The
     * baseline of a trigger starts no earlier than the end of the trigger before it; its after window and recovery
     * search end no later than the start of the next trigger that starts after it ends.
     */
    public static Report analyze(List<Trigger> triggers, List<IntervalSnapshot> snapshots, Settings settings) {
        GoodputSeries series = new GoodputSeries(snapshots);
        List<TriggerReport> reports = new ArrayList<>();
        for (int i = 0; i < triggers.size(); i++) {
            Trigger t = triggers.get(i);
            long from = i > 0 ? triggers.get(i - 1).endMicros() : Long.MIN_VALUE;
            long until = Long.MAX_VALUE;
            for (int j = i + 1; j < triggers.size(); j++) {
                if (triggers.get(j).startMicros() >= t.endMicros()) {
                    until = Math.min(until, triggers.get(j).startMicros());
                }
            }
            reports.add(TriggerAnalysis.analyze(t, series, settings, from, until));
        }
        return new Report(settings, reports);
    }

    /** Analyses one trigger on its own (no other triggers limit its windows). */
    public static TriggerReport analyze(Trigger trigger, List<IntervalSnapshot> snapshots, Settings settings) {
        return TriggerAnalysis.analyze(trigger, new GoodputSeries(snapshots), settings, Long.MIN_VALUE,
                Long.MAX_VALUE);
    }
}
