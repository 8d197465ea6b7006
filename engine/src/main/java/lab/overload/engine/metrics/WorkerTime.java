package lab.overload.engine.metrics;

/**
 * Worker capacity over time: the workers in effect and their integral, the worker-microseconds available, over the
 * current interval and over the measured period (from the warm-up on). These are the denominators of utilisation:
 * busy area / available worker-microseconds. Single writer (the simulation thread).
 */
final class WorkerTime {
    private final long warmupMicros;
    /** The workers in effect now. */
    long workers;
    private long changedAtMicros;
    /** Worker-microseconds available in the current interval, up to the last {@link #advance}. */
    double intervalMicros;
    /** Worker-microseconds available in the measured period, up to the last {@link #advance}. */
    double measuredMicros;

    WorkerTime(long warmupMicros) {
        this.warmupMicros = warmupMicros;
    }

    /** Integrates the capacity in effect up to {@code nowMicros}. */
    void advance(long nowMicros) {
        long dt = nowMicros - changedAtMicros;
        if (dt > 0) {
            intervalMicros += (double) workers * dt;
            long from = Math.max(changedAtMicros, warmupMicros);
            if (nowMicros > from) {
                measuredMicros += (double) workers * (nowMicros - from);
            }
            changedAtMicros = nowMicros;
        }
    }

    /** The capacity is {@code total} from now on. */
    void set(long nowMicros, long total) {
        advance(nowMicros);
        workers = total;
    }

    /** The capacity changes by {@code delta} now. */
    void add(long nowMicros, long delta) {
        advance(nowMicros);
        workers += delta;
    }
}
