package lab.overload.app.curve;

import java.util.List;
import java.util.Objects;
import lab.overload.models.scenario.Scenario;

/**
 * One tipping-point curve: goodput, throughput and p99 latency against offered load for one scenario's settings,
 * measured by a steady-state sweep of the first client's load. Immutable.
 *
 * @param label                  how the curve's settings differ from the preset it was computed under, e.g.
 *                               {@code "workersPerHost 8, queueCapacity 16"}, or {@code "preset"}
 * @param sweptPath              the parameter path the sweep varied (load: a rate or a number of users)
 * @param points                 one per sweep step, in increasing load
 * @param tippingPointPerSecond  the offered load (requests/s) past which goodput collapses ({@link #tippingPoint});
 *                               NaN when it does not collapse within the swept range
 * @param capacityPerSecond      the capacity estimate the sweep range was built around (requests/s)
 * @param scenario               the scenario as swept (with the user's live changes)
 * @param computeMillis          wall time the sweep took
 */
public record Curve(String label, String sweptPath, List<Point> points, double tippingPointPerSecond,
                    double capacityPerSecond, Scenario scenario, long computeMillis) {

    /**
     * One sweep step, measured after warm-up. Offered is new requests per second (not retries), throughput the
     * attempts the servers finished, goodput the requests that succeeded; p99 is of successful requests, NaN when
     * none succeeded.
     */
    public record Point(double sweptValue, double offeredPerSecond, double goodputPerSecond,
                        double throughputPerSecond, double latencyP99Millis) {
    }

    public Curve {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(sweptPath, "sweptPath");
        Objects.requireNonNull(scenario, "scenario");
        points = List.copyOf(points);
    }

    /**
     * Goodput below this share of its peak at some load and at every higher load swept is a collapse. The peak is
     * the median of the three highest goodputs, so one lucky step does not make a plateau look like a collapse; a
     * plateau, however noisy (shedding holds goodput near capacity), is not one.
     */
    public static final double COLLAPSE_SHARE = 0.8;
    /**
     * The knee: the first load at which the share of offered load that succeeds (goodput / offered) drops below this
     * share of its best at lower loads. The tipping point is the load just before it.
     */
    public static final double KNEE_SHARE = 0.9;

    /** A curve whose tipping point is found from its points ({@link #tippingPoint}). */
    public static Curve of(String label, String sweptPath, List<Point> points, double capacityPerSecond,
                           Scenario scenario, long computeMillis) {
        return new Curve(label, sweptPath, points, tippingPoint(points), capacityPerSecond, scenario, computeMillis);
    }

    /**
     * The tipping point of a curve, in offered requests per second, or NaN when goodput does not collapse within the
     * swept range (then the curve says "no collapse up to" its highest load). Goodput collapses when it falls below
     * {@link #COLLAPSE_SHARE} of its peak and stays there up to the highest load. The tipping point is then the last
     * load before the knee ({@link #KNEE_SHARE}): where more load stops turning into goodput, not the top of a noisy
     * plateau.
     */
    public static double tippingPoint(List<Point> points) {
        int collapse = collapseIndex(points);
        if (collapse < 0) {
            return Double.NaN;
        }
        double bestShare = 0;
        for (int i = 0; i <= collapse; i++) {
            Point p = points.get(i);
            double share = p.offeredPerSecond() > 0 ? p.goodputPerSecond() / p.offeredPerSecond() : Double.NaN;
            if (Double.isNaN(share)) {
                continue;
            }
            if (share < KNEE_SHARE * bestShare) {
                return points.get(Math.max(0, i - 1)).offeredPerSecond();
            }
            bestShare = Math.max(bestShare, share);
        }
        return points.get(Math.max(0, collapse - 1)).offeredPerSecond();
    }

    /** Index of the first point of the collapse (see {@link #tippingPoint}), or -1 when goodput does not collapse. */
    static int collapseIndex(List<Point> points) {
        double peak = robustPeak(points);
        if (!(peak > 0)) {
            return -1;
        }
        int first = -1;
        for (int i = points.size() - 1; i >= 0; i--) {
            if (points.get(i).goodputPerSecond() < COLLAPSE_SHARE * peak) {
                first = i;
            } else {
                break;
            }
        }
        return first > 0 ? first : -1;
    }

    /** The median of the three highest goodputs (the highest when there are fewer than three points). */
    static double robustPeak(List<Point> points) {
        double[] top = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Point p : points) {
            double v = p.goodputPerSecond();
            if (v > top[0]) {
                top[2] = top[1];
                top[1] = top[0];
                top[0] = v;
            } else if (v > top[1]) {
                top[2] = top[1];
                top[1] = v;
            } else if (v > top[2]) {
                top[2] = v;
            }
        }
        return points.size() >= 3 ? top[1] : top[0];
    }

    /** Whether goodput collapses within the swept range (then {@link #tippingPointPerSecond()} is finite). */
    public boolean collapses() {
        return Double.isFinite(tippingPointPerSecond);
    }

    /** The highest offered load swept, requests per second (NaN for an empty curve). */
    public double maxOfferedPerSecond() {
        double max = Double.NaN;
        for (Point p : points) {
            max = Double.isNaN(max) ? p.offeredPerSecond() : Math.max(max, p.offeredPerSecond());
        }
        return max;
    }

    /** What the curve says about its tipping point: "tipping point ≈ 256 req/s" or "no collapse up to 600 req/s". */
    public String tippingText() {
        return collapses() ? "tipping point \u2248 " + lab.overload.app.chart.Ticks.formatValue(tippingPointPerSecond)
                + " req/s" : "no collapse up to " + lab.overload.app.chart.Ticks.formatValue(maxOfferedPerSecond())
                + " req/s";
    }

    private static Point peakOf(List<Point> points) {
        Point best = null;
        for (Point p : points) {
            if (best == null || p.goodputPerSecond() > best.goodputPerSecond()) {
                best = p;
            }
        }
        return best;
    }

    /** The point of highest goodput (the first of equals), or null for an empty curve. */
    public Point peak() {
        return peakOf(points);
    }

    public double peakGoodputPerSecond() {
        Point p = peak();
        return p == null ? Double.NaN : p.goodputPerSecond();
    }

    /** The label as a legend shows it next to curves of another preset: the preset's name comes first. */
    public String displayLabel(String loadedPresetName) {
        if (scenario.name().equals(loadedPresetName)) {
            return label;
        }
        return CurveLabels.PRESET.equals(label) ? scenario.name() : scenario.name() + ": " + label;
    }

    /** The settings this curve stands for (see {@link CurvePlan#settingsKey}). */
    public Scenario settingsKey() {
        return CurvePlan.settingsKey(scenario);
    }
}
