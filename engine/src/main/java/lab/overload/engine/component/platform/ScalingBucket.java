package lab.overload.engine.component.platform;

/**
 * A function's scaling-rate budget: at most {@code n} new sandboxes per 10 s, refilled continuously and never banked
 * beyond {@code n}. Kept exactly in integer units: one sandbox costs {@link #UNITS_PER_SANDBOX} = 10,000,000 units
 * (10 s in µs), the bucket gains {@code n} units per µs and holds at most {@code n * 10,000,000}. So after the
 * bucket is empty, the next sandbox may start {@code ceil(10,000,000 / n)} µs later (10 ms for n = 1000), and a full
 * bucket allows a burst of n. It starts full.
 */
public final class ScalingBucket {
    /** Units one new sandbox costs: 10 s in microseconds. */
    public static final long UNITS_PER_SANDBOX = 10_000_000L;

    private long perTenSeconds;
    private long units;
    private long lastMicros;

    public ScalingBucket(int perTenSeconds) {
        this.perTenSeconds = perTenSeconds;
        this.units = perTenSeconds * UNITS_PER_SANDBOX;
    }

    /** Refills up to now and takes one sandbox's worth if present; false means the invoke is throttled. */
    public boolean tryTake(long nowMicros) {
        refill(nowMicros);
        if (units >= UNITS_PER_SANDBOX) {
            units -= UNITS_PER_SANDBOX;
            return true;
        }
        return false;
    }

    /** New sandboxes it would allow now (whole ones). */
    public long available(long nowMicros) {
        refill(nowMicros);
        return units / UNITS_PER_SANDBOX;
    }

    /** A new rate from now on (the budget is clipped to the new capacity). */
    public void reconfigure(int newPerTenSeconds, long nowMicros) {
        refill(nowMicros);
        perTenSeconds = newPerTenSeconds;
        units = Math.min(units, perTenSeconds * UNITS_PER_SANDBOX);
    }

    private void refill(long nowMicros) {
        if (nowMicros > lastMicros) {
            long cap = perTenSeconds * UNITS_PER_SANDBOX;
            long gained = nowMicros - lastMicros;
            // gained * perTenSeconds may overflow only past the cap, so compare before multiplying
            units = gained >= cap / perTenSeconds ? cap : Math.min(cap, units + gained * perTenSeconds);
            lastMicros = nowMicros;
        }
    }
}
