package lab.overload.app.queues;

import java.util.ArrayList;
import java.util.List;
import lab.overload.engine.metrics.TenantAgeTable;

/**
 * One row of the Queues tab's "most affected tenants" table: a tenant's messages taken in the last sealed second and
 * their age at p50, p99 and at most (ms), and whether it is the noisy tenant.
 */
public record TenantAgeRow(int tenant, boolean noisy, long messages, double p50Millis, double p99Millis,
                           double maxMillis) {

    /** The rows of a sealed second, most affected first (the noisy tenant last when it is not among them). */
    public static List<TenantAgeRow> of(TenantAgeTable t) {
        List<TenantAgeRow> rows = new ArrayList<>(t.size());
        for (int r = 0; r < t.size(); r++) {
            rows.add(new TenantAgeRow(t.tenant(r), t.isNoisy(r), t.messages(r), t.p50Millis(r), t.p99Millis(r),
                    t.maxMillis(r)));
        }
        return rows;
    }
}
