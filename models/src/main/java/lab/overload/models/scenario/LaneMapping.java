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
    SHUFFLE_SHARD,
    /**
     * One shared set of pollers that delivers quiet tenants first, as SQS fair queues do: a message whose tenant
     * already has {@code fairDepth} messages waiting joins a second lane, read only when the first is empty.
     */
    FAIR,
    /**
     * One shared lane, and a second lane with its own pollers for the noisy: a tenant that enqueued more than
     * {@code isolateRatePerSecond} messages in the last whole second sends its new messages to the second lane.
     */
    AUTO_ISOLATE
}
