package lab.overload.models.scenario;

/** How the tenants of a queue's producers map to its lanes. */
public enum LaneMapping {
    /** One shared lane: every tenant's messages wait in one queue (laneCount is ignored). */
    SHARED,
    /** A lane per tenant (laneCount is ignored): full isolation, paid for with a poller per lane. */
    PER_TENANT,
    /** Each tenant hashed to one of laneCount lanes. */
    HASH,
    /** Each tenant dealt a hand of handSize of the laneCount lanes; a message goes to the shortest lane of its hand. */
    SHUFFLE_SHARD
}
