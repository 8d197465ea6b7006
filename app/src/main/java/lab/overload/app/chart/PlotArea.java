package lab.overload.app.chart;

/**
 * Geometry of the last drawn plot: its pixel rectangle and the mappings between sim time, value and pixels.
 * Mutable, owned by the {@link ChartRenderer}. FX thread only.
 */
final class PlotArea {
    double x;
    double y;
    double width;
    double height = 200;
    double t0;
    double pxPerSecond;
    boolean log;
    /** Value axis bounds, as log10 of the value on a log axis. */
    double yLo;
    double yHi = 1;

    boolean ready() {
        return pxPerSecond > 0;
    }

    double xOf(double t) {
        return x + (t - t0) * pxPerSecond;
    }

    double yOf(double value) {
        double u = log ? Math.log10(value) : value;
        return y + height - (u - yLo) / (yHi - yLo) * height;
    }

    /** Sim time under a point, or {@code NaN} outside the plot. */
    double timeAt(double px, double py) {
        boolean inside = ready() && px >= x && px <= x + width && py >= y && py <= y + height;
        return inside ? t0 + (px - x) / pxPerSecond : Double.NaN;
    }
}
