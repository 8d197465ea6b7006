package lab.overload.engine.metrics;

/**
 * A quantity that changes in steps (busy workers, queue length, requests in the system) with its time integral over
 * the current interval and over the measured period (from the warm-up on), and its maxima. Single writer.
 *
 * <p>How the integral is kept: over an interval [S, E] with changes d_j at times t_j, the area under the step function
 * is {@code value(E) (E - S) - sum_j d_j (t_j - S)}. So a change only adds {@code d (t - S)} to one integer, and the
 * area is formed once when the interval closes. Areas are whole value-microseconds, exact in a {@code long}; the
 * measured period's area is their sum as a double (exact below 2^53, i.e. for any realistic run). A change costs a few
 * integer operations instead of advancing two floating-point integrals (measured: the level updates were about 7% of
 * an M/M/10 run before).
 */
final class Level {
    long value;
    private final long measureFromMicros;
    /** Start S of the current interval. */
    private long intervalStart;
    /** Sum of d_j (t_j - S) over the changes in the current interval. */
    private long weightedChanges;
    /** Sum of d_j (t_j - W) over changes after the warm-up end W, while the interval started before W. */
    private long weightedChangesMeasured;
    /** The current interval started before the warm-up ended, or the measured period has not yet been seen. */
    private boolean warming;
    /** A change or a close at or after the warm-up end has happened (the value then in effect counts for the max). */
    private boolean measuredStarted;
    /** Area of the last closed interval, in value-microseconds. */
    double intervalArea;
    long intervalMax;
    /** Integral of value over the measured period up to the last closed interval. */
    private double summaryArea;
    private long summaryMax;

    Level(long measureFromMicros) {
        this.measureFromMicros = measureFromMicros;
        this.warming = true;
    }

    void add(long nowMicros, long delta) {
        if (warming) {
            warmingChange(nowMicros, delta);
        }
        weightedChanges += delta * (nowMicros - intervalStart);
        value += delta;
        if (delta > 0) { // only a rise can set a maximum (callers pass constant deltas, so this folds away)
            if (value > intervalMax) {
                intervalMax = value;
            }
            if (value > summaryMax && nowMicros >= measureFromMicros) {
                summaryMax = value;
            }
        }
    }

    private void warmingChange(long nowMicros, long delta) {
        noteMeasuredStart(nowMicros);
        if (nowMicros > measureFromMicros && intervalStart < measureFromMicros) {
            weightedChangesMeasured += delta * (nowMicros - measureFromMicros);
        }
        warming = intervalStart < measureFromMicros || !measuredStarted;
    }

    /** The value in effect when the measured period begins counts for its maximum. */
    private void noteMeasuredStart(long nowMicros) {
        if (!measuredStarted && nowMicros >= measureFromMicros) {
            measuredStarted = true;
            if (value > summaryMax) {
                summaryMax = value;
            }
        }
    }

    /** Closes the current interval at {@code nowMicros}: sets {@link #intervalArea} and adds the measured part. */
    void closeInterval(long nowMicros) {
        noteMeasuredStart(nowMicros);
        long area = value * (nowMicros - intervalStart) - weightedChanges;
        intervalArea = area;
        summaryArea += measuredPart(nowMicros, area);
    }

    /** The part of the current interval's area in the measured period, given the area up to {@code nowMicros}. */
    private long measuredPart(long nowMicros, long area) {
        if (intervalStart >= measureFromMicros) {
            return area;
        }
        if (nowMicros <= measureFromMicros) {
            return 0;
        }
        return value * (nowMicros - measureFromMicros) - weightedChangesMeasured;
    }

    /** Starts a new interval at the given time (after {@link #closeInterval}). */
    void resetInterval(long nowMicros) {
        intervalStart = nowMicros;
        weightedChanges = 0;
        weightedChangesMeasured = 0;
        intervalMax = value;
        warming = intervalStart < measureFromMicros || !measuredStarted;
    }

    /** Integral of value over the measured period up to {@code nowMicros} (not before the current interval's start). */
    double summaryArea(long nowMicros) {
        long area = value * (nowMicros - intervalStart) - weightedChanges;
        return summaryArea + measuredPart(nowMicros, area);
    }

    /** Maximum of value over the measured period up to {@code nowMicros}. */
    long summaryMax(long nowMicros) {
        if (!measuredStarted && nowMicros >= measureFromMicros && value > summaryMax) {
            return value;
        }
        return summaryMax;
    }
}
