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
 * @param tippingPointPerSecond  the offered load (requests/s) at which goodput peaked
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

    /** A curve whose tipping point is found from its points: the offered load of the highest goodput. */
    public static Curve of(String label, String sweptPath, List<Point> points, double capacityPerSecond,
                           Scenario scenario, long computeMillis) {
        Point peak = peakOf(points);
        return new Curve(label, sweptPath, points, peak == null ? Double.NaN : peak.offeredPerSecond(),
                capacityPerSecond, scenario, computeMillis);
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
