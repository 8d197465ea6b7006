package lab.overload.engine.component.async;

import java.util.Arrays;
import lab.overload.engine.metrics.TenantAgeTable;

/**
 * The ages of the messages taken in the current simulated second, by tenant, as log-linear histograms in primitive
 * arrays: {@link #BUCKETS} counts per tenant (exact below 4 µs, then four buckets per power of two up to about 19
 * hours; longer ages count in the last). Only tenants with a message in the second hold a slot: a slot is handed out
 * on a tenant's first message and all are returned when the second is sealed. A slot keeps the buckets of its first
 * {@link #INLINE} messages packed in one int (most tenants send a few messages a second); only a tenant with more
 * takes a row of {@code BUCKETS} counts, and only the buckets between its row's lowest and that of its largest age
 * are read and cleared. Memory is a few ints per tenant plus 560 bytes per tenant with more than {@code INLINE}
 * messages in a second (5.6 MB at 10,000 such tenants) whatever the run's length. A percentile reads the same from
 * the packed buckets as from a row. Single writer: the simulation thread.
 */
public final class TenantAgeHistograms {
    /** Buckets per tenant. */
    public static final int BUCKETS = 140;
    /** Messages per slot whose buckets are kept packed (one byte each) before the slot takes a row. */
    static final int INLINE = 4;
    private static final int INITIAL_SLOTS = 16;

    /** By tenant: its slot in the current second, or -1. */
    private final int[] slotOf;
    private int[] tenantOf = new int[INITIAL_SLOTS];
    private long[] total = new long[INITIAL_SLOTS];
    private long[] maxMicros = new long[INITIAL_SLOTS];
    /** By slot: the buckets of its first {@link #INLINE} messages, a byte each, the first lowest. */
    private int[] packed = new int[INITIAL_SLOTS];
    /** By slot with more than {@link #INLINE} messages: its row of counts in {@link #counts}. */
    private int[] rowOf = new int[INITIAL_SLOTS];
    /** By slot with a row: its lowest bucket with a count (every bucket below it is 0). */
    private int[] lowBucket = new int[INITIAL_SLOTS];
    private int[] counts = new int[INITIAL_SLOTS * BUCKETS];
    private int used;
    private int rows;

    public TenantAgeHistograms(int tenants) {
        slotOf = new int[tenants];
        Arrays.fill(slotOf, -1);
    }

    /** The bucket of an age: exact below 4 µs, then four per power of two. */
    static int bucket(long ageMicros) {
        long v = Math.max(0, ageMicros);
        if (v < 4) {
            return (int) v;
        }
        int e = 63 - Long.numberOfLeadingZeros(v);
        int b = 4 + (e - 2) * 4 + (int) ((v >> (e - 2)) & 3);
        return Math.min(b, BUCKETS - 1);
    }

    /** The middle of a bucket (its value when exact), in micros. */
    static long middleMicros(int bucket) {
        if (bucket < 4) {
            return bucket;
        }
        int e = (bucket - 4) / 4 + 2;
        long width = 1L << (e - 2);
        long low = (4L + (bucket - 4) % 4) << (e - 2);
        return low + width / 2;
    }

    /** A message of the tenant was taken this old. */
    public void add(int tenant, long ageMicros) {
        int s = slotOf[tenant];
        if (s < 0) {
            s = used++;
            if (s == tenantOf.length) {
                int n = Math.min(2 * s, slotOf.length);
                tenantOf = Arrays.copyOf(tenantOf, n);
                total = Arrays.copyOf(total, n);
                maxMicros = Arrays.copyOf(maxMicros, n);
                packed = Arrays.copyOf(packed, n);
                rowOf = Arrays.copyOf(rowOf, n);
                lowBucket = Arrays.copyOf(lowBucket, n);
            }
            slotOf[tenant] = s;
            tenantOf[s] = tenant;
        }
        int b = bucket(ageMicros);
        long n = total[s]++;
        if (n < INLINE) {
            packed[s] |= b << (8 * (int) n);
        } else {
            if (n == INLINE) {
                spill(s);
            }
            counts[rowOf[s] * BUCKETS + b]++;
            if (b < lowBucket[s]) {
                lowBucket[s] = b;
            }
        }
        maxMicros[s] = Math.max(maxMicros[s], ageMicros);
    }

    /** The slot's {@link #INLINE} packed buckets move to a row of its own. */
    private void spill(int s) {
        int row = rows++;
        if ((row + 1) * BUCKETS > counts.length) {
            counts = Arrays.copyOf(counts, Math.max(2 * counts.length, (row + 1) * BUCKETS));
        }
        rowOf[s] = row;
        int low = BUCKETS - 1;
        for (int k = 0; k < INLINE; k++) {
            int b = packed[s] >>> (8 * k) & 0xff;
            counts[row * BUCKETS + b]++;
            low = Math.min(low, b);
        }
        lowBucket[s] = low;
    }

