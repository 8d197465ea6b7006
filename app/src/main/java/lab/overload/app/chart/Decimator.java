package lab.overload.app.chart;

import java.util.Arrays;

/**
 * Reduces a run of samples to at most two points per pixel column: the column's minimum and maximum, in time order.
 * A one-sample spike therefore always survives, and a 6000-sample series on a 600-pixel plot costs at most 1200
 * line segments. Gaps ({@code NaN}, and values {@code <= 0} on a log axis) are kept as a {@code NaN} break.
 *
 * <p>Output buffers are reused and only grow, so steady-state drawing allocates nothing. FX thread only.
 */
final class Decimator {
    private double[] outT = new double[256];
    private double[] outV = new double[256];
    private int count;

    private boolean open;
    private int minI;
    private int maxI;
    private double minV;
    private double maxV;
    private long column;

    /**
     * Decimates samples {@code [from, to)} of {@code series}.
     *
     * @param t0          time at the plot's left edge
     * @param pxPerSecond horizontal scale; column of a sample = {@code floor((t − t0) × pxPerSecond)}
     * @param logScale    whether values {@code <= 0} are gaps
     * @return the number of output points, read with {@link #t(int)} and {@link #v(int)}
     */
    int run(TimeSeries series, int from, int to, double t0, double pxPerSecond, boolean logScale) {
        if (from < 0 || to > series.size() || from > to) {
            throw new IndexOutOfBoundsException("range " + from + ".." + to + " outside 0.." + series.size());
        }
        count = 0;
        open = false;
        for (int i = from; i < to; i++) {
            double v = series.vUnchecked(i);
            if (Double.isNaN(v) || (logScale && v <= 0)) {
                flush(series);
                if (count > 0 && !Double.isNaN(outV[count - 1])) {
                    emit(Double.NaN, Double.NaN);
                }
                continue;
            }
            long c = (long) Math.floor((series.tUnchecked(i) - t0) * pxPerSecond);
            if (open && c != column) {
                flush(series);
            }
            if (!open) {
                open = true;
                column = c;
                minI = i;
                maxI = i;
                minV = v;
                maxV = v;
            } else if (v < minV) {
                minI = i;
                minV = v;
            } else if (v > maxV) {
                maxI = i;
                maxV = v;
            }
        }
        flush(series);
        return count;
    }

    double t(int i) {
        return outT[i];
    }

    /** Value of an output point; {@code NaN} marks a break in the line. */
    double v(int i) {
        return outV[i];
    }

    private void flush(TimeSeries s) {
        if (!open) {
            return;
        }
        open = false;
        int first = Math.min(minI, maxI);
        int second = Math.max(minI, maxI);
        emit(s.t(first), s.v(first));
        if (second != first) {
            emit(s.t(second), s.v(second));
        }
    }

    private void emit(double t, double v) {
        if (count == outT.length) {
            outT = Arrays.copyOf(outT, count * 2);
            outV = Arrays.copyOf(outV, count * 2);
        }
        outT[count] = t;
        outV[count] = v;
        count++;
    }
}
