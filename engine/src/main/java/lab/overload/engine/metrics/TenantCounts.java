package lab.overload.engine.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One client group's counts by tenant in the current simulated second, in primitive arrays indexed by tenant (four
 * longs per tenant, 3.2 MB at 100,000 tenants, whatever the run's length). When a later second begins, the second is
 * sealed into a {@link TenantTopTable} of its top {@link #TOP} tenants by each metric, and only the tenants active in
 * it are cleared. The tables wait until the recorder drains them into the next interval snapshot. Made only for
 * groups with more than one tenant. Single writer: the simulation thread.
 */
public final class TenantCounts {
    /** Tenants listed by each metric in a second's table. */
    public static final int TOP = 20;
    private static final int METRICS = TenantTopTable.FIELDS - 1;
    private static final long SECOND_MICROS = 1_000_000;

    private final long[] counts;
    private final boolean[] seen;
    private int[] active = new int[16];
    private int used;
    private final long[] totals = new long[METRICS];
    private long secondEndMicros = SECOND_MICROS;
    private List<TenantTopTable> sealed = new ArrayList<>();

    public TenantCounts(int tenants) {
        counts = new long[METRICS * tenants];
        seen = new boolean[tenants];
    }

    public int tenants() {
        return seen.length;
    }

    /** A request of the tenant ended; {@code latencyMicros} counts when it succeeded. */
    public void requestEnded(int tenant, boolean succeeded, long latencyMicros, long nowMicros) {
        int at = touch(tenant, nowMicros);
        counts[at]++;
        totals[0]++;
        if (succeeded) {
            counts[at + 3] += latencyMicros;
            totals[3] += latencyMicros;
        }
    }

    /** An attempt of the tenant was refused (throttled at the client or a stage, or shed). */
    public void throttled(int tenant, long nowMicros) {
        counts[touch(tenant, nowMicros) + 1]++;
        totals[1]++;
    }

    /** An attempt of the tenant was answered with an error. */
    public void error(int tenant, long nowMicros) {
        counts[touch(tenant, nowMicros) + 2]++;
        totals[2]++;
    }

    private int touch(int tenant, long nowMicros) {
        if (nowMicros >= secondEndMicros) {
            roll(nowMicros);
        }
        if (!seen[tenant]) {
            seen[tenant] = true;
            if (used == active.length) {
                active = Arrays.copyOf(active, 2 * used);
            }
            active[used++] = tenant;
        }
        return METRICS * tenant;
    }

    /** The tables of the seconds that ended by {@code nowMicros} and were not drained yet, oldest first. */
    public List<TenantTopTable> drain(long nowMicros) {
        if (nowMicros >= secondEndMicros) {
            roll(nowMicros);
        }
        if (sealed.isEmpty()) {
            return List.of();
        }
        List<TenantTopTable> out = List.copyOf(sealed);
        sealed = new ArrayList<>();
        return out;
    }

    /** Seals the current second (when anything happened in it) and moves to the second holding {@code nowMicros}. */
    private void roll(long nowMicros) {
        if (used > 0) {
            sealed.add(seal(secondEndMicros - SECOND_MICROS));
        }
        secondEndMicros = (nowMicros / SECOND_MICROS + 1) * SECOND_MICROS;
    }

    private TenantTopTable seal(long startMicros) {
        boolean[] listed = new boolean[used];
        int rows = 0;
        int[] best = new int[TOP];
        for (int m = 0; m < METRICS; m++) {
            int n = 0;
            for (int i = 0; i < used; i++) {
                long v = counts[METRICS * active[i] + m];
                if (v == 0 || n == TOP && !before(active[i], active[best[n - 1]], m)) {
                    continue;
                }
                int k = n < TOP ? n++ : n - 1;
                while (k > 0 && before(active[i], active[best[k - 1]], m)) {
                    best[k] = best[k - 1];
                    k--;
                }
                best[k] = i;
            }
            for (int k = 0; k < n; k++) {
                if (!listed[best[k]]) {
                    listed[best[k]] = true;
                    rows++;
                }
            }
        }
        Integer[] order = new Integer[rows];
        for (int i = 0, r = 0; i < used; i++) {
            if (listed[i]) {
                order[r++] = active[i];
            }
        }
        Arrays.sort(order, (a, b) -> before(a, b, 0) ? -1 : before(b, a, 0) ? 1 : 0);
        long[] out = new long[TenantTopTable.FIELDS * rows];
        for (int r = 0; r < rows; r++) {
            out[TenantTopTable.FIELDS * r] = order[r];
            System.arraycopy(counts, METRICS * order[r], out, TenantTopTable.FIELDS * r + 1, METRICS);
        }
        TenantTopTable table = new TenantTopTable(startMicros, used, totals.clone(), out);
        for (int i = 0; i < used; i++) {
            seen[active[i]] = false;
            Arrays.fill(counts, METRICS * active[i], METRICS * active[i] + METRICS, 0);
        }
        Arrays.fill(totals, 0);
        used = 0;
        return table;
    }

    /** Whether tenant {@code a} ranks before {@code b} by metric {@code m} (higher first, then the lower tenant). */
    private boolean before(int a, int b, int m) {
        long va = counts[METRICS * a + m];
        long vb = counts[METRICS * b + m];
        return va > vb || va == vb && a < b;
    }
}