    /** Tenants with a message taken since the last seal. */
    public int activeTenants() {
        return used;
    }

    /**
     * The age (micros) at quantile {@code q} of the slot's second: the middle of the bucket that holds the message of
     * rank {@code ceil(q n)} (at least 1) in age order, never above the max. From a row, only the buckets from its
     * lowest to that of the largest age can hold counts, so only those are read.
     */
    private long quantile(int s, double q) {
        long rank = Math.max(1, (long) Math.ceil(q * total[s]));
        if (total[s] <= INLINE) {
            return Math.min(middleMicros(packedBucketOfRank(packed[s], (int) total[s], (int) rank)), maxMicros[s]);
        }
        long seen = 0;
        int base = rowOf[s] * BUCKETS;
        int high = bucket(maxMicros[s]);
        for (int b = lowBucket[s]; b <= high; b++) {
            seen += counts[base + b];
            if (seen >= rank) {
                return Math.min(middleMicros(b), maxMicros[s]);
            }
        }
        return maxMicros[s];
    }

    /** The {@code rank}-th smallest (from 1) of the {@code n} (1 to {@link #INLINE}) buckets packed in {@code p}. */
    private static int packedBucketOfRank(int p, int n, int rank) {
        int b0 = p & 0xff;
        int b1 = n > 1 ? p >>> 8 & 0xff : Integer.MAX_VALUE; // absent ones sort last, past every rank asked
        int b2 = n > 2 ? p >>> 16 & 0xff : Integer.MAX_VALUE;
        int b3 = n > 3 ? p >>> 24 : Integer.MAX_VALUE;
        int t;
        if (b0 > b1) { t = b0; b0 = b1; b1 = t; } // a sorting network of four: (0,1) (2,3) (0,2) (1,3) (1,2)
        if (b2 > b3) { t = b2; b2 = b3; b3 = t; }
        if (b0 > b2) { t = b0; b0 = b2; b2 = t; }
        if (b1 > b3) { t = b1; b1 = b3; b3 = t; }
        if (b1 > b2) { t = b1; b1 = b2; b2 = t; }
        int r = Math.min(rank, n);
        return r == 1 ? b0 : r == 2 ? b1 : r == 3 ? b2 : b3;
    }

    /**
     * Closes the second: the {@code top} tenants by p99 (the noisy tenant added when it is active but not among them),
     * then every histogram is returned for the next second.
     */
    public TenantAgeTable seal(int noisyTenant, int top) {
        long[] p99 = new long[used];
        for (int s = 0; s < used; s++) {
            p99[s] = quantile(s, 0.99);
        }
        int n = Math.min(top, used);
        int[] chosen = new int[n + 1];
        int ranked = 0; // chosen[0..ranked) by p99 descending, then tenant ascending: the n highest so far
        for (int s = 0; n > 0 && s < used; s++) {
            if (ranked == n && !ranksAbove(s, chosen[n - 1], p99)) {
                continue;
            }
            int at = ranked < n ? ranked++ : n - 1;
            while (at > 0 && ranksAbove(s, chosen[at - 1], p99)) {
                chosen[at] = chosen[at - 1];
                at--;
            }
            chosen[at] = s;
        }
        boolean noisyChosen = false;
        int noisySlot = noisyTenant >= 0 && noisyTenant < slotOf.length ? slotOf[noisyTenant] : -1;
        int rows = n;
        for (int r = 0; r < n; r++) {
            noisyChosen |= chosen[r] == noisySlot;
        }
        if (noisySlot >= 0 && !noisyChosen) {
            chosen[rows++] = noisySlot;
        }
        long[] out = new long[5 * rows];
        for (int r = 0; r < rows; r++) {
            int s = chosen[r];
            out[5 * r] = tenantOf[s];
            out[5 * r + 1] = total[s];
            out[5 * r + 2] = quantile(s, 0.5);
            out[5 * r + 3] = p99[s];
            out[5 * r + 4] = maxMicros[s];
        }
        TenantAgeTable table = new TenantAgeTable(noisyTenant, used, out);
        for (int s = 0; s < used; s++) {
            slotOf[tenantOf[s]] = -1;
            if (total[s] > INLINE) {
                int base = rowOf[s] * BUCKETS;
                Arrays.fill(counts, base + lowBucket[s], base + bucket(maxMicros[s]) + 1, 0);
            }
            packed[s] = 0;
            total[s] = 0;
            maxMicros[s] = 0;
        }
        used = 0;
        rows = 0;
        return table;
    }

    /** Whether slot {@code a} ranks above slot {@code b}: a higher p99, or the same and a lower tenant index. */
    private boolean ranksAbove(int a, int b, long[] p99) {
        return p99[a] > p99[b] || p99[a] == p99[b] && tenantOf[a] < tenantOf[b];
    }
}
