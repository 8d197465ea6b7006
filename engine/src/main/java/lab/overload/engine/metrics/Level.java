package lab.overload.engine.metrics;

/**
 * A quantity that changes in steps (busy workers, queue length, requests in the system) with its time integral over
 * the current interval and over the measured period (from the warm-up on), and its maxima. Single writer.
 */
final class Level {
    long value;
    private long lastChangeMicros;
    private final long measureFromMicros;
    /** Integral of value over the current interval, in value-microseconds. */
    double intervalArea;
    long intervalMax;
    /** Integral of value over the measured period. */
    double summaryArea;
    long summaryMax;

    Level(long measureFromMicros) {
        this.measureFromMicros = measureFromMicros;
    }

    void add(long nowMicros, long delta) {
        advance(nowMicros);
        value += delta;
        if (value > intervalMax) {
            intervalMax = value;
        }
        if (nowMicros >= measureFromMicros && value > summaryMax) {
            summaryMax = value;
        }
    }

    void advance(long nowMicros) {
        if (lastChangeMicros < measureFromMicros && nowMicros >= measureFromMicros && value > summaryMax) {
            summaryMax = value;
        }
        long dt = nowMicros - lastChangeMicros;
        if (dt > 0) {
            double area = (double) value * dt;
            intervalArea += area;
            if (lastChangeMicros >= measureFromMicros) {
                summaryArea += area; // the same product as below with from == lastChangeMicros
            } else if (nowMicros > measureFromMicros) {
                summaryArea += (double) value * (nowMicros - measureFromMicros);
            }
            lastChangeMicros = nowMicros;
        }
    }

    /** Starts a new interval at the given time (after {@link #advance}). */
    void resetInterval() {
        intervalArea = 0;
        intervalMax = value;
    }
}
