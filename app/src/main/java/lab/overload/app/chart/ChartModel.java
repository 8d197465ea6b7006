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
    private double windowSeconds = 120;
    private boolean logScale;

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
     * highest value, or whole decades of the positive values on a log axis.
     */
    Ticks yTicks(double t0, double t1, int target) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (TimeSeries s : series) {
            int n = s.size();
            for (int i = s.lowerBound(t0); i < n && s.tUnchecked(i) <= t1; i++) {
                double v = s.vUnchecked(i);
                if (Double.isNaN(v) || (logScale && v <= 0)) {
                    continue;
                }
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (logScale) {
            return lo > hi ? Ticks.logDecades(1, 10) : Ticks.logDecades(lo, hi);
        }
        if (lo > hi) {
            return Ticks.linear(0, 1, target);
        }
        return Ticks.linear(Math.min(0, lo), Math.max(0, hi), target);
    }

    /** The read-out at the sample time nearest to {@code tSeconds}; empty when no series has samples. */
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
            rows.add(new Readout.Row(s.id(), s.name(), s.styleClass(), valueAt(s, best)));
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
