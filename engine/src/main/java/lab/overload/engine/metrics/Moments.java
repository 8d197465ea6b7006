package lab.overload.engine.metrics;

import java.math.BigInteger;

/**
 * Count, sum and sum of squares of non-negative whole-microsecond samples (latencies, waits), kept exactly: the sum in
 * a {@code long}, the sum of squares in 128 bits. So the mean equals that of a plain sum, the standard deviation has
 * no cancellation error however large the values, and the moments of several scopes add up exactly. Adding a sample
 * costs two multiplications and allocates nothing. Single writer.
 */
public final class Moments {
    private long count;
    private long sum;
    private long squaresLow;
    private long squaresHigh;

    /** Adds one sample (at least 0). */
    public void add(long x) {
        count++;
        sum += x;
        long low = x * x;
        long high = Math.multiplyHigh(x, x);
        long next = squaresLow + low;
        if (Long.compareUnsigned(next, squaresLow) < 0) {
            high++;
        }
        squaresLow = next;
        squaresHigh += high;
    }

    /** Adds every sample of another. */
    public void addAll(Moments o) {
        count += o.count;
        sum += o.sum;
        long next = squaresLow + o.squaresLow;
        long carry = Long.compareUnsigned(next, squaresLow) < 0 ? 1 : 0;
        squaresLow = next;
        squaresHigh += o.squaresHigh + carry;
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
     * {@code sqrt((n sum(x^2) - sum(x)^2) / (n (n - 1)))}, the numerator computed exactly.
     */
    public double stdDevMillis() {
        if (count < 2) {
            return Double.NaN;
        }
        BigInteger squares = BigInteger.valueOf(squaresHigh).shiftLeft(64)
                .add(new BigInteger(Long.toUnsignedString(squaresLow)));
        BigInteger n = BigInteger.valueOf(count);
        BigInteger s = BigInteger.valueOf(sum);
        BigInteger numerator = n.multiply(squares).subtract(s.multiply(s));
        double variance = numerator.doubleValue() / ((double) count * (count - 1));
        return Math.sqrt(variance) / 1000;
    }
}
