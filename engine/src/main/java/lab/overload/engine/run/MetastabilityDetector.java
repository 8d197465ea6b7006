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
        Series series = new Series(snapshots);
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
            reports.add(analyze(t, series, settings, from, until));
        }
        return new Report(settings, reports);
    }

    /** Analyses one trigger on its own (no other triggers limit its windows). */
    public static TriggerReport analyze(Trigger trigger, List<IntervalSnapshot> snapshots, Settings settings) {
        return analyze(trigger, new Series(snapshots), settings, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    private static TriggerReport analyze(Trigger t, Series s, Settings st, long notBefore, long notAfter) {
        Basis basis = st.basis();
        // baseline
        long b1 = t.startMicros();
        long b0 = b1;
        double baseline = Double.NaN;
        double baselineOffered = Double.NaN;
        if (!s.isEmpty()) {
            b0 = Math.max(Math.max(s.start(), notBefore), b1 - micros(st.baselineSeconds()));
            b1 = Math.min(b1, s.end());
            if (b1 > b0) {
                baseline = s.value(basis, b0, b1);
                baselineOffered = s.offeredRate(b0, b1);
            } else {
                b0 = t.startMicros();
                b1 = b0;
            }
        }
        // after window
        long end = s.isEmpty() ? t.endMicros() : Math.min(s.end(), notAfter);
        long a0min = t.endMicros() + micros(st.graceSeconds());
        long a1 = end;
        long a0 = Math.max(a0min, a1 - micros(st.windowSeconds()));
        if (!s.isEmpty()) {
            a0 = Math.max(a0, s.start());
        }
        double after = Double.NaN;
        double afterOffered = Double.NaN;
        boolean afterReady = a1 > a0;
        if (afterReady) {
            after = s.value(basis, a0, a1);
            afterOffered = s.offeredRate(a0, a1);
        } else {
            a0 = a0min;
            a1 = a0min;
        }
        double threshold = st.fraction() * baseline;
        double recovery = Double.NaN;
        if (Double.isFinite(baseline) && baseline > 0) {
            recovery = recoverySeconds(s, basis, t.endMicros(), end, threshold, st);
        }
        Verdict verdict;
        String reason;
        String unit = basis == Basis.GOODPUT ? "/s" : " of offered";
        if (!afterReady || Double.isNaN(after)) {
            verdict = Verdict.PENDING;
            reason = notAfter <= a0min
                    ? "the next trigger starts at " + FieldDef.format(notAfter / 1e6) + " s, before the grace period "
                    + "after this one ends (" + FieldDef.format(a0min / 1e6) + " s)"
                    : "needs data beyond " + FieldDef.format(a0min / 1e6) + " s (trigger end + "
                    + FieldDef.format(st.graceSeconds()) + " s grace)";
        } else if (!(Double.isFinite(baseline) && baseline > 0)) {
            verdict = Verdict.UNKNOWN;
            reason = Double.isNaN(baseline) ? "no data before the trigger to form a baseline"
                    : "no " + (basis == Basis.GOODPUT ? "goodput" : "success") + " before the trigger to compare with";
        } else if (after >= threshold) {
            verdict = Verdict.RECOVERED;
            reason = fmt(after) + unit + " after >= " + FieldDef.format(st.fraction()) + " x " + fmt(baseline) + unit
                    + " baseline";
        } else {
            verdict = Verdict.STILL_DEGRADED;
            reason = fmt(after) + unit + " after < " + FieldDef.format(st.fraction()) + " x " + fmt(baseline) + unit
                    + " baseline";
        }
        return new TriggerReport(t, verdict, basis, b0 / 1e6, b1 / 1e6, baseline, baselineOffered, a0 / 1e6,
                a1 / 1e6, after, afterOffered, threshold, recovery, reason);
    }

    /**
     * The first time from the trigger's end, on a grid of one snapshot interval, from which every centred window of
     * {@code smoothingSeconds} in the next {@code holdSeconds} is at or above the threshold, as seconds after the
     * trigger's end; NaN if none fits before {@code end}.
     */
    private static double recoverySeconds(Series s, Basis basis, long triggerEnd, long end, double threshold,
                                          Settings st) {
        if (s.isEmpty()) {
            return Double.NaN;
        }
        long step = s.step();
        long smooth = micros(st.smoothingSeconds());
        long hold = micros(st.holdSeconds());
        long origin = Math.max(triggerEnd - smooth / 2, s.start());
        if (origin + hold > end) {
            return Double.NaN;
        }
        // window k covers [origin + k*step, origin + k*step + smooth); a recovery from window j (centred at
        // origin + j*step + smooth/2) needs windows j .. j+m good, the last ending exactly at origin + j*step + hold
        int count = (int) ((end - smooth - origin) / step) + 1;
        int m = (int) ((hold - smooth) / step);
        boolean exactEnd = (hold - smooth) % step == 0;
        boolean[] good = new boolean[count];
        for (int k = 0; k < count; k++) {
            long w0 = origin + k * step;
            double v = s.value(basis, w0, w0 + smooth);
            good[k] = v >= threshold;
        }
        int run = 0;
        for (int k = 0; k < count; k++) {
            run = good[k] ? run + 1 : 0;
            if (run >= m + 1) {
                int j = k - m;
                long start = origin + j * step;
                if (!exactEnd) {
                    long w0 = start + hold - smooth;
                    if (w0 + smooth > end || !(s.value(basis, w0, w0 + smooth) >= threshold)) {
                        continue;
                    }
                }
                return (start + smooth / 2 - triggerEnd) / 1e6;
            }
        }
        return Double.NaN;
    }

    private static long micros(double seconds) {
        return Math.round(seconds * 1e6);
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, v >= 10 ? "%.1f" : "%.3g", v);
    }

    /**
     * Prefix sums of succeeded, offered and covered time over the snapshots, for exact windowed rates in O(log n).
     * Gaps between snapshots (frames a live view never received) are allowed: a window's rate is over the part of it
     * that snapshots cover.
     */
    private static final class Series {
        private final long[] starts;
        private final long[] ends;
        private final double[] succeeded;
        private final double[] offered;
        private final double[] cumSucceeded;
        private final double[] cumOffered;
        private final long[] cumMicros;

        Series(List<IntervalSnapshot> snapshots) {
            int n = snapshots.size();
            starts = new long[n];
            ends = new long[n];
            succeeded = new double[n];
            offered = new double[n];
            cumSucceeded = new double[n + 1];
            cumOffered = new double[n + 1];
            cumMicros = new long[n + 1];
            for (int i = 0; i < n; i++) {
                IntervalSnapshot s = snapshots.get(i);
                if (s.endMicros() <= s.startMicros() || (i > 0 && s.startMicros() < ends[i - 1])) {
                    throw new IllegalArgumentException("snapshots must be in time order without overlaps; snapshot "
                            + i + " covers [" + s.startMicros() + ", " + s.endMicros() + ") us after one ending at "
                            + (i > 0 ? ends[i - 1] : "-") + " us");
                }
                starts[i] = s.startMicros();
                ends[i] = s.endMicros();
                succeeded[i] = s.succeeded();
                offered[i] = s.offered();
                cumSucceeded[i + 1] = cumSucceeded[i] + succeeded[i];
                cumOffered[i + 1] = cumOffered[i] + offered[i];
                cumMicros[i + 1] = cumMicros[i] + (ends[i] - starts[i]);
            }
        }

        boolean isEmpty() {
            return starts.length == 0;
        }

        long start() {
            return starts[0];
        }

        long end() {
            return ends[ends.length - 1];
        }

        /** The length of the first snapshot: the grid of the recovery search. */
        long step() {
            return ends[0] - starts[0];
        }

        /** Goodput per second, or succeeded per offered, over the covered part of [a, b); NaN when none is. */
        double value(Basis basis, long a, long b) {
            if (basis == Basis.GOODPUT) {
                return rate(succeeded, cumSucceeded, a, b);
            }
            double o = cumulative(offered, cumOffered, b) - cumulative(offered, cumOffered, a);
            return o > 0 ? (cumulative(succeeded, cumSucceeded, b) - cumulative(succeeded, cumSucceeded, a)) / o
                    : Double.NaN;
        }

        double offeredRate(long a, long b) {
            return rate(offered, cumOffered, a, b);
        }

        private double rate(double[] x, double[] cum, long a, long b) {
            double covered = covered(b) - covered(a);
            return covered > 0 ? (cumulative(x, cum, b) - cumulative(x, cum, a)) / (covered / 1e6) : Double.NaN;
        }

        /** The count up to time t, the snapshot containing t weighted by the share of it before t. */
        private double cumulative(double[] x, double[] cum, long t) {
            int i = index(t);
            if (i < 0) {
                return 0;
            }
            long len = ends[i] - starts[i];
            long in = Math.min(len, t - starts[i]);
            return cum[i] + (in == len ? x[i] : x[i] * in / (double) len);
        }

        /** Microseconds covered by snapshots up to time t. */
        private double covered(long t) {
            int i = index(t);
            return i < 0 ? 0 : cumMicros[i] + Math.min(ends[i] - starts[i], t - starts[i]);
        }

        /** The last snapshot starting at or before t; -1 if none does. */
        private int index(long t) {
            int lo = 0;
            int hi = starts.length - 1;
            if (hi < 0 || t < starts[0]) {
                return -1;
            }
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (starts[mid] <= t) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return lo;
        }
    }
}
