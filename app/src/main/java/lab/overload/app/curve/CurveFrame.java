package lab.overload.app.curve;

/**
 * Geometry of the last drawn curve chart: the shared offered-load axis and the two value panels (rates, linear from
 * 0; p99 latency, log10). Mutable, owned by the {@link CurveRenderer}. FX thread only.
 */
final class CurveFrame {
    /** One panel's vertical extent and value range (log10 of the value on a log panel). */
    static final class Panel {
        double top;
        double height;
        double lo;
        double hi = 1;
        boolean log;

        double yOf(double value) {
            double u = log ? Math.log10(value) : value;
            return top + height - (u - lo) / (hi - lo) * height;
        }

        double bottom() {
            return top + height;
        }

        boolean contains(double py) {
            return py >= top && py <= top + height;
        }

        /** Whether a value can be placed on this panel (finite; positive on a log panel). */
        boolean plottable(double value) {
            return Double.isFinite(value) && (!log || value > 0);
        }
    }

    final Panel rates = new Panel();
    final Panel latency = new Panel();
    boolean showLatency;
    double left;
    double width;
    /** The offered-load axis runs from 0 to this. */
    double xMax = 1;

    double xOf(double offered) {
        return left + offered / xMax * width;
    }

    double offeredAt(double px) {
        return (px - left) / width * xMax;
    }

    boolean containsX(double px) {
        return width > 0 && px >= left && px <= left + width;
    }

    /** The lowest pixel row of the plots. */
    double bottom() {
        return showLatency ? latency.bottom() : rates.bottom();
    }
}
