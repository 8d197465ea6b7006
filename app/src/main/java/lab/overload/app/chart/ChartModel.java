package lab.overload.app.chart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The data behind a {@link LiveChart}, without any drawing: its series, markers, time window and scale, and the
 * questions the renderer and the tests ask of them (which times are visible, which value range, what the hover
 * read-out says). Plain Java, FX thread only.
 */
final class ChartModel {
    static final int MARKER_CAPACITY = 200;

    private final List<TimeSeries> series = new ArrayList<>();
    private final List<TimeSeries> seriesView = Collections.unmodifiableList(series);
    private final MarkerList markers = new MarkerList(MARKER_CAPACITY);
    /**
     * A robust linear value axis: per series, the scale may leave out its {@code max(2, 1 %)} highest visible points
     * (a spike of one or two intervals). It does so only when they are more than {@link #CLIP_RATIO} times the highest
     * point kept, and then shows the kept points with {@link #HEADROOM}; otherwise every point is shown (a ramp is
     * never clipped).
     */
    static final double OUTLIER_SHARE = 0.01;
    static final int MIN_OUTLIERS = 2;
    static final double CLIP_RATIO = 1.5;
    static final double HEADROOM = 1.2;

    private double windowSeconds = 120;
    private boolean logScale;
    private double smoothingSeconds;
    private double[] top = new double[MIN_OUTLIERS + 1];

    List<TimeSeries> series() {
        return seriesView;
    }

    void add(TimeSeries s) {
        for (TimeSeries existing : series) {
            if (existing.id().equals(s.id())) {
                throw new IllegalArgumentException("chart already has a series with id '" + s.id() + "'");
            }
        }
        series.add(s);
    }

    /** Removes a series (a no-op if the chart does not have it); returns whether the chart had it. */
    boolean remove(TimeSeries s) {
        return series.remove(s);
    }

    /**
     * The name a legend or read-out shows for a series at sample time {@code t}: its own, and for a series with a
     * {@link TimeSeries#reference()} the difference of the two values there, e.g. {@code "goodput B (B-A -42)"}.
     */
    String labelAt(TimeSeries s, double t) {
        TimeSeries ref = s.reference();
        if (ref == null) {
            return s.name();
        }
        double diff = displayValue(s, t) - displayValue(ref, t);
        if (Double.isNaN(diff)) {
            return s.name();
        }
        String sign = diff > 0 ? "+" : diff < 0 ? "\u2212" : "\u00b1";
        return s.name() + " (B\u2212A " + sign + Ticks.formatValue(Math.abs(diff)) + ")";
    }

    MarkerList markers() {
        return markers;
    }

    double windowSeconds() {
        return windowSeconds;
    }

    void setWindowSeconds(double seconds) {
        if (!(seconds > 0) || !Double.isFinite(seconds)) {
            throw new IllegalArgumentException("window must be a positive number of seconds, got " + seconds);
        }
        windowSeconds = seconds;
    }

    boolean logScale() {
        return logScale;
    }

    void setLogScale(boolean log) {
        logScale = log;
    }

    /** Seconds over which legend values and read-outs are averaged; 0 shows the raw samples. */
    double smoothingSeconds() {
        return smoothingSeconds;
    }

    void setSmoothingSeconds(double seconds) {
        if (!(seconds >= 0) || !Double.isFinite(seconds)) {
            throw new IllegalArgumentException("smoothing must be 0 or a positive number of seconds, got " + seconds);
        }
        smoothingSeconds = seconds;
    }

