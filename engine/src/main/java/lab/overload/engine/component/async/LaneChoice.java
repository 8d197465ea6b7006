package lab.overload.engine.component.async;

import java.util.SplittableRandom;
import lab.overload.engine.policy.ShuffleSharder;
import lab.overload.models.scenario.LaneMapping;
import lab.overload.models.scenario.QueueSpec;

/**
 * Which lane a tenant's message joins, by the queue's mapping: SHARED, one lane; PER_TENANT, the tenant's own lane;
 * HASH, the one lane dealt to the tenant; SHUFFLE_SHARD, the shortest lane of the tenant's hand (ties to the first
 * dealt). Hands are dealt once, at build, from the queue's own random stream ({@code queues/NAME/hands}).
 *
 * <p>Two mappings hold per-tenant state in primitive arrays. FAIR: lane 0 and lane 1 share one set of pollers, which
 * read lane 1 only when lane 0 is empty; a message joins lane 1 when its tenant already has {@code fairDepth}
 * messages waiting, so a quiet tenant's message never waits behind a noisy tenant's excess. AUTO_ISOLATE: lane 0 is
 * shared, lane 1 (with its own pollers) holds the isolated tenants' messages; once per second a tenant is isolated
 * for the next second when it enqueued more than {@code isolateRatePerSecond} messages in the second just ended.
 * Messages already waiting stay where they are. Single writer: the simulation thread.
 */
public final class LaneChoice {
    private final LaneMapping mapping;
    private final int laneCount;
    private final ShuffleSharder sharder;
    /** FAIR: messages waiting by tenant; AUTO_ISOLATE: messages enqueued in the current second by tenant. */
    private final int[] perTenant;
    private final boolean[] isolated;
    private int fairDepth;
    private double isolateRatePerSecond;

    public LaneChoice(QueueSpec spec, int tenants, SplittableRandom hands) {
        mapping = spec.mapping();
        tune(spec);
        boolean fairOrIsolate = mapping == LaneMapping.FAIR || mapping == LaneMapping.AUTO_ISOLATE;
        perTenant = fairOrIsolate ? new int[tenants] : null;
        isolated = mapping == LaneMapping.AUTO_ISOLATE ? new boolean[tenants] : null;
        switch (mapping) {
            case SHARED -> laneCount = 1;
            case PER_TENANT -> laneCount = tenants;
            case HASH, SHUFFLE_SHARD -> laneCount = spec.laneCount();
            default -> laneCount = 2;
        }
        sharder = mapping == LaneMapping.HASH ? new ShuffleSharder(laneCount, 1, tenants, hands)
                : mapping == LaneMapping.SHUFFLE_SHARD
                ? new ShuffleSharder(laneCount, spec.handSize(), tenants, hands) : null;
    }

    /** Takes the live thresholds of FAIR and AUTO_ISOLATE from the spec. */
    public void tune(QueueSpec spec) {
        fairDepth = spec.fairDepth();
        isolateRatePerSecond = spec.isolateRatePerSecond();
    }

    public int laneCount() {
        return laneCount;
    }

    /** Lanes that have pollers of their own: every lane, except FAIR's two, which share one set (lane 0's). */
    public int pollerLanes() {
        return mapping == LaneMapping.FAIR ? 1 : laneCount;
    }

    /** The lane whose pollers serve {@code lane}. */
    public int pollerLane(int lane) {
        return mapping == LaneMapping.FAIR ? 0 : lane;
    }

    /** The lane a poller of {@code pollerLane} takes from: FAIR's lane 1 only when lane 0 is empty. */
    public int takeLane(int pollerLane, Lane[] lanes) {
        return mapping == LaneMapping.FAIR && lanes[0].size() == 0 ? 1 : pollerLane;
    }

    /** Messages waiting for the pollers of {@code pollerLane} (FAIR: in both lanes). */
    public int waitingFor(int pollerLane, Lane[] lanes) {
        return mapping == LaneMapping.FAIR ? lanes[0].size() + lanes[1].size() : lanes[pollerLane].size();
    }

    /** The hands dealt (HASH: hands of one), or null for the other mappings. */
    public ShuffleSharder sharder() {
        return sharder;
    }

    /** Without hands: the lane the tenant's messages go to (FAIR and AUTO_ISOLATE: lane 1, the noisy tenants'). */
    public int ownLane(int tenant) {
        return laneCount == 1 ? 0 : perTenant != null ? 1 : tenant;
    }

    /** The lane for a message of that tenant now, given the lanes' depths; the caller adds it there. */
    public int lane(int tenant, Lane[] lanes) {
        if (perTenant != null) {
            perTenant[tenant]++;
            return mapping == LaneMapping.FAIR ? (perTenant[tenant] > fairDepth ? 1 : 0)
                    : isolated[tenant] ? 1 : 0;
        }
        if (sharder == null) {
            return laneCount == 1 ? 0 : tenant;
        }
        int best = sharder.lane(tenant, 0);
        for (int k = 1; k < sharder.handSize(); k++) {
            int l = sharder.lane(tenant, k);
            if (lanes[l].size() < lanes[best].size()) {
                best = l;
            }
        }
        return best;
    }

    /** A message of the tenant left its lane (taken by a poller). */
    public void taken(int tenant) {
        if (mapping == LaneMapping.FAIR) {
            perTenant[tenant]--;
        }
    }

    /** AUTO_ISOLATE: the second ended; tenants over the rate are isolated for the next one. */
    public void sealSecond() {
        if (isolated != null) {
            for (int t = 0; t < perTenant.length; t++) {
                isolated[t] = perTenant[t] > isolateRatePerSecond;
                perTenant[t] = 0;
            }
        }
    }

    /** AUTO_ISOLATE: whether the tenant's messages now go to the isolation lane. */
    public boolean isolated(int tenant) {
        return isolated != null && isolated[tenant];
    }
}
