package lab.overload.engine.component;

import java.util.SplittableRandom;
import lab.overload.engine.core.Phase;
import lab.overload.engine.core.Simulation;
import lab.overload.engine.policy.Sampler;
import lab.overload.models.scenario.ArrivalKind;
import lab.overload.models.scenario.ClientSpec;
import lab.overload.models.scenario.LoopKind;

/**
 * When a client group's requests arrive. Open loop: at the group's rate (scaled by its tenants' multipliers), with
 * Poisson or constant gaps, each arrival scheduled by the one before it on a calendar ring of its own. Closed loop:
 * {@code users} who each think (exponentially) between the end of one request and the next. A live change of the rate
 * rescales the wait for the next arrival; more users start thinking at once, and fewer retire as their requests end.
 * Random streams {@code clients/NAME/arrivals} and {@code /think}; the group's events {@code arrivalType} (argument
 * b: the arrival's generation) and {@code thinkType}.
 */
final class Arrivals {
    private final Simulation sim;
    private final int handlerId;
    private final int arrivalType;
    private final int thinkType;
    /**
     * Open-loop arrivals are scheduled in time order (each schedules the next after it), so they go on a ring of
     * their own rather than the heap; a rescaled arrival that jumps ahead of the ring's order falls back to the heap.
     */
    private final int ring;
    private final SplittableRandom gaps;
    private final SplittableRandom think;
    private ClientSpec spec;
    /** The current arrival event's generation: an event of an earlier one (rescheduled since) is stale. */
    private long generation;
    private long nextMicros = -1;
    private long lastMicros;
    private int activeUsers;
    /** Derived from the spec once per change, not per request: the mean gap between arrivals (micros). */
    private double meanGapMicros;
    /**
     * The offered rate of the current spec ({@link #rate}). Kept here because every arrival checks it: read through
     * the spec, it cost an interface call into the tenant overrides' map on each one (not inlined).
     */
    private double ratePerSecond;

    Arrivals(Simulation sim, int handlerId, int arrivalType, int thinkType, SplittableRandom gaps,
             SplittableRandom think, ClientSpec spec) {
        this.sim = sim;
        this.handlerId = handlerId;
        this.arrivalType = arrivalType;
        this.thinkType = thinkType;
        this.ring = sim.newTimerRing();
        this.gaps = gaps;
        this.think = think;
        derive(spec);
    }

    private void derive(ClientSpec s) {
        spec = s;
        ratePerSecond = rate(s);
        meanGapMicros = 1e6 / ratePerSecond;
    }

    /** The group's offered rate: its ratePerSecond scaled by its tenants' multipliers (exactly it without any). */
    private static double rate(ClientSpec s) {
        return s.tenants().overrides().isEmpty() ? s.ratePerSecond() : s.ratePerSecond() * s.tenants().rateFactor();
    }

    /** The first arrival (open loop), or every user starts thinking (closed loop). */
    void start(long now) {
        if (spec.loop() == LoopKind.OPEN) {
            scheduleNext(now);
        } else {
            addUsers(spec.users(), now);
        }
    }

    /** An arrival event of that generation: true when it is current (a request arrives now), false when stale. */
    boolean arrived(long eventGeneration, long now) {
        if (eventGeneration != generation) {
            return false;
        }
        lastMicros = now;
        return true;
    }

    /** Schedules the next open-loop arrival after {@code from} (none while the rate is 0). */
    void scheduleNext(long from) {
        if (ratePerSecond <= 0) {
            nextMicros = -1;
            return;
        }
        double mean = meanGapMicros;
        nextMicros = from + Math.round(spec.arrivals() == ArrivalKind.POISSON ? Sampler.exponential(mean, gaps) : mean);
        sim.scheduleInOrder(ring, nextMicros, Phase.ARRIVAL, handlerId, arrivalType, 0, ++generation);
    }

    /** A user's think time ended: true when the user sends a request now, false when it retires instead. */
    boolean thinkDone() {
        if (activeUsers > spec.users() || spec.loop() != LoopKind.CLOSED) {
            activeUsers--;
            return false;
        }
        return true;
    }

    /** A request (all its pages) ended: in a closed loop its user thinks again, or retires when there are too many. */
    void requestEnded(long now) {
        if (spec.loop() == LoopKind.CLOSED) {
            if (activeUsers > spec.users()) {
                activeUsers--;
            } else {
                scheduleThink(now);
            }
        }
    }

    private void addUsers(int n, long now) {
        for (int i = 0; i < n; i++) {
            activeUsers++;
            scheduleThink(now);
        }
    }

    private void scheduleThink(long now) {
        // At least 1 us: a user whose request is shed instantly must not loop forever at one instant.
        long t = Math.max(1, Math.round(Sampler.exponential(spec.thinkTimeMillis() * 1000, think)));
        sim.schedule(now + t, Phase.ARRIVAL, handlerId, thinkType, 0, 0);
    }

    /** A changed spec at the current time: the wait for the next arrival is rescaled, new users start thinking. */
    void reconfigure(ClientSpec next, long now) {
        double prevRate = rate(spec);
        derive(next);
        double nextRate = rate(next);
        if (next.loop() == LoopKind.OPEN && nextRate != prevRate) {
            if (nextMicros < 0 || prevRate <= 0) {
                generation++;
                scheduleNext(Math.max(now, lastMicros));
            } else if (nextRate <= 0) {
                generation++;
                nextMicros = -1;
            } else {
                long remaining = nextMicros - now;
                long scaled = Math.round(remaining * prevRate / nextRate);
                nextMicros = now + scaled;
                sim.scheduleInOrder(ring, nextMicros, Phase.ARRIVAL, handlerId, arrivalType, 0, ++generation);
            }
        }
        if (next.loop() == LoopKind.CLOSED && next.users() > activeUsers) {
            addUsers(next.users() - activeUsers, now);
        }
    }
}
