package lab.overload.engine.policy;

/**
 * Sliding-window sums over sim time, for the retry budget, the adaptive throttle and the circuit breaker: a ring of
 * {@value #BUCKETS} time buckets of width window / {@value #BUCKETS}, one row per channel (e.g. requests and accepts).
 * {@link #sum} covers the current bucket and the nine before it, so an event counts for between 0.9 and 1.0 window
 * lengths after it happened and then expires in one step with its whole bucket (Finagle's {@code WindowedAdder} works
 * the same way). Each operation costs O(1) amortised; nothing is allocated after construction.
 *
 * <p>Thread rule: single writer (the simulation thread). Times are sim microseconds and never go backwards.
 */
public final class BudgetWindow {
    public static final int BUCKETS = 10;

    private final int channels;
    private final double[] buckets;
    private final double[] sums;
    private long widthMicros;
    /** Absolute index (time / width) of the bucket that is current. */
    private long current;

    public BudgetWindow(int channels, long windowMicros, long nowMicros) {
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be at least 1, was " + channels);
        }
        this.channels = channels;
        this.buckets = new double[channels * BUCKETS];
        this.sums = new double[channels];
        this.widthMicros = width(windowMicros);
        this.current = nowMicros / widthMicros;
    }

    private static long width(long windowMicros) {
        if (windowMicros < BUCKETS) {
            throw new IllegalArgumentException("window must be at least " + BUCKETS + " us, was " + windowMicros);
        }
        return windowMicros / BUCKETS;
    }

    /** Adds {@code amount} to a channel now. */
    public void add(long nowMicros, int channel, double amount) {
        advance(nowMicros);
        buckets[channel * BUCKETS + (int) (current % BUCKETS)] += amount;
        sums[channel] += amount;
    }

    /** The channel's sum over the window ending now. */
    public double sum(long nowMicros, int channel) {
        advance(nowMicros);
        return sums[channel];
    }

    /** Forgets everything. */
    public void clear(long nowMicros) {
        java.util.Arrays.fill(buckets, 0);
        java.util.Arrays.fill(sums, 0);
        current = nowMicros / widthMicros;
    }

    /**
     * Changes the window length (a live parameter change). What has been counted is kept, moved into the current
     * bucket: it expires one new window length from now, so a change never makes a policy forget at once.
     */
    public void setWindow(long windowMicros, long nowMicros) {
        long w = width(windowMicros);
        if (w == widthMicros) {
            return;
        }
        advance(nowMicros);
        java.util.Arrays.fill(buckets, 0);
        widthMicros = w;
        current = nowMicros / widthMicros;
        for (int c = 0; c < channels; c++) {
            buckets[c * BUCKETS + (int) (current % BUCKETS)] = sums[c];
        }
    }

    private void advance(long nowMicros) {
        long index = nowMicros / widthMicros;
        if (index <= current) {
            return;
        }
        long steps = Math.min(index - current, BUCKETS);
        for (long i = 1; i <= steps; i++) {
            int b = (int) ((current + i) % BUCKETS);
            for (int c = 0; c < channels; c++) {
                sums[c] -= buckets[c * BUCKETS + b];
                buckets[c * BUCKETS + b] = 0;
            }
        }
        current = index;
        if (steps == BUCKETS) {
            java.util.Arrays.fill(sums, 0);
        }
    }
}
