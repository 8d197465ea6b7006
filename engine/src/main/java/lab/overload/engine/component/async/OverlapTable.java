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
        return measure(stats, levels(hands, noisy, stats.tenants()), hands.handSize(), noisy);
    }

    /**
     * By tenant below {@code tenants}: how many lanes its hand shares with {@code noisy}'s (the hands never change, so
     * a caller that measures every second keeps this and passes it to {@link #measure(QueueStats, byte[], int, int)}).
     */
    public static byte[] levels(ShuffleSharder hands, int noisy, int tenants) {
        byte[] levels = new byte[tenants];
        for (int t = 0; t < tenants; t++) {
            levels[t] = (byte) hands.overlap(noisy, t);
        }
        return levels;
    }

    /** The table around tenant {@code noisy}, given every tenant's overlap {@link #levels} with it (hand size k). */
    public static long[] measure(QueueStats stats, byte[] levels, int k, int noisy) {
        long[] rows = new long[3 * (k + 1)];
        for (int t = 0; t < stats.tenants(); t++) {
            if (t == noisy) {
                continue;
            }
            int m = levels[t];
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
