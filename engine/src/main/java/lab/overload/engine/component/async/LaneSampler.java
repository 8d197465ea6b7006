package lab.overload.engine.component.async;

import lab.overload.engine.metrics.LaneInterval;
import lab.overload.engine.metrics.TenantAgeTable;
import lab.overload.models.scenario.ClientSpec;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.scenario.TenantSpec;

/**
 * Samples a queue's lanes for each interval's snapshot: depths and oldest ages in one new array per interval (and,
 * given the {@link LaneTotals}, each lane's busy-poller mean and empty polls over the interval); the
 * noisy tenant (the highest rate multiplier above 1 among the client groups sending to the queue, as the scenario
 * stands now), its hand, the measured overlap table around it and the table of the most affected tenants' ages (both
 * remade once per simulated second, when the queue seals its per-tenant second). Arrays handed out are never changed
 * afterwards. Simulation thread only.
 */
public final class LaneSampler {
    private static final int[] NO_LANES = new int[0];
    private static final long[] NO_ROWS = new long[0];
    /** Tenants listed in each second's table of the most affected ones (the noisy tenant may make one more). */
    public static final int MOST_AFFECTED = 10;

    private final String queue;
    private final Lane[] lanes;
    private final LaneChoice choice;
    private final QueueStats stats;
    private final LaneTotals totals;
    private int noisyTenant = -1;
    private int[] noisyHand = NO_LANES;
    private long[] overlapRows = NO_ROWS;
    /** By tenant: the lanes its hand shares with the noisy tenant's (kept while the noisy tenant stays), or null. */
    private byte[] overlapLevels;
    private TenantAgeTable tenantAges = TenantAgeTable.EMPTY;

    public LaneSampler(String queue, Lane[] lanes, LaneChoice choice, QueueStats stats) {
        this(queue, lanes, choice, stats, null);
    }

    /** As above, sealing each interval's busy pollers and empty polls per lane from {@code totals} (null: none). */
    public LaneSampler(String queue, Lane[] lanes, LaneChoice choice, QueueStats stats, LaneTotals totals) {
        this.totals = totals;
        this.queue = queue;
        this.lanes = lanes;
        this.choice = choice;
        this.stats = stats;
    }

    /** The lanes now, under the scenario as it stands now. */
    public LaneInterval sample(long nowMicros, Scenario scenario) {
        int n = lanes.length;
        long[] depthsAndAges = new long[2 * n];
        for (int i = 0; i < n; i++) {
            depthsAndAges[i] = lanes[i].size();
            depthsAndAges[n + i] = lanes[i].size() == 0 ? 0 : nowMicros - lanes[i].oldestMicros();
        }
        int noisy = noisyTenant(scenario);
        if (noisy != noisyTenant) {
            noisyTenant = noisy;
            noisyHand = handOf(noisy);
            overlapRows = NO_ROWS;
            overlapLevels = null;
        }
        if (totals == null) {
            return new LaneInterval(depthsAndAges, noisyTenant, noisyHand, overlapRows, tenantAges);
        }
        double[] busyMean = new double[n];
        long[] empty = new long[n];
        totals.sealInterval(nowMicros, busyMean, empty);
        return new LaneInterval(depthsAndAges, noisyTenant, noisyHand, overlapRows, tenantAges, busyMean, empty);
    }

    /**
     * A second of per-tenant ages was sealed: the table of the most affected tenants is made, and the overlap table is
     * measured again (queues with hands only).
     */
    public void secondSealed() {
        tenantAges = stats.secondAges().seal(noisyTenant, MOST_AFFECTED);
        if (noisyTenant >= 0 && choice.sharder() != null) {
            if (overlapLevels == null) {
                overlapLevels = OverlapTable.levels(choice.sharder(), noisyTenant, stats.tenants());
            }
            overlapRows = OverlapTable.measure(stats, overlapLevels, choice.sharder().handSize(), noisyTenant);
        }
    }

    private int noisyTenant(Scenario s) {
        int noisy = -1;
        double highest = 1;
        for (ClientSpec c : s.clients()) {
            if (!c.target().equals(queue)) {
                continue;
            }
            for (var e : c.tenants().overrides().asMap().entrySet()) {
                TenantSpec t = e.getValue();
                if (e.getKey() < stats.tenants() && t.rateMultiplier() > highest) {
                    highest = t.rateMultiplier();
                    noisy = e.getKey();
                }
            }
        }
        return noisy;
    }

    /**
     * The lanes a tenant's messages may join: its hand; PER_TENANT its own lane, SHARED the one lane, FAIR and
     * AUTO_ISOLATE the noisy tenants' lane.
     */
    private int[] handOf(int tenant) {
        if (tenant < 0) {
            return NO_LANES;
        }
        var hands = choice.sharder();
        if (hands == null) {
            return new int[] {choice.ownLane(tenant)};
        }
        int[] hand = new int[hands.handSize()];
        for (int k = 0; k < hand.length; k++) {
            hand[k] = hands.lane(tenant, k);
        }
        return hand;
    }
}
