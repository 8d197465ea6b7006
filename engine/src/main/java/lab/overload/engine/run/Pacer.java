package lab.overload.engine.run;

/**
 * Maps wall time to sim time at a speed factor. Re-anchors on every pause, resume and speed change, and when the
 * engine has fallen too far behind (so it reports being behind instead of trying to catch up in a spiral).
 */
final class Pacer {
    /** How far behind (in wall nanoseconds) the engine may fall before the pacer gives up catching up. */
    static final long MAX_LAG_NANOS = 500_000_000L;

    private long anchorWallNanos;
    private long anchorSimMicros;
    private double speed = 1;

    void anchor(long wallNanos, long simMicros) {
        anchorWallNanos = wallNanos;
        anchorSimMicros = simMicros;
    }

    void setSpeed(double newSpeed, long wallNanos, long simMicros) {
        speed = newSpeed;
        anchor(wallNanos, simMicros);
    }

    double speed() {
        return speed;
    }

    /** The sim time the clock should show at this wall time. */
    long target(long wallNanos) {
        return anchorSimMicros + (long) ((wallNanos - anchorWallNanos) / 1000.0 * speed);
    }

    /** Wall nanoseconds by which sim time {@code simMicros} lags the target. */
    long lagNanos(long wallNanos, long simMicros) {
        long target = target(wallNanos);
        return target <= simMicros ? 0 : (long) ((target - simMicros) * 1000.0 / speed);
    }
}
