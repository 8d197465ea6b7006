package lab.overload.models.scenario;

import java.util.List;

/**
 * Queue-time bound: an attempt that waited in a host's accept queue longer than {@code maxQueueWaitMillis} is not
 * started when it reaches the head of the queue: it is rejected (SHED: the rejection cost is paid and the client is
 * told, so it may retry at once) or dropped (ABANDONED_BY_SERVER: no cost, the client times out). It bounds the
 * queueing delay any started attempt has seen, whatever the queue capacity: work that waited that long is likely to
 * be wasted. The concurrency bound ({@code workersPerHost}, or the adaptive {@link LimitSpec}) and the queue bound
 * ({@code queueCapacity}) are the other shedding rules.
 */
public record SheddingSpec(double maxQueueWaitMillis, QueueTimeAction action) {
    public static final ObjectSchema SCHEMA = new ObjectSchema("Shedding", SheddingSpec.class, List.of(
            FieldDef.real("maxQueueWaitMillis", "ms", 0, 3_600_000, 0,
                    "Longest wait in the accept queue before an attempt is shed at dequeue; 0 = no bound."),
            FieldDef.choice("action", QueueTimeAction.class, QueueTimeAction.REJECT_AT_DEQUEUE,
                    "What happens to work that waited too long: REJECT_AT_DEQUEUE (client told) or DROP (silent).")
                    .shownWhen(Condition.above("maxQueueWaitMillis", 0))));

    /** No queue-time bound. */
    public static final SheddingSpec NONE = new SheddingSpec(0, QueueTimeAction.REJECT_AT_DEQUEUE);

    public SheddingSpec {
        SCHEMA.check("maxQueueWaitMillis", maxQueueWaitMillis);
        action = SCHEMA.orDefault("action", action);
    }
}
