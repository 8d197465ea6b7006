package lab.overload.engine.component.async;

import java.util.Arrays;
import java.util.function.IntConsumer;
import lab.overload.models.scenario.QueueSpec;

/**
 * All pollers of a queue under one int code each: the lanes' pollers ({@link #lanes}, a {@link PollerPool} with one
 * lane per poller lane of {@link LaneChoice}, scaling between {@code pollersPerLane} and {@code maxPollersPerLane})
 * are codes 0 and up; with a surge lane, its {@code surgePollers} pollers (a pool of one lane that does not scale)
 * are codes -1, -2, ... (poller i is {@code -1 - i}). A surge poller polls only the surge lane; a lanes' poller never
 * polls it. Single writer: the simulation thread.
 */
public final class QueuePollers {
    /** No poller (returned when none is to poll). */
    public static final int NONE = Integer.MIN_VALUE;

    /** The lanes' pollers. */
    public final PollerPool lanes;
    private final PollerPool surge;
    private final LaneChoice choice;
    private final int surgeLane;
    /** By attempt slot: the poller (code) waiting for that attempt's answer. */
    private int[] codeBySlot = new int[64];

    /** The pollers of a queue whose surge lane is {@code surgeLane} in its lanes (-1: none). */
    public QueuePollers(QueueSpec spec, LaneChoice choice, int surgeLane) {
        this.choice = choice;
        this.surgeLane = surgeLane;
        this.lanes = new PollerPool(choice.pollerLanes(), spec.pollersPerLane(), spec.maxPollersPerLane());
        this.surge = surgeLane >= 0 ? new PollerPool(1, spec.surgePollers(), 0) : null;
    }

    /** The pool of poller {@code code}. */
    public PollerPool pool(int code) {
        return code >= 0 ? lanes : surge;
    }

    /** The poller's number in its pool. */
    public static int index(int code) {
        return code >= 0 ? code : -1 - code;
    }

    /** The lane poller {@code code} takes from now: the surge lane for its pollers, else by {@link LaneChoice}. */
    public int takeLane(int code, Lane[] all) {
        return code < 0 ? surgeLane : choice.takeLane(lanes.lane(code), all);
    }

    /** Starts the pollers: each lane's first {@code pollersPerLane}, lane by lane, then the surge lane's. */
    public void startAll(IntConsumer start) {
        for (int l = 0; l < choice.pollerLanes(); l++) {
            for (int i = 0; i < lanes.min(); i++) {
                startIfAny(lanes.grow(l), start);
            }
        }
        for (int i = 0; surge != null && i < surge.min(); i++) {
            start.accept(-1 - surge.grow(0));
        }
    }

    /** A message joined {@code lane}: the parked poller serving it that polls now, or {@link #NONE}. */
    public int wake(int lane) {
        if (lane == surgeLane) {
            int p = surge.unpark(0);
            return p < 0 ? NONE : -1 - p;
        }
        int p = lanes.unpark(choice.pollerLane(lane));
        return p < 0 ? NONE : p;
    }

    /** The end of a second: each poller lane's scaling step (the surge pollers do not scale: min = max). */
    public void scale(Lane[] all, IntConsumer start) {
        for (int l = 0; l < choice.pollerLanes(); l++) {
            startIfAny(lanes.scale(l, choice.waitingFor(l, all)), start);
        }
        if (surge != null) {
            surge.scale(0, 0); // clears the second's record
        }
    }

    /** New bounds of the lanes' pollers: starts or retires pollers to bring each lane within them. */
    public void limits(int minPerLane, int maxPerLane, IntConsumer start) {
        lanes.limits(minPerLane, maxPerLane);
        for (int l = 0; l < choice.pollerLanes(); l++) {
            while (lanes.active(l) < lanes.min()) {
                startIfAny(lanes.grow(l), start);
            }
            while (lanes.active(l) > lanes.max()) {
                lanes.shrink(l);
            }
        }
    }

    /** Poller {@code code} invoked the target with the attempt in slot {@code attemptSlot}. */
    public void invoked(int attemptSlot, int code) {
        if (attemptSlot >= codeBySlot.length) {
            codeBySlot = Arrays.copyOf(codeBySlot, Math.max(attemptSlot + 1, codeBySlot.length * 2));
        }
        codeBySlot[attemptSlot] = code;
    }

    /** The poller waiting for the answer to the attempt in slot {@code attemptSlot}. */
    public int invoking(int attemptSlot) {
        return codeBySlot[attemptSlot];
    }

    /** Pollers busy with a message first enqueued at or after {@code sinceMicros}. */
    public long busySince(long sinceMicros) {
        return lanes.busySince(sinceMicros) + (surge == null ? 0 : surge.busySince(sinceMicros));
    }

    private static void startIfAny(int p, IntConsumer start) {
        if (p >= 0) {
            start.accept(p);
        }
    }
}
