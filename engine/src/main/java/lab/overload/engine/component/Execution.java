package lab.overload.engine.component;

import lab.overload.engine.core.Phase;
import lab.overload.engine.core.Simulation;

/**
 * The work model of a place that runs attempts: a host's workers today, a sandbox (one attempt at a time) later. It
 * holds the attempts that occupy a worker, runs their CPU work and their rejections, passes their checkpoints, and
 * tells its {@link Site} when each is done. It decides nothing about admission or answers.
 *
 * <p>An attempt holding a worker may first wait on a dependency call ({@link #startCall}: no CPU), then does its CPU
 * work. While working it passes a checkpoint after every {@code checkpointMicros} of work (when checkpoints are on):
 * its progress is saved on its request, and the site may abandon it there.
 *
 * <p>Fixed-speed mode (no contention, no shared cores): every attempt runs at full speed, so its next event (the
 * finish, or the next checkpoint) is known when it starts and it gets its own event. Shared-speed mode: all CPU work
 * in progress advances at the current speed {@code min(1, cores/(n+m)) / (1 + sigma(n-1) + kappa n(n-1))} (n attempts
 * working, not counting those waiting on a dependency, m rejections in progress). A virtual clock advances at that
 * speed; each attempt's next event is at a virtual time, and only the earliest needs a calendar event (a wake-up),
 * rescheduled whenever the speed changes. A burst therefore slows the work already in progress, not only the work
 * that starts later. A live change moves it between the modes without losing any attempt's remaining work.
 *
 * <p>Events: it schedules {@code (handlerId, COMPLETE | REJECT_DONE, slot, token)} for fixed-speed finishes and
 * {@code (handlerId, WAKE, wakeArg, version)} for shared-speed wake-ups; the handler passes them back to
 * {@link #fixedEvent} and {@link #wake}.
 */
final class Execution {
    /** Where the attempts run: told when work or a rejection is done, asked at each checkpoint. */
    interface Site {
        /** The attempt's CPU work is done; it still holds its worker (the site releases it). */
        void workDone(Attempt a, long nowMicros);

        /** The attempt's rejection has been paid for. */
        void rejectionDone(Attempt a, long nowMicros);

        /** Its progress is saved at a checkpoint; true if the site abandons it there (then it has released it). */
        boolean atCheckpoint(Attempt a, long nowMicros);
    }

    static final int COMPLETE = 0;
    static final int REJECT_DONE = 1;
    static final int WAKE = 2;
    private static final double EPS = 1e-3;

    private final Site site;
    private final Simulation sim;
    private final int handlerId;
    private final int wakeArg;
    private int cores;
    private double sigma;
    private double kappa;
    private long checkpointMicros;
    /** Attempts holding a worker, in slots 0..holdingCount-1 (a plain array: touched at every start and finish). */
    private Attempt[] holding = new Attempt[16];
    private int holdingCount;
    /** Attempts holding a worker while they wait on a dependency call (no CPU). */
    private int calling;
    /** Shared-speed mode: rejections in progress (they use the CPU). */
    private int rejecting;
    private boolean shared;
    private double vnow;
    private long vAt;
    private double speed = 1;
    private final AttemptHeap heap = new AttemptHeap();
    private long wakeVersion;
    private long wakeAt = -1;

    /** A place with the given parameters at time 0 of its virtual clock (see {@link #configure} for changes). */
    Execution(Site site, Simulation sim, int handlerId, int wakeArg, int coresPerHost, double contentionSigma,
              double coherencyKappa, long checkpointEveryMicros) {
        this.site = site;
        this.sim = sim;
        this.handlerId = handlerId;
        this.wakeArg = wakeArg;
        cores = coresPerHost;
        sigma = contentionSigma;
        kappa = coherencyKappa;
        checkpointMicros = checkpointEveryMicros;
        shared = sharedMode(cores, sigma, kappa);
    }

    static boolean sharedMode(int cores, double sigma, double kappa) {
        return sigma > 0 || kappa > 0 || cores > 0;
    }

    /** Attempts holding a worker. */
    int holding() {
        return holdingCount;
    }

    /** The attempt takes a worker; returns the number holding one now, itself included. */
    int hold(Attempt a) {
        if (holdingCount == holding.length) {
            holding = java.util.Arrays.copyOf(holding, holdingCount * 2);
        }
        a.inServiceIndex = holdingCount;
        holding[holdingCount++] = a;
        return holdingCount;
    }

    /** The attempt gives its worker back. */
    void release(Attempt a) {
        Attempt last = holding[--holdingCount];
        holding[holdingCount] = null;
        if (last != a) {
            holding[a.inServiceIndex] = last;
            last.inServiceIndex = a.inServiceIndex;
        }
        a.inServiceIndex = -1;
    }

