package lab.overload.engine.component.async;

import java.util.SplittableRandom;
import lab.overload.engine.policy.ShuffleSharder;
import lab.overload.models.scenario.QueueSpec;

/**
 * Which lane a tenant's message joins, by the queue's mapping: SHARED, one lane; PER_TENANT, the tenant's own lane;
 * HASH, the one lane dealt to the tenant; SHUFFLE_SHARD, the shortest lane of the tenant's hand (ties to the first
 * dealt). Hands are dealt once, at build, from the queue's own random stream ({@code queues/NAME/hands}).
 */
public final class LaneChoice {
    private final int laneCount;
    private final ShuffleSharder sharder;

    public LaneChoice(QueueSpec spec, int tenants, SplittableRandom hands) {
        switch (spec.mapping()) {
            case SHARED -> {
                laneCount = 1;
                sharder = null;
            }
            case PER_TENANT -> {
                laneCount = tenants;
                sharder = null;
            }
            case HASH -> {
                laneCount = spec.laneCount();
                sharder = new ShuffleSharder(laneCount, 1, tenants, hands);
            }
            default -> {
                laneCount = spec.laneCount();
                sharder = new ShuffleSharder(laneCount, spec.handSize(), tenants, hands);
            }
        }
    }

    public int laneCount() {
        return laneCount;
    }

    /** The hands dealt (HASH: hands of one), or null for SHARED and PER_TENANT. */
    public ShuffleSharder sharder() {
        return sharder;
    }

    /** The lane for a message of that tenant now, given the lanes' depths. */
    public int lane(int tenant, Lane[] lanes) {
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
}