    /**
     * What the legend and the read-out show for a series at sample time {@code t}: the raw value there (see
     * {@link #readoutAt}) or, with smoothing, the mean of the series' samples in {@code (t - smoothing, t]}, gaps
     * skipped (NaN when all are gaps). Rates sampled over equal intervals average to the rate over the whole span.
     */
    double displayValue(TimeSeries s, double t) {
        if (smoothingSeconds == 0) {
            return valueAt(s, t);
        }
        double from = t - smoothingSeconds + 1e-6;
        double sum = 0;
        int n = 0;
        int end = s.size();
        for (int i = s.lowerBound(from); i < end && s.tUnchecked(i) <= t + 1e-9; i++) {
            double v = s.vUnchecked(i);
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** The legend's value of a series: {@link #displayValue} at its newest sample. */
    double legendValue(TimeSeries s) {
        return s.isEmpty() ? Double.NaN : displayValue(s, s.lastT());
    }

    /**
     * Right edge of the time axis: the newest sample time over all series. Sim time starts at 0, so until a full
     * window has passed the axis shows {@code [0, window]}.
     */
    double windowEnd() {
        double latest = Double.NEGATIVE_INFINITY;
        for (TimeSeries s : series) {
            if (!s.isEmpty()) {
                latest = Math.max(latest, s.lastT());
            }
        }
        return Math.max(latest, windowSeconds);
    }

    /**
     * Value-axis ticks for the samples in {@code [t0, t1]}: linear from 0 (or the lowest negative value) to the
     * highest value, or whole decades of the positive values on a log axis. A linear axis leaves out isolated spikes
     * (see {@link #OUTLIER_SHARE}); the renderer marks the points above its top.
     */
    Ticks yTicks(double t0, double t1, int target) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double kept = Double.NEGATIVE_INFINITY;
        for (TimeSeries s : series) {
            int from = s.lowerBound(t0);
            int n = s.size();
            int visible = 0;
            for (int i = from; i < n && s.tUnchecked(i) <= t1; i++) {
                double v = s.vUnchecked(i);
                visible++;
                if (Double.isNaN(v) || (logScale && v <= 0)) {
                    continue;
                }
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            if (!logScale && visible > 0) {
                kept = Math.max(kept, highestKept(s, from, from + visible,
                        Math.max(MIN_OUTLIERS, (int) (visible * OUTLIER_SHARE))));
            }
        }
        if (logScale) {
            return lo > hi ? Ticks.logDecades(1, 10) : Ticks.logDecades(lo, hi);
        }
        if (lo > hi) {
            return Ticks.linear(0, 1, target);
        }
        if (kept > 0 && hi > CLIP_RATIO * kept) {
            hi = kept * HEADROOM;
        }
        return Ticks.linear(Math.min(0, lo), Math.max(0, hi), target);
    }

    /**
     * The highest value of samples {@code [from, to)} once their {@code skip} highest are left out (NaN skipped;
     * negative infinity when no more than {@code skip} values remain). Keeps the {@code skip + 1} highest in a small
     * sorted array, so it allocates only when {@code skip} grows.
     */
    private double highestKept(TimeSeries s, int from, int to, int skip) {
        int k = skip + 1;
        if (top.length < k) {
            top = new double[k];
        }
        int held = 0; // top[0..held) descending
        for (int i = from; i < to; i++) {
            double v = s.vUnchecked(i);
            if (Double.isNaN(v) || (held == k && v <= top[k - 1])) {
                continue;
            }
            int j = held < k ? held++ : k - 1;
            while (j > 0 && top[j - 1] < v) {
                top[j] = top[j - 1];
                j--;
            }
            top[j] = v;
        }
        return held == k ? top[k - 1] : Double.NEGATIVE_INFINITY;
    }

    /**
     * The read-out at the sample time nearest to {@code tSeconds}, each value as {@link #displayValue} gives it;
     * empty when no series has samples.
     */
    Optional<Readout> readoutAt(double tSeconds) {
        double best = Double.NaN;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (TimeSeries s : series) {
            int j = s.lowerBound(tSeconds);
            for (int k = Math.max(0, j - 1); k <= Math.min(j, s.size() - 1); k++) {
                double d = Math.abs(s.t(k) - tSeconds);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = s.t(k);
                }
            }
        }
        if (Double.isNaN(best)) {
            return Optional.empty();
        }
        List<Readout.Row> rows = new ArrayList<>(series.size());
        for (TimeSeries s : series) {
            rows.add(new Readout.Row(s.id(), labelAt(s, best), s.styleClass(), displayValue(s, best)));
        }
        return Optional.of(new Readout(best, rows));
    }

    private static double valueAt(TimeSeries s, double t) {
        int j = s.lowerBound(t);
        if (j == s.size()) {
            return Double.NaN;
        }
        if (s.t(j) == t) {
            return s.v(j);
        }
        if (j == 0) {
            return Double.NaN;
        }
        double ta = s.t(j - 1);
        double tb = s.t(j);
        double va = s.v(j - 1);
        double vb = s.v(j);
        return va + (vb - va) * (t - ta) / (tb - ta);
    }
}
