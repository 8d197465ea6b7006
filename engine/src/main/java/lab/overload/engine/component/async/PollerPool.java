package lab.overload.engine.component.async;

import java.util.Arrays;

/**
 * The pollers of a queue's lanes and what each is doing: parked (waiting for a message to join its lane), polling
 * (a poll is scheduled), busy (invoking the target with a message), or retired (not one of its lane's active
 * pollers). Poller {@code p} is number {@code p / laneCount} of lane {@code p % laneCount}, so adding pollers to
 * every lane appends numbers and never renumbers a poller that an event refers to.
 *
 * <p>Each lane has between {@code min} and {@code max} active pollers, numbers 0 to active - 1. {@link #scale} applies
 * the scaling rule once per second: a lane whose pollers were throttled by the target in the second loses one
 * poller; otherwise a lane with a message waiting at the end of the second and no poller backing off from a throttle
 * gains one (so at most 60 a minute, as Lambda's pollers scale), and a lane with none waiting whose pollers polled in
 * vain in the second, or wait parked, loses one. A poller backs off from its last answer's throttle until it is
 * answered otherwise, finds its lane empty or retires. A poller beyond its lane's active count retires at once when
 * parked, else at its next poll. Single writer: the
 * simulation thread.
 */
public final class PollerPool {
    public static final int PARKED = 0;
    public static final int POLLING = 1;
    public static final int BUSY = 2;
    public static final int RETIRED = 3;

    private final int laneCount;
    private int perLane;
    private int min;
    private int max;
    private int[] state;
    /** By poller, while busy: the message's first enqueue time, tenant, retry slot (-1: never retried), queue lane. */
    private long[] enqueuedMicros;
    private int[] fromLane;
    private int[] tenant;
    private int[] retrySlot;
    /** By poller: consecutive throttled answers. */
    private int[] throttles;
    /** By lane: the parked pollers (a stack at {@code lane * perLane}), the active count, and the second's events. */
    private int[] parked;
    private final int[] parkedCount;
    private final int[] active;
    private final int[] emptyPolls;
    private final boolean[] throttled;
    /** By lane: pollers whose last answer was a throttle. */
    private final int[] backingOff;

    public PollerPool(int laneCount, int min, int max) {
        this.laneCount = laneCount;
        this.parkedCount = new int[laneCount];
        this.active = new int[laneCount];
        this.emptyPolls = new int[laneCount];
        this.throttled = new boolean[laneCount];
        this.backingOff = new int[laneCount];
        this.state = new int[0];
        this.enqueuedMicros = new long[0];
        this.fromLane = new int[0];
        this.tenant = new int[0];
        this.retrySlot = new int[0];
        this.throttles = new int[0];
        this.parked = new int[0];
        limits(min, max);
        Arrays.fill(state, RETIRED);
    }

