package lab.overload.engine.metrics;

/**
 * Count, sum and sum of squares of non-negative whole-microsecond samples (latencies, waits). The count and the sum
 * are exact ({@code long}), so the mean equals that of a plain sum; the squares are summed in double precision (one
 * multiply-add per sample, on the hot path), so the standard deviation has a relative error near
 * {@code 1e-16 E[x^2] / var(x)}: negligible unless the spread is a millionth of the mean or less. The moments of
 * several scopes add up. Adding a sample allocates nothing. Single writer.
 */
public final class Moments {
    private long count;
    private long sum;
    private double squares;

    /** Adds one sample (at least 0). */
    public void add(long x) {
        count++;
        sum += x;
        double d = x;
        squares += d * d;
    }

    /** Adds every sample of another. */
    public void addAll(Moments o) {
        count += o.count;
        sum += o.sum;
        squares += o.squares;
    }

    public long count() {
        return count;
    }

    public long sum() {
        return sum;
    }

    /** Mean of the samples in milliseconds (samples in micros), NaN when there are none. */
    public double meanMillis() {
        return count == 0 ? Double.NaN : (double) sum / count / 1000;
    }

    /**
     * Sample standard deviation (n - 1 in the denominator) in milliseconds, NaN with fewer than two samples:
     * {@code sqrt((sum(x^2) - mean sum(x)) / (n - 1))}.
     */
    public double stdDevMillis() {
        if (count < 2) {
            return Double.NaN;
        }
        double mean = (double) sum / count;
        double variance = (squares - mean * sum) / (count - 1);
        return Math.sqrt(Math.max(0, variance)) / 1000;
    }
}
