package lab.overload.engine.component.async;

/**
 * Walks over a queue's lanes for what is not kept as a running count: the waiting messages' ages at the end of a
 * second, the oldest message, and the measured cohort still waiting. A retried message is found by its slot, so its
 * first enqueue counts for the cohort. Single writer: the simulation thread.
 */
public final class LaneScan {
    private LaneScan() {
    }

    /**
     * Records with {@link QueueStats#waiting} the messages still waiting older than {@code impactAgeMicros} (by
     * {@link Lane#reportOlderThan}: in each of a lane's rings enqueue (or rejoin) times rise from the head, so only
     * those messages are visited).
     */
    public static void sealWaiting(Lane[] lanes, QueueStats stats, long impactAgeMicros, long now) {
        for (Lane l : lanes) {
            l.reportOlderThan(now, impactAgeMicros, stats);
        }
    }

    /** The age of the oldest message waiting in any lane, in ms; 0 when none waits. */
    public static double oldestAgeMillis(Lane[] lanes, long now) {
        long oldest = Long.MAX_VALUE;
        for (Lane l : lanes) {
            if (l.size() > 0) {
                oldest = Math.min(oldest, l.oldestMicros());
            }
        }
        return oldest == Long.MAX_VALUE ? 0 : (now - oldest) / 1000.0;
    }

    /** Messages first enqueued at or after {@code sinceMicros} still waiting in the lanes. */
    public static long cohortWaiting(Lane[] lanes, AsyncRetries retries, long sinceMicros) {
        long queued = 0;
        for (Lane l : lanes) {
            for (int k = 0; k < l.size(); k++) {
                int at = l.position(k);
                int slot = AsyncRetries.slotOf(l.requestId(at));
                if ((slot < 0 ? l.enqueuedMicros(at) : retries.firstMicros(slot)) >= sinceMicros) {
                    queued++;
                }
            }
        }
        return queued;
    }
}
