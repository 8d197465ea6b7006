package lab.overload.engine.component.async;

import java.util.Arrays;
import lab.overload.engine.metrics.TenantAgeTable;

/**
 * The ages of the messages taken in the current simulated second, by tenant, as log-linear histograms in primitive
 * arrays: {@link #BUCKETS} counts per tenant (exact below 4 µs, then four buckets per power of two up to about 19
 * hours; longer ages count in the last). Only tenants with a message in the second hold a histogram: a slot is
 * handed out on a tenant's first message and all are returned when the second is sealed, so memory is one int per
 * tenant plus {@code BUCKETS} ints per tenant active in a second (at most 560 bytes times the tenant count; 5.6 MB at
 * 10,000 tenants all active) whatever the run's length. Each slot also keeps its lowest bucket in use (its highest is
 * the bucket of its largest age), so reading a percentile and clearing the slot visit only the buckets between them: a
 * tenant with a few messages in a second costs a few buckets, not {@code BUCKETS}. Single writer: the simulation
 * thread.
 */
public final class TenantAgeHistograms {
    /** Buckets per tenant. */
    public static final int BUCKETS = 140;
    private static final int INITIAL_SLOTS = 16;

    /** By tenant: its slot in the current second, or -1. */
    private final int[] slotOf;
    private int[] tenantOf = new int[INITIAL_SLOTS];
    private int[] counts = new int[INITIAL_SLOTS * BUCKETS];
    private long[] total = new long[INITIAL_SLOTS];
    private long[] maxMicros = new long[INITIAL_SLOTS];
    /** By slot: its lowest bucket with a count (every bucket below it is 0). */
    private int[] lowBucket = new int[INITIAL_SLOTS];
    private int used;

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
                counts = Arrays.copyOf(counts, n * BUCKETS);
                total = Arrays.copyOf(total, n);
                maxMicros = Arrays.copyOf(maxMicros, n);
                lowBucket = Arrays.copyOf(lowBucket, n);
            }
            slotOf[tenant] = s;
            tenantOf[s] = tenant;
            lowBucket[s] = BUCKETS - 1;
        }
        int b = bucket(ageMicros);
        counts[s * BUCKETS + b]++;
        if (b < lowBucket[s]) {
            lowBucket[s] = b;
        }
        total[s]++;
        maxMicros[s] = Math.max(maxMicros[s], ageMicros);
    }

    /** Tenants with a message taken since the last seal. */
    public int activeTenants() {
        return used;
    }

    /**
     * The age (micros) at quantile {@code q} of the slot's second: the bucket's middle, never above the max. Only the
     * buckets from the slot's lowest to that of its largest age can hold counts, so only those are read.
     */
    private long quantile(int s, double q) {
        long rank = Math.max(1, (long) Math.ceil(q * total[s]));
        long seen = 0;
        int base = s * BUCKETS;
        int high = bucket(maxMicros[s]);
        for (int b = lowBucket[s]; b <= high; b++) {
            seen += counts[base + b];
            if (seen >= rank) {
                return Math.min(middleMicros(b), maxMicros[s]);
            }
        }
        return maxMicros[s];
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
            Arrays.fill(counts, s * BUCKETS + lowBucket[s], s * BUCKETS + bucket(maxMicros[s]) + 1, 0);
            total[s] = 0;
            maxMicros[s] = 0;
        }
        used = 0;
        return table;
    }

    /** Whether slot {@code a} ranks above slot {@code b}: a higher p99, or the same and a lower tenant index. */
    private boolean ranksAbove(int a, int b, long[] p99) {
        return p99[a] > p99[b] || p99[a] == p99[b] && tenantOf[a] < tenantOf[b];
    }
}
