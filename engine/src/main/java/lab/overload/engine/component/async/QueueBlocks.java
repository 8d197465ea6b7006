package lab.overload.engine.component.async;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The blocks a queue adds to its {@code byStage.NAME} summary beyond {@link QueueSummary#toMap()}: in
 * {@code tenants}, the impact age, the noisy tenant (the one that enqueued the most), how the other tenants' hands
 * overlap its hand ({@code overlapWithNoisy}, queues with hands only: by lanes shared, the tenants and those
 * impacted), and the most impacted tenants ({@code top}); and the per-lane table {@code lanes} (up to
 * {@link #LANES_LISTED} lanes). See docs/summary-format.md.
 */
public final class QueueBlocks {
    /** Lanes listed one by one in the summary (a PER_TENANT queue may have thousands). */
    public static final int LANES_LISTED = 100;
    /** Tenants listed in {@code tenants.top}. */
    public static final int TOP = 5;

    private QueueBlocks() {
    }

    /** The queue's summary map with the blocks added. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> of(QueueSummary summary, QueueStats stats, LaneChoice choice, LaneTotals lanes,
                                         Lane[] live, double impactAgeMillis) {
        Map<String, Object> m = summary.toMap();
        Map<String, Object> t = (Map<String, Object>) m.get("tenants");
        t.put("impactAgeMillis", impactAgeMillis);
        int noisy = OverlapTable.busiest(stats);
        t.put("noisyTenant", noisy);
        if (choice.sharder() != null) {
            long[] rows = OverlapTable.measure(stats, choice.sharder(), noisy);
            Map<String, Object> overlap = new LinkedHashMap<>();
            for (int k = 0; 3 * k < rows.length; k++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("tenants", rows[3 * k]);
                row.put("impacted", rows[3 * k + 2]);
                overlap.put(Integer.toString(k), row);
            }
            t.put("overlapWithNoisy", overlap);
        }
        t.put("top", top(stats));
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("count", lanes.lanes());
        for (int i = 0; i < Math.min(lanes.lanes(), LANES_LISTED); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("joined", lanes.joined(i));
            row.put("depthMax", lanes.depthMax(i));
            row.put("depthEnd", live[i].size());
            row.put("busyPollersMean", lanes.busyPollersMean(i));
            row.put("emptyPolls", lanes.emptyPolls(i));
            l.put(Integer.toString(i), row);
        }
        m.put("lanes", l);
        return m;
    }

    /** The most impacted tenants (by impacted seconds, then largest age), those impacted at all, at most TOP. */
    static List<Map<String, Object>> top(QueueStats stats) {
        int[] best = new int[TOP];
        int n = 0;
        for (int t = 0; t < stats.tenants(); t++) {
            if (stats.impactedSeconds(t) == 0) {
                continue;
            }
            int at = n < TOP ? n++ : TOP;
            while (at > 0 && worse(stats, best[at - 1], t)) {
                if (at < TOP) {
                    best[at] = best[at - 1];
                }
                at--;
            }
            if (at < TOP) {
                best[at] = t;
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("tenant", best[i]);
            row.put("impactedSeconds", stats.impactedSeconds(best[i]));
            row.put("ageMaxMillis", stats.tenantAgeMaxMicros(best[i]) / 1000.0);
            row.put("enqueued", stats.tenantEnqueued(best[i]));
            out.add(row);
        }
        return out;
    }

    /** Whether tenant {@code a} ranks below tenant {@code b}. */
    private static boolean worse(QueueStats s, int a, int b) {
        return s.impactedSeconds(a) < s.impactedSeconds(b) || s.impactedSeconds(a) == s.impactedSeconds(b)
                && s.tenantAgeMaxMicros(a) < s.tenantAgeMaxMicros(b);
    }
}
