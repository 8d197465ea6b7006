package lab.overload.engine.policy;

import lab.overload.models.scenario.QueueTimeAction;

/**
 * The load-shedding rules of a host, as pure decisions, in the order the host applies them. At arrival:
 *
 * <ol>
 *   <li><b>input size bound</b>: a request larger than {@code maxRequestSize} (0 = none) is rejected at once;</li>
 *   <li><b>concurrency bound</b>: it starts if fewer than {@code admitBound = min(workers, limit)} attempts are in
 *       service (the worker pool, or an adaptive {@link Limit} below it);</li>
 *   <li><b>queue bound</b>: otherwise it waits if the accept queue holds fewer than {@code queueCapacity};</li>
 *   <li>otherwise it is shed.</li>
 * </ol>
 *
 * At dequeue, when a slot frees:
 *
 * <ol>
 *   <li><b>deadline</b>: if the server knows the client's deadline ({@code timeoutHint}), drops expired work
 *       ({@code expiredWork = DROP_AT_DEQUEUE}) and the deadline has passed, the attempt is dropped at no cost;</li>
 *   <li><b>queue-time bound</b>: if it waited longer than {@code maxQueueWait} (0 = none) it is rejected (the client
 *       is told, the rejection cost is paid) or dropped silently, by the {@link QueueTimeAction};</li>
 *   <li>otherwise it starts.</li>
 * </ol>
 *
 * A queue-time bound keeps every started attempt's queueing delay at most {@code maxQueueWait} however long the
 * queue, which a capacity bound only does for a known service rate ({@code capacity / throughput}).
 */
public final class ShedPolicy {
    /** What to do with an arriving attempt. */
    public enum Arrival { START, QUEUE, SHED, TOO_LARGE }

    /** What to do with the attempt at the head of the queue when a slot frees. */
    public enum Dequeue { START, DROP_EXPIRED, REJECT_STALE, DROP_STALE }

    private ShedPolicy() {
    }

    /**
     * @param size          the request's size (1 = a typical request)
     * @param maxSize       the largest size accepted, 0 = no limit
     * @param inService     attempts holding a slot on the host
     * @param admitBound    min(workers, limit)
     * @param queued        attempts in the accept queue
     * @param queueCapacity the queue bound
     */
    public static Arrival atArrival(double size, double maxSize, int inService, int admitBound, int queued,
                                    int queueCapacity) {
        if (maxSize > 0 && size > maxSize) {
            return Arrival.TOO_LARGE;
        }
        if (inService < admitBound) {
            return Arrival.START;
        }
        return queued < queueCapacity ? Arrival.QUEUE : Arrival.SHED;
    }

    /**
     * @param nowMicros      the current sim time
     * @param enqueuedMicros when the attempt entered the queue
     * @param deadlineMicros the client's deadline (Long.MAX_VALUE for none)
     * @param dropExpired    the server knows the deadline and drops expired work at dequeue
     * @param maxWaitMicros  the queue-time bound, 0 = none
     * @param action         what the queue-time bound does
     */
    public static Dequeue atDequeue(long nowMicros, long enqueuedMicros, long deadlineMicros, boolean dropExpired,
                                    long maxWaitMicros, QueueTimeAction action) {
        if (dropExpired && nowMicros >= deadlineMicros) {
            return Dequeue.DROP_EXPIRED;
        }
        if (maxWaitMicros > 0 && nowMicros - enqueuedMicros > maxWaitMicros) {
            return action == QueueTimeAction.DROP ? Dequeue.DROP_STALE : Dequeue.REJECT_STALE;
        }
        return Dequeue.START;
    }
}
