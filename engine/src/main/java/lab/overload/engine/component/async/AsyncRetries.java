package lab.overload.engine.component.async;

import java.util.Arrays;
import lab.overload.models.scenario.AsyncRetrySpec;

/**
 * The messages of a queue that have been invoked at least once without success, each held in a slot of primitive
 * arrays (first enqueue time, tenant, size, the producer's request id, priority class, failures and throttles so
 * far) from its first
 * unsuccessful answer to its end. A slot is "in retry" while its message waits out a delay; it then rejoins a lane,
 * where it is marked by {@link #laneId(int)} (a negative request id) so a poller taking it finds its slot again.
 * Freed slots are reused, so a steady state allocates nothing.
 *
 * <p>The policy is {@link AsyncRetrySpec}'s: a failure n is retried after {@code retryDelayMicros(n)} while
 * {@code n <= retryAttempts}, then the message is dead-lettered; a throttle n is retried after
 * {@code throttleBackoffMicros(n)}; either retry is given up (the message expires) when it would start more than the
 * maximum event age after the first enqueue. Single writer: the simulation thread.
 */
public final class AsyncRetries {
    /** The decision for a message after an unsuccessful answer. */
    public static final int RETRY = 0;
    public static final int DEAD_LETTER = 1;
    public static final int EXPIRE = 2;

    private long[] firstMicros = new long[16];
    private int[] tenant = new int[16];
    private double[] size = new double[16];
    private long[] requestId = new long[16];
    private int[] priorityClass = new int[16];
    private int[] failures = new int[16];
    private int[] throttles = new int[16];
    private long[] dueMicros = new long[16];
    private boolean[] waiting = new boolean[16];
    private int[] free = new int[16];
    private int freeCount;
    private int used;

    /** The request id a lane holds for the message in slot {@code slot}: negative, so never a producer's id. */
    public static long laneId(int slot) {
        return -1L - slot;
    }

    /** The slot of a lane's request id, or -1 when the id is a producer's (a message never retried). */
    public static int slotOf(long laneRequestId) {
        return laneRequestId < 0 ? (int) (-1L - laneRequestId) : -1;
    }

    /** A slot for a message (of that priority class) answered unsuccessfully for the first time. */
    public int open(long firstEnqueuedMicros, int tenantIndex, double messageSize, long producerRequestId,
                    int messageClass) {
        int s;
        if (freeCount > 0) {
            s = free[--freeCount];
        } else {
            if (used == firstMicros.length) {
                grow();
            }
            s = used++;
        }
        firstMicros[s] = firstEnqueuedMicros;
        tenant[s] = tenantIndex;
        size[s] = messageSize;
        requestId[s] = producerRequestId;
        priorityClass[s] = messageClass;
        failures[s] = 0;
        throttles[s] = 0;
        waiting[s] = false;
        return s;
    }

    /**
     * Counts an unsuccessful answer (a failure, or a throttle) to the message in {@code slot} at {@code now} and
     * decides: {@link #RETRY} (the slot is in retry until {@link #dueMicros}), {@link #DEAD_LETTER} or
     * {@link #EXPIRE}.
     */
    public int answered(int slot, boolean throttled, long now, AsyncRetrySpec spec) {
        long delay;
        if (throttled) {
            delay = spec.throttleBackoffMicros(++throttles[slot]);
        } else {
            int n = ++failures[slot];
            if (n > spec.retryAttempts()) {
                return DEAD_LETTER;
            }
            delay = spec.retryDelayMicros(n);
        }
        long due = now + delay;
        if (due - firstMicros[slot] > spec.maxEventAgeMicros()) {
            return EXPIRE;
        }
        dueMicros[slot] = due;
        waiting[slot] = true;
        return RETRY;
    }

    /** The delay of the slot's message ended: it rejoins a lane. */
    public void rejoin(int slot) {
        waiting[slot] = false;
    }

    /** The slot's message ended (processed, dead-lettered or expired); the slot is reused. */
    public void close(int slot) {
        waiting[slot] = false;
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, free.length * 2);
        }
        free[freeCount++] = slot;
    }

    /** Messages in retry (waiting out a delay) first enqueued at or after {@code sinceMicros}. */
    public long inRetry(long sinceMicros) {
        long n = 0;
        for (int s = 0; s < used; s++) {
            if (waiting[s] && firstMicros[s] >= sinceMicros) {
                n++;
            }
        }
        return n;
    }

    public long dueMicros(int slot) {
        return dueMicros[slot];
    }

    public long firstMicros(int slot) {
        return firstMicros[slot];
    }

    public int tenant(int slot) {
        return tenant[slot];
    }

    public double size(int slot) {
        return size[slot];
    }

    public long requestId(int slot) {
        return requestId[slot];
    }

    /** The message's priority class, which it keeps when it rejoins a lane. */
    public int priorityClass(int slot) {
        return priorityClass[slot];
    }

    public int failures(int slot) {
        return failures[slot];
    }

    private void grow() {
        int n = firstMicros.length * 2;
        firstMicros = Arrays.copyOf(firstMicros, n);
        tenant = Arrays.copyOf(tenant, n);
        size = Arrays.copyOf(size, n);
        requestId = Arrays.copyOf(requestId, n);
        priorityClass = Arrays.copyOf(priorityClass, n);
        failures = Arrays.copyOf(failures, n);
        throttles = Arrays.copyOf(throttles, n);
        dueMicros = Arrays.copyOf(dueMicros, n);
        waiting = Arrays.copyOf(waiting, n);
    }
}
