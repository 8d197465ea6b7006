package lab.overload.engine.component.async;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A queue's messages over the measured period, by cohort (the messages enqueued after the warm-up, and the producer
 * attempts refused in it), each in exactly one end state:
 * {@code enqueued = processed + deadLettered + expired + inQueue + inService + inRetry} (in retry: waiting out an
 * async retry's delay; dead-lettered: failed after its retries; expired: dropped by the time to live, or retried no
 * longer past the maximum event age). Ages are from enqueue to the moment a
 * poller took the message (its latency), in milliseconds, over the messages taken for processing; backlog is the
 * number of messages waiting, time-averaged over the measured period. {@code tenantsImpacted} counts the tenants
 * impacted in at least one measured second (a message of theirs taken, or still waiting, more than 1 s old).
 * {@code demoted} (moved to a lane's low-priority queue) and {@code spilled} (sent to the surge queue) count passages,
 * not end states: such a message ends in one of the states above like any other. {@code ageStdDevMillis} is the
 * sample standard deviation of the ages (not in the JSON block).
 */
public record QueueSummary(long enqueued, long processed, long deadLettered, long expired, long throttled, long inQueue,
                           long inService, double ageMeanMillis, double ageP50Millis, double ageP99Millis,
                           double ageMaxMillis, double backlogMean, long backlogMax, long emptyPolls, int tenants,
                           int tenantsImpacted, long demoted, long spilled, double ageStdDevMillis, long inRetry) {

    /** The summary JSON block of the queue (see docs/summary-format.md). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> messages = new LinkedHashMap<>();
        messages.put("enqueued", enqueued);
        messages.put("processed", processed);
        messages.put("deadLettered", deadLettered);
        messages.put("expired", expired);
        messages.put("demoted", demoted);
        messages.put("spilled", spilled);
        messages.put("throttled", throttled);
        messages.put("inQueue", inQueue);
        messages.put("inService", inService);
        messages.put("inRetry", inRetry);
        m.put("messages", messages);
        Map<String, Object> age = new LinkedHashMap<>();
        age.put("mean", ageMeanMillis);
        age.put("p50", ageP50Millis);
        age.put("p99", ageP99Millis);
        age.put("max", ageMaxMillis);
        m.put("ageMillis", age);
        Map<String, Object> backlog = new LinkedHashMap<>();
        backlog.put("mean", backlogMean);
        backlog.put("max", backlogMax);
        m.put("backlog", backlog);
        m.put("emptyPolls", emptyPolls);
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("count", tenants);
        t.put("impacted", tenantsImpacted);
        m.put("tenants", t);
        return m;
    }

    /** Throws naming the imbalance unless every enqueued message is in exactly one end state. */
    public void checkConservation(String queue) {
        long ends = processed + deadLettered + expired + inQueue + inService + inRetry;
        if (ends != enqueued) {
            throw new IllegalStateException("queue " + queue + ": enqueued " + enqueued + " != processed " + processed
                    + " + dead-lettered " + deadLettered + " + expired " + expired + " + in queue " + inQueue
                    + " + in service " + inService + " + in retry " + inRetry);
        }
    }
}
