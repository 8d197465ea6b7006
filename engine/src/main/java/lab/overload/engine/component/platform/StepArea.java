package lab.overload.engine.component.platform;

/**
 * A count that changes in steps (sandboxes in a state) with its time integral over the whole run and over the
 * measured period (from {@code measureFromMicros} on), in count-microseconds, and its maximum in the measured period.
 */
public final class StepArea {
    private final long measureFromMicros;
    private long value;
    private long changedAt;
    private double areaMicros;
    private double measuredAreaMicros;
    private long measuredMax;

    public StepArea(long measureFromMicros) {
        this.measureFromMicros = measureFromMicros;
    }

    public void add(long nowMicros, long delta) {
        advance(nowMicros);
        value += delta;
        if (nowMicros >= measureFromMicros) {
            measuredMax = Math.max(measuredMax, value);
        }
    }

    private void advance(long nowMicros) {
        if (nowMicros > changedAt) {
            areaMicros += (double) value * (nowMicros - changedAt);
            long from = Math.max(changedAt, measureFromMicros);
            if (nowMicros > from) {
                measuredAreaMicros += (double) value * (nowMicros - from);
            }
            if (changedAt < measureFromMicros && nowMicros >= measureFromMicros) {
                measuredMax = Math.max(measuredMax, value);
            }
            changedAt = nowMicros;
        }
    }

    public long value() {
        return value;
    }

    /** Integral from 0 to now, count-microseconds. */
    public double areaMicros(long nowMicros) {
        advance(nowMicros);
        return areaMicros;
    }

    /** Time average over the measured period up to now (0 before it starts). */
    public double measuredMean(long nowMicros) {
        advance(nowMicros);
        long span = nowMicros - measureFromMicros;
        return span <= 0 ? 0 : measuredAreaMicros / span;
    }

    /** Largest value in the measured period up to now. */
    public long measuredMax(long nowMicros) {
        advance(nowMicros);
        return nowMicros >= measureFromMicros ? Math.max(measuredMax, value) : 0;
    }
}
