package lab.overload.engine.component.platform;

/**
 * An API's token bucket. Refill rule: between two requests at times t0 and t1 (µs) the bucket gains
 * {@code (t1 - t0) * ratePerSecond / 1e6} tokens, continuously, and never holds more than {@code burst}; a request is
 * admitted when at least one whole token is present, and takes it. The bucket starts full. A change of rate or burst
 * first refills at the old rate up to now, then clips the tokens to the new burst.
 */
public final class ApiBucket {
    private double ratePerSecond;
    private double burst;
    private double tokens;
    private long lastMicros;

    public ApiBucket(double ratePerSecond, int burst) {
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.tokens = burst;
    }

    /** Refills up to now and takes a token if there is a whole one; false means the request is throttled. */
    public boolean tryTake(long nowMicros) {
        refill(nowMicros);
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Tokens now (refilled up to now). */
    public double tokens(long nowMicros) {
        refill(nowMicros);
        return tokens;
    }

    /** New limits from now on. */
    public void reconfigure(double newRatePerSecond, int newBurst, long nowMicros) {
        refill(nowMicros);
        ratePerSecond = newRatePerSecond;
        burst = newBurst;
        tokens = Math.min(tokens, burst);
    }

    private void refill(long nowMicros) {
        if (nowMicros > lastMicros) {
            tokens = Math.min(burst, tokens + (nowMicros - lastMicros) * ratePerSecond / 1e6);
            lastMicros = nowMicros;
        }
    }
}