    /**
     * Sets the bounds (max below min means no scaling: exactly min), making room for max pollers per lane. The
     * active counts are brought within the bounds by the caller through {@link #grow} and {@link #shrink}.
     */
    public void limits(int minPerLane, int maxPerLane) {
        min = minPerLane;
        max = Math.max(minPerLane, maxPerLane);
        if (max > perLane) {
            int n = laneCount * max;
            int old = state.length;
            state = Arrays.copyOf(state, n);
            Arrays.fill(state, old, n, RETIRED);
            enqueuedMicros = Arrays.copyOf(enqueuedMicros, n);
            fromLane = Arrays.copyOf(fromLane, n);
            tenant = Arrays.copyOf(tenant, n);
            retrySlot = Arrays.copyOf(retrySlot, n);
            throttles = Arrays.copyOf(throttles, n);
            int[] stacks = new int[n];
            for (int l = 0; l < laneCount; l++) {
                System.arraycopy(parked, l * perLane, stacks, l * max, parkedCount[l]);
            }
            parked = stacks;
            perLane = max;
        }
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public int size() {
        return state.length;
    }

    public int lane(int p) {
        return p % laneCount;
    }

    /** The number of poller {@code i} of lane {@code lane}. */
    public int poller(int lane, int i) {
        return i * laneCount + lane;
    }

    public int active(int lane) {
        return active[lane];
    }

    /** Active pollers over all lanes. */
    public int activeTotal() {
        int n = 0;
        for (int a : active) {
            n += a;
        }
        return n;
    }

    public int state(int p) {
        return state[p];
    }

    /** Poller {@code p} is about to poll: false (and it retires) when it is no longer one of its lane's active. */
    public boolean stillActive(int p) {
        if (p / laneCount >= active[lane(p)]) {
            state[p] = RETIRED;
            clearThrottles(p);
            return false;
        }
        return true;
    }

    /** Adds an active poller to the lane; returns it when it must start polling (it was retired), else -1. */
    public int grow(int lane) {
        int p = poller(lane, active[lane]++);
        if (state[p] == RETIRED) {
            state[p] = POLLING;
            return p;
        }
        return -1;
    }

    /** Removes the lane's highest-numbered active poller: at once when parked, else at its next poll. */
    public void shrink(int lane) {
        int p = poller(lane, --active[lane]);
        if (state[p] == PARKED) {
            int base = lane * perLane;
            int n = parkedCount[lane];
            for (int k = 0; k < n; k++) {
                if (parked[base + k] == p) {
                    System.arraycopy(parked, base + k + 1, parked, base + k, n - k - 1);
                    parkedCount[lane]--;
                    break;
                }
            }
            state[p] = RETIRED;
            clearThrottles(p);
        }
    }

    private void clearThrottles(int p) {
        if (throttles[p] > 0) {
            throttles[p] = 0;
            backingOff[lane(p)]--;
        }
    }

    /** The poller polled its empty lane and, with no poll cost, waits for a message. */
    public void park(int p) {
        int l = lane(p);
        state[p] = PARKED;
        parked[l * perLane + parkedCount[l]++] = p;
    }

    /** A message joined the lane: the parked poller that polls now (the last parked), or -1 when none is parked. */
    public int unpark(int lane) {
        if (parkedCount[lane] == 0) {
            return -1;
        }
        int p = parked[lane * perLane + --parkedCount[lane]];
        state[p] = POLLING;
        return p;
    }

    public void polling(int p) {
        state[p] = POLLING;
    }

    /** Poller {@code p} invokes the target with a message (first enqueued then, of that tenant, retry slot). */
    public void busy(int p, long firstEnqueuedMicros, int tenantIndex, int slot) {
        state[p] = BUSY;
        enqueuedMicros[p] = firstEnqueuedMicros;
        tenant[p] = tenantIndex;
        retrySlot[p] = slot;
    }

    /** As {@link #busy(int, long, int, int)}, with the message taken from queue lane {@code queueLane}. */
    public void busy(int p, long firstEnqueuedMicros, int tenantIndex, int slot, int queueLane) {
        busy(p, firstEnqueuedMicros, tenantIndex, slot);
        fromLane[p] = queueLane;
    }

    /** The queue lane (an index of the queue's lanes, not a poller lane) of the message poller {@code p} invokes. */
    public int fromLane(int p) {
        return fromLane[p];
    }

    public long enqueuedMicros(int p) {
        return enqueuedMicros[p];
    }

    public int tenant(int p) {
        return tenant[p];
    }

    public int retrySlot(int p) {
        return retrySlot[p];
    }

    /** Pollers busy with a message first enqueued at or after {@code sinceMicros}. */
    public long busySince(long sinceMicros) {
        long n = 0;
        for (int p = 0; p < state.length; p++) {
            if (state[p] == BUSY && enqueuedMicros[p] >= sinceMicros) {
                n++;
            }
        }
        return n;
    }

    /** A poll of the lane found no message. */
    public void emptyPoll(int p) {
        emptyPolls[lane(p)]++;
        clearThrottles(p);
    }

    /** The target answered the poller: counts its consecutive throttles and returns them (0 unless throttled). */
    public int answered(int p, boolean wasThrottled) {
        if (!wasThrottled) {
            clearThrottles(p);
            return 0;
        }
        throttled[lane(p)] = true;
        if (throttles[p] == 0) {
            backingOff[lane(p)]++;
        }
        return ++throttles[p];
    }

    /**
     * Applies the scaling rule to a lane at the end of a second, with {@code waiting} messages in it, and clears
     * the second's record; returns a poller that must start polling, or -1.
     */
    public int scale(int lane, int waiting) {
        boolean wasThrottled = throttled[lane];
        boolean idle = emptyPolls[lane] > 0 || parkedCount[lane] > 0;
        throttled[lane] = false;
        emptyPolls[lane] = 0;
        if (wasThrottled || waiting == 0 && idle) {
            if (active[lane] > min) {
                shrink(lane);
            }
            return -1;
        }
        return waiting > 0 && backingOff[lane] == 0 && active[lane] < max ? grow(lane) : -1;
    }
}
