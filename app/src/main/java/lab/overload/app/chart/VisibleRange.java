package lab.overload.app.chart;

/**
 * What a {@link LiveChart} shows: sim time {@code [t0, t1]} in seconds and the value axis {@code [yMin, yMax]} (the
 * outer tick values; on a log axis the outer decades, e.g. 0.1 and 10000).
 */
public record VisibleRange(double t0, double t1, double yMin, double yMax) {
}
