package lab.overload.engine.metrics;

/**
 * A queue's most affected tenants in one simulated second, immutable: for each listed tenant the messages of it taken
 * off a lane in the second and their age (enqueue to take) at the 50th and 99th percentile and at most, in
 * microseconds. Rows are ordered by p99, highest first (the lower index on a tie); the noisy tenant, when it had
 * messages taken, is listed even when it is not among the most affected. Percentiles come from a log-linear histogram
 * (four buckets per power of two), so they are within 12.5 % of the exact ones and never above the largest age.
 */
public final class TenantAgeTable {
    /** No second sealed yet, or no message taken in it. */
    public static final TenantAgeTable EMPTY = new TenantAgeTable(-1, 0, new long[0]);
    private static final int FIELDS = 5;

    private final int noisyTenant;
    private final int activeTenants;
    private final long[] rows;

    /**
     * @param noisyTenant   the noisy tenant, or -1
     * @param activeTenants tenants with at least one message taken in the second
     * @param rows          five longs per row: tenant, messages, p50, p99 and max age (micros); owned from now on
     */
    public TenantAgeTable(int noisyTenant, int activeTenants, long[] rows) {
        if (rows.length % FIELDS != 0) {
            throw new IllegalArgumentException("rows must hold five longs each, got " + rows.length);
        }
        this.noisyTenant = noisyTenant;
        this.activeTenants = activeTenants;
        this.rows = rows;
    }

    /** The noisy tenant when the second was sealed, or -1. */
    public int noisyTenant() {
        return noisyTenant;
    }

    /** Tenants with a message taken in the second (listed or not). */
    public int activeTenants() {
        return activeTenants;
    }

    public int size() {
        return rows.length / FIELDS;
    }

    public int tenant(int row) {
        return (int) rows[FIELDS * row];
    }

    /** Whether the row is the noisy tenant's. */
    public boolean isNoisy(int row) {
        return tenant(row) == noisyTenant;
    }

    /** The tenant's messages taken in the second. */
    public long messages(int row) {
        return rows[FIELDS * row + 1];
    }

    public double p50Millis(int row) {
        return rows[FIELDS * row + 2] / 1000.0;
    }

    public double p99Millis(int row) {
        return rows[FIELDS * row + 3] / 1000.0;
    }

    public double maxMillis(int row) {
        return rows[FIELDS * row + 4] / 1000.0;
    }
}