    /** Any attempt holding a worker, or null (to empty the place on a crash). */
    Attempt anyHolding() {
        return holdingCount == 0 ? null : holding[0];
    }

    /** The attempt waits on a dependency call, holding its worker. */
    void startCall(Attempt a) {
        a.calling = true;
        calling++;
    }

    /** The attempt's dependency call ended (answered or cancelled). */
    void endCall(Attempt a) {
        a.calling = false;
        calling--;
    }

    /** The attempt starts its CPU work (after its dependency call, if any). */
    void beginWork(Attempt a, long now) {
        a.savedMicros = 0;
        a.nextCheckpointMicros = nextCheckpoint(a);
        if (shared) {
            a.vstart = vnow;
            a.vfinish = vnow + a.workMicros;
            a.vnext = vnext(a);
            heap.add(a);
        } else {
            a.cpuStartMicros = now;
            a.finishMicros = now + a.workMicros;
            scheduleFixed(a, now);
        }
    }

    /** The attempt is rejected at a CPU cost of {@code costMicros} (more than 0). */
    void beginRejection(Attempt a, long costMicros, long now) {
        if (shared) {
            rejecting++;
            a.vfinish = vnow + costMicros;
            a.vnext = a.vfinish;
            heap.add(a);
        } else {
            a.finishMicros = now + costMicros;
            sim.schedule(a.finishMicros, Phase.COMPLETION, handlerId, REJECT_DONE, a.slot, a.token());
        }
    }

    /** The attempt's own work at its next checkpoint after the last one, or none when that is at or past the end. */
    private long nextCheckpoint(Attempt a) {
        if (checkpointMicros <= 0) {
            return Attempt.NO_CHECKPOINT;
        }
        long next = a.savedMicros + checkpointMicros;
        return next < a.workMicros ? next : Attempt.NO_CHECKPOINT;
    }

    private double vnext(Attempt a) {
        return a.nextCheckpointMicros == Attempt.NO_CHECKPOINT ? a.vfinish : a.vstart + a.nextCheckpointMicros;
    }

    private void scheduleFixed(Attempt a, long now) {
        long at = a.nextCheckpointMicros == Attempt.NO_CHECKPOINT ? a.finishMicros
                : Math.max(now, a.cpuStartMicros + a.nextCheckpointMicros);
        sim.schedule(at, Phase.COMPLETION, handlerId, COMPLETE, a.slot, a.token());
    }

    /**
     * Fixed-speed event of an attempt: its finish, or a checkpoint on the way. True if the attempt left (done or
     * abandoned), so the site may start queued work.
     */
    boolean fixedEvent(Attempt a, long now) {
        advance(now);
        if (now >= a.finishMicros) {
            site.workDone(a, now);
            return true;
        }
        if (checkpoint(a, now)) {
            return true;
        }
        scheduleFixed(a, now);
        return false;
    }

    /**
     * Shared-speed wake-up: handles every checkpoint, finish and rejection whose virtual time has been reached. False
     * if the wake-up was superseded (nothing done).
     */
    boolean wake(long version, long now) {
        if (version != wakeVersion) {
            return false;
        }
        wakeAt = -1;
        advance(now);
        while (heap.size() > 0 && heap.peek().vnext <= vnow + EPS) {
            Attempt a = heap.poll();
            if (a.state == Attempt.REJECTING) {
                rejecting--;
                site.rejectionDone(a, now);
            } else if (a.nextCheckpointMicros == Attempt.NO_CHECKPOINT) {
                site.workDone(a, now);
            } else if (!checkpoint(a, now)) {
                a.vnext = vnext(a);
                heap.add(a);
            }
        }
        return true;
    }

    /** The attempt reached its next checkpoint: its progress is saved on its request; the site may abandon it. */
    private boolean checkpoint(Attempt a, long now) {
        a.savedMicros = a.nextCheckpointMicros;
        Request r = a.request;
        if (!a.onward && r.id == a.requestId) {
            r.checkpointedMicros = Math.max(r.checkpointedMicros, a.baseMicros + a.savedMicros);
        }
        a.nextCheckpointMicros = nextCheckpoint(a);
        return site.atCheckpoint(a, now);
    }

    /**
     * New parameters at the current time: CPU sharing and contention (switching modes when they turn on or off,
     * without losing any remaining work) and the checkpoint interval (re-planning each working attempt's next
     * checkpoint when it changed).
     */
    void configure(int coresPerHost, double contentionSigma, double coherencyKappa, long checkpointEveryMicros,
                   long now) {
        cores = coresPerHost;
        sigma = contentionSigma;
        kappa = coherencyKappa;
        boolean nowShared = sharedMode(cores, sigma, kappa);
        if (shared && !nowShared) {
            toFixed(now);
        } else if (!shared && nowShared) {
            toShared(now);
        } else {
            advanceWith(now);
        }
        if (checkpointEveryMicros != checkpointMicros) {
            checkpointMicros = checkpointEveryMicros;
            replanCheckpoints(now);
        }
    }

