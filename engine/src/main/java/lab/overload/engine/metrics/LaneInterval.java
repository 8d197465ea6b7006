package lab.overload.engine.metrics;

import java.util.Arrays;

/**
 * One queue's lanes at the end of an interval, immutable: each lane's depth and the age of its oldest message (one
 * array, copied at the seal), the lanes of the noisy tenant's hand (the tenant with the highest rate multiplier above
 * 1; empty when there is none or the queue deals no hands), and the overlap table last measured (sealed once per
 * simulated second): for each number of lanes {@code m} shared with the noisy tenant's hand, the other tenants with
 * that overlap, those of them that sent messages, and those impacted (a message more than 1 s old in a second); and
 * the most affected tenants' message ages in the last sealed second ({@link TenantAgeTable}); and each lane's pollers
 * over the interval: the time-mean of those busy invoking the target with its messages, and its empty polls (absent,
 * NaN and 0, when built without them).
 */
public final class LaneInterval {
    private final long[] depthsAndAges;
    private final int[] noisyHand;
    private final int noisyTenant;
    private final long[] overlap;
    private final TenantAgeTable tenantAges;
    private final double[] busyPollersMean;
    private final long[] emptyPolls;
    private static final double[] NO_MEANS = new double[0];
    private static final long[] NO_COUNTS = new long[0];

    /**
     * @param depthsAndAges lane {@code i}'s depth at {@code i}, its oldest message's age (micros) at {@code n + i};
     *                      owned by the new object from now on
     * @param noisyHand     the noisy tenant's lanes (never changed afterwards; may be shared between intervals)
     * @param overlap       rows of three (tenants, active, impacted) by overlap level, or empty (may be shared)
     */
    public LaneInterval(long[] depthsAndAges, int noisyTenant, int[] noisyHand, long[] overlap) {
        this(depthsAndAges, noisyTenant, noisyHand, overlap, TenantAgeTable.EMPTY);
    }

    /** As above, with the most affected tenants' ages of the last sealed second. */
    public LaneInterval(long[] depthsAndAges, int noisyTenant, int[] noisyHand, long[] overlap,
                        TenantAgeTable tenantAges) {
        this(depthsAndAges, noisyTenant, noisyHand, overlap, tenantAges, NO_MEANS, NO_COUNTS);
    }

    /**
     * As above, with each lane's pollers over the interval.
     *
     * @param busyPollersMean lane {@code i}'s time-mean of busy pollers at {@code i} (owned from now on)
     * @param emptyPolls      lane {@code i}'s empty polls in the interval at {@code i} (owned from now on)
     */
    public LaneInterval(long[] depthsAndAges, int noisyTenant, int[] noisyHand, long[] overlap,
                        TenantAgeTable tenantAges, double[] busyPollersMean, long[] emptyPolls) {
        this.busyPollersMean = busyPollersMean;
        this.emptyPolls = emptyPolls;
        this.tenantAges = tenantAges;
        this.depthsAndAges = depthsAndAges;
        this.noisyTenant = noisyTenant;
        this.noisyHand = noisyHand;
        this.overlap = overlap;
    }

    public int laneCount() {
        return depthsAndAges.length / 2;
    }

    /** Messages waiting in lane {@code i} at the end of the interval. */
    public long depth(int lane) {
        return depthsAndAges[lane];
    }

    /** The age of the oldest message waiting in lane {@code i} (ms; 0 when it is empty). */
    public double oldestAgeMillis(int lane) {
        return depthsAndAges[laneCount() + lane] / 1000.0;
    }

    /** Pollers busy invoking the target with lane {@code i}'s messages, time-mean over the interval (NaN: absent). */
    public double busyPollersMean(int lane) {
        return lane < busyPollersMean.length ? busyPollersMean[lane] : Double.NaN;
    }

    /** Polls that found lane {@code i} empty in the interval (0 when absent). */
    public long emptyPolls(int lane) {
        return lane < emptyPolls.length ? emptyPolls[lane] : 0;
    }

    /** The noisy tenant's index, or -1 when no tenant's rate multiplier is above 1. */
    public int noisyTenant() {
        return noisyTenant;
    }

    /** Whether lane {@code i} is in the noisy tenant's hand. */
    public boolean inNoisyHand(int lane) {
        for (int l : noisyHand) {
            if (l == lane) {
                return true;
            }
        }
        return false;
    }

    /** The noisy tenant's lanes (a copy). */
    public int[] noisyHand() {
        return noisyHand.clone();
    }

    /** Overlap levels measured (hand size + 1), 0 when there is no noisy tenant or no hands. */
    public int overlapLevels() {
        return overlap.length / 3;
    }

    /** Other tenants whose hands share {@code m} lanes with the noisy tenant's hand. */
    public long overlapTenants(int m) {
        return overlap[3 * m];
    }

    /** Of those, the ones that sent messages in the measured period. */
    public long overlapActive(int m) {
        return overlap[3 * m + 1];
    }

    /** Of those, the ones impacted in at least one measured second. */
    public long overlapImpacted(int m) {
        return overlap[3 * m + 2];
    }

    /** The most affected tenants' ages in the last sealed second (empty before the first). */
    public TenantAgeTable tenantAges() {
        return tenantAges;
    }

    @Override
    public String toString() {
        return "LaneInterval" + Arrays.toString(depthsAndAges) + " noisy " + noisyTenant + Arrays.toString(noisyHand);
    }
}
