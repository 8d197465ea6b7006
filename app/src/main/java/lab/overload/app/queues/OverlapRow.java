package lab.overload.app.queues;

import java.util.ArrayList;
import java.util.List;
import lab.overload.engine.metrics.LaneInterval;
import lab.overload.models.theory.ShardOverlap;

/**
 * One row of the Queues tab's overlap table: the tenants whose hands share {@code lanesShared} lanes with the noisy
 * tenant's hand, exact (hypergeometric, {@link ShardOverlap}) next to measured (the share of the other tenants dealt
 * such a hand), and the share of those that sent messages that were impacted (a message more than 1 s old in a
 * second). Measured fields are NaN (and {@code tenants} -1) until the queue has sealed a second with a noisy tenant.
 */
public record OverlapRow(int lanesShared, double exactPercent, double measuredPercent, long tenants,
                         double impactedPercent) {

    /** The exact rows for {@code lanes} lanes and hands of {@code hand}, with what {@code measured} holds. */
    public static List<OverlapRow> of(int lanes, int hand, LaneInterval measured) {
        double[] exact = ShardOverlap.overlapDistribution(lanes, hand);
        boolean any = measured != null && measured.overlapLevels() == exact.length;
        long others = 0;
        for (int m = 0; any && m < exact.length; m++) {
            others += measured.overlapTenants(m);
        }
        List<OverlapRow> rows = new ArrayList<>(exact.length);
        for (int m = 0; m < exact.length; m++) {
            long tenants = any ? measured.overlapTenants(m) : -1;
            long active = any ? measured.overlapActive(m) : 0;
            rows.add(new OverlapRow(m, 100 * exact[m], any && others > 0 ? 100.0 * tenants / others : Double.NaN,
                    tenants, active > 0 ? 100.0 * measured.overlapImpacted(m) / active : Double.NaN));
        }
        return rows;
    }
}
