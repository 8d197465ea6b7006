package lab.overload.engine.metrics;

/**
 * One client group's top tenants in one simulated second, immutable: the union of the top {@code K} tenants by each
 * {@link Metric} (a tenant among the top of two metrics is listed once), each with all four counts, and the group's
 * totals over every tenant in the second (listed or not). Rows are ordered by requests, highest first (the lower
 * tenant on a tie). Counts are of what the client heard in the second: requests that ended, attempts refused
 * (throttled at the client or the stage, or shed), attempts answered with an error, and the summed latency of the
 * requests that succeeded.
 */
public final class TenantTopTable {
    /** What a tenant is counted by. */
    public enum Metric { REQUESTS, THROTTLED, ERRORS, SUCCESS_LATENCY_MICROS }

    static final int FIELDS = 5;

    private final long startMicros;
    private final int activeTenants;
    private final long[] totals;
    private final long[] rows;

    /**
     * @param startMicros   the second's start (sim time)
     * @param activeTenants tenants with anything counted in the second
     * @param totals        the group's four totals in {@link Metric} order; owned from now on
     * @param rows          five longs per row: tenant, then the four counts in {@link Metric} order; owned from now on
     */
    public TenantTopTable(long startMicros, int activeTenants, long[] totals, long[] rows) {
        if (rows.length % FIELDS != 0 || totals.length != FIELDS - 1) {
            throw new IllegalArgumentException("rows must hold five longs each and totals four, got " + rows.length
                    + " and " + totals.length);
        }
        this.startMicros = startMicros;
        this.activeTenants = activeTenants;
        this.totals = totals;
        this.rows = rows;
    }

    public long startMicros() {
        return startMicros;
    }

    /** Tenants with anything counted in the second (listed or not). */
    public int activeTenants() {
        return activeTenants;
    }

    /** The group's total of a metric over all its tenants in the second. */
    public long total(Metric m) {
        return totals[m.ordinal()];
    }

    public int size() {
        return rows.length / FIELDS;
    }

    public int tenant(int row) {
        return (int) rows[FIELDS * row];
    }

    public long value(int row, Metric m) {
        return rows[FIELDS * row + 1 + m.ordinal()];
    }

    /** The row of a tenant, or -1 when it is not listed. */
    public int rowOf(int tenant) {
        for (int r = 0; r < size(); r++) {
            if (tenant(r) == tenant) {
                return r;
            }
        }
        return -1;
    }
}
