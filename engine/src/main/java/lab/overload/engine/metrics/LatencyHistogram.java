package lab.overload.engine.metrics;

import java.util.Arrays;
import java.util.Collection;

/**
 * The latencies of one section (a client group or a stage) in one simulated second, as bucket counts: immutable, so
 * it may cross threads in an {@link IntervalSnapshot}. Several are merged exactly by adding their counts
 * ({@link #merge}); a percentile is then read from the merged counts.
 *
 * <p>Resolution: values are whole microseconds, exact below 64 us; above, each power of two is cut into 32 buckets of
 * equal width, so a bucket is at most 1/32 of its lowest value wide. A percentile is the highest value of the bucket
 * holding the value of that rank (as HdrHistogram reports it), so it is never below the exact value and at most
 * 3.2 % above it (about HdrHistogram's 2 significant digits, in 1,056 buckets up to 2^37 us, 38 hours; longer values
 * share the last bucket). The rank of percentile p among n values is max(1, ceil(p n / 100)).
 */
public final class LatencyHistogram {
    /** Buckets in all: 64 exact ones, then 32 per power of two from 2^6 to 2^36 us. */
    public static final int BUCKETS = 64 + 31 * 32;
    private static final int SUB_BITS = 5;
    private static final int SUB = 1 << SUB_BITS;
    private static final long MAX_MICROS = (1L << 37) - 1;

    private final long startMicros;
    private final int[] buckets;
    private final long[] counts;
    private final long total;

    /** The non-empty buckets, ascending, with their counts (the arrays are kept: the caller hands them over). */
    LatencyHistogram(long startMicros, int[] buckets, long[] counts) {
        this.startMicros = startMicros;
        this.buckets = buckets;
        this.counts = counts;
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        this.total = n;
    }

    /** The bucket of a value in microseconds (negative values count as 0). */
    static int bucket(long micros) {
        long v = Math.min(Math.max(micros, 0), MAX_MICROS);
        if (v < 2 * SUB) {
            return (int) v;
        }
        int k = 63 - Long.numberOfLeadingZeros(v);
        return 2 * SUB + (k - SUB_BITS - 1) * SUB + (int) ((v >> (k - SUB_BITS)) - SUB);
    }

    /** The highest value (microseconds) that falls in a bucket. */
    static long highestMicros(int bucket) {
        if (bucket < 2 * SUB) {
            return bucket;
        }
        int j = bucket - 2 * SUB;
        int k = j / SUB + SUB_BITS + 1;
        long lowest = (long) (j % SUB + SUB) << (k - SUB_BITS);
        return lowest + (1L << (k - SUB_BITS)) - 1;
    }

    /** Start of the second it covers, in sim microseconds ({@link Long#MIN_VALUE} for a merge of several). */
    public long startMicros() {
        return startMicros;
    }

    /** How many values it holds. */
    public long count() {
        return total;
    }

    /**
     * The value at a percentile (0 to 100) in milliseconds: the highest value of the bucket holding the value of rank
     * max(1, ceil(p n / 100)); NaN when empty.
     */
    public double percentileMillis(double percentile) {
        if (total == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(Math.min(Math.max(percentile, 0), 100) * total / 100));
        long seen = 0;
        for (int i = 0; i < buckets.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return highestMicros(buckets[i]) / 1000.0;
            }
        }
        return highestMicros(buckets[buckets.length - 1]) / 1000.0;
    }

    /** The exact sum of several histograms' counts, bucket by bucket (empty for none). */
    public static LatencyHistogram merge(Collection<LatencyHistogram> parts) {
        if (parts.size() == 1) {
            return parts.iterator().next();
        }
        long[] dense = new long[BUCKETS];
        for (LatencyHistogram h : parts) {
            for (int i = 0; i < h.buckets.length; i++) {
                dense[h.buckets[i]] += h.counts[i];
            }
        }
        return of(Long.MIN_VALUE, dense, 0, BUCKETS - 1);
    }

    /** A histogram of the non-empty buckets of {@code dense} between two bucket indices (inclusive). */
    static LatencyHistogram of(long startMicros, long[] dense, int from, int to) {
        int n = 0;
        for (int i = from; i <= to; i++) {
            if (dense[i] != 0) {
                n++;
            }
        }
        int[] b = new int[n];
        long[] c = new long[n];
        int k = 0;
        for (int i = from; i <= to; i++) {
            if (dense[i] != 0) {
                b[k] = i;
                c[k++] = dense[i];
            }
        }
        return new LatencyHistogram(startMicros, b, c);
    }

    /** Equal when they cover the same second with the same counts in the same buckets. */
    @Override
    public boolean equals(Object o) {
        return o instanceof LatencyHistogram h && h.startMicros == startMicros && Arrays.equals(h.buckets, buckets)
                && Arrays.equals(h.counts, counts);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(startMicros) + Arrays.hashCode(buckets)) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "LatencyHistogram[start=" + startMicros + ", count=" + total + ", buckets=" + Arrays.toString(buckets)
                + "]";
    }
}
