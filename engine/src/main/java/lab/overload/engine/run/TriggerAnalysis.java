package lab.overload.engine.run;

import java.util.Locale;
import lab.overload.engine.run.MetastabilityDetector.Basis;
import lab.overload.engine.run.MetastabilityDetector.Settings;
import lab.overload.engine.run.MetastabilityDetector.Trigger;
import lab.overload.engine.run.MetastabilityDetector.TriggerReport;
import lab.overload.engine.run.MetastabilityDetector.Verdict;
import lab.overload.models.scenario.FieldDef;

/**
 * The verdict on one trigger for {@link MetastabilityDetector}: the baseline window before it, the after window
 * once its grace period has passed, the recovery search, and the verdict with its one-line reason (the class
 * comment of {@link MetastabilityDetector} defines each). A pure function of its arguments.
 */
final class TriggerAnalysis {
    private TriggerAnalysis() {
    }

    /**
     * The verdict on trigger {@code t} over the series {@code s}: its baseline window starts no earlier than
     * {@code notBefore}, its after window and recovery search end no later than {@code notAfter}.
     */
    static TriggerReport analyze(Trigger t, GoodputSeries s, Settings st, long notBefore, long notAfter) {
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
    private static double recoverySeconds(GoodputSeries s, Basis basis, long triggerEnd, long end, double threshold,
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
        return String.format(Locale.ROOT, v >= 10 ? "%.1f" : "%.3g", v);
    }
}