    private void toFixed(long now) {
        advanceWith(now);
        for (int i = 0; i < heap.size(); i++) {
            Attempt a = heap.get(i);
            a.finishMicros = now + (long) Math.ceil(Math.max(0, a.vfinish - vnow - EPS));
            a.epoch++;
            if (a.state == Attempt.REJECTING) {
                sim.schedule(a.finishMicros, Phase.COMPLETION, handlerId, REJECT_DONE, a.slot, a.token());
            } else {
                a.cpuStartMicros = a.finishMicros - a.workMicros;
                scheduleFixed(a, now);
            }
        }
        heap.clear();
        rejecting = 0;
        wakeVersion++;
        wakeAt = -1;
        shared = false;
    }

    private void toShared(long now) {
        vnow = 0;
        vAt = now;
        for (int i = 0; i < holdingCount; i++) {
            Attempt a = holding[i];
            if (a.calling) {
                continue;
            }
            a.epoch++;
            a.vfinish = Math.max(0, a.finishMicros - now);
            a.vstart = a.vfinish - a.workMicros;
            a.vnext = vnext(a);
            heap.add(a);
        }
        shared = true;
    }

    /** The checkpoint interval changed: every attempt at work gets its next checkpoint from the new interval. */
    private void replanCheckpoints(long now) {
        if (shared) {
            Attempt[] working = new Attempt[heap.size()];
            for (int i = 0; i < working.length; i++) {
                working[i] = heap.get(i);
            }
            heap.clear();
            for (Attempt a : working) {
                if (a.state != Attempt.REJECTING) {
                    a.nextCheckpointMicros = nextCheckpointAfter(a, (long) Math.floor(vnow - a.vstart));
                    a.vnext = vnext(a);
                }
                heap.add(a);
            }
        } else {
            for (int i = 0; i < holdingCount; i++) {
                Attempt a = holding[i];
                if (!a.calling) {
                    a.nextCheckpointMicros = nextCheckpointAfter(a, now - a.cpuStartMicros);
                    a.epoch++;
                    scheduleFixed(a, now);
                }
            }
        }
    }

    /** The first checkpoint (a multiple of the interval past the last saved one) after the given work done. */
    private long nextCheckpointAfter(Attempt a, long done) {
        if (checkpointMicros <= 0) {
            return Attempt.NO_CHECKPOINT;
        }
        long k = Math.max(0, done - a.savedMicros) / checkpointMicros + 1;
        long next = a.savedMicros + k * checkpointMicros;
        return next < a.workMicros ? next : Attempt.NO_CHECKPOINT;
    }

    /** A crash: the work of every attempt is lost (the site has released them); rejections in progress go on. */
    void dropWork() {
        if (!shared) {
            return;
        }
        Attempt[] left = new Attempt[heap.size()];
        int n = 0;
        for (int i = 0; i < heap.size(); i++) {
            if (heap.get(i).state == Attempt.REJECTING) {
                left[n++] = heap.get(i);
            }
        }
        heap.clear();
        for (int i = 0; i < n; i++) {
            heap.add(left[i]);
        }
    }

    /** Brings the virtual clock to now (shared-speed mode). */
    void advance(long now) {
        if (shared) {
            advanceWith(now);
        }
    }

    private void advanceWith(long now) {
        if (now > vAt) {
            vnow += (now - vAt) * speed;
            vAt = now;
        }
    }

    /** After a change in shared-speed mode: recompute the speed and make sure the earliest event has a wake-up. */
    void settle(long now) {
        if (!shared) {
            return;
        }
        int n = holdingCount - calling;
        double cpu = cores == 0 || n + rejecting <= cores ? 1 : (double) cores / (n + rejecting);
        double usl = n <= 1 ? 1 : 1 + sigma * (n - 1) + kappa * n * (double) (n - 1);
        speed = cpu / usl;
        Attempt first = heap.peek();
        if (first == null) {
            if (wakeAt >= 0) {
                wakeVersion++;
                wakeAt = -1;
            }
            return;
        }
        double dt = Math.max(0, first.vnext - vnow) / speed;
        long at = now + (long) Math.min(Math.ceil(dt), Long.MAX_VALUE / 4.0);
        if (at != wakeAt) {
            wakeVersion++;
            wakeAt = at;
            sim.schedule(at, Phase.COMPLETION, handlerId, WAKE, wakeArg, wakeVersion);
        }
    }
}
