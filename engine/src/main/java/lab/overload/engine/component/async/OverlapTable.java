package lab.overload.engine.component.async;

import lab.overload.engine.policy.ShuffleSharder;

/**
 * The measured overlap table of a queue with hands: how the other tenants' hands overlap one tenant's hand, and how
 * many of them at each overlap sent messages and were impacted. Rows of three longs (tenants, active, impacted) by
 * overlap level 0..hand size.
 */
public final class OverlapTable {
    private OverlapTable() {
    }

    /** The table around tenant {@code noisy}, from the queue's per-tenant record. */
    public static long[] measure(QueueStats stats, ShuffleSharder hands, int noisy) {
        int k = hands.handSize();
        long[] rows = new long[3 * (k + 1)];
        for (int t = 0; t < stats.tenants(); t++) {
            if (t == noisy) {
                continue;
            }
            int m = hands.overlap(noisy, t);
            rows[3 * m]++;
            if (stats.tenantEnqueued(t) > 0) {
                rows[3 * m + 1]++;
                rows[3 * m + 2] += stats.impactedSeconds(t) > 0 ? 1 : 0;
            }
        }
        return rows;
    }

    /** The tenant that enqueued the most messages in the measured period (the lowest index on a tie). */
    public static int busiest(QueueStats stats) {
        int noisy = 0;
        for (int t = 1; t < stats.tenants(); t++) {
            if (stats.tenantEnqueued(t) > stats.tenantEnqueued(noisy)) {
                noisy = t;
            }
        }
        return noisy;
    }
}
