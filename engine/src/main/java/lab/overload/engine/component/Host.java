package lab.overload.engine.component;

import java.util.ArrayDeque;
import lab.overload.engine.core.Phase;
import lab.overload.engine.metrics.AttemptOutcome;
import lab.overload.engine.metrics.WorkClass;
import lab.overload.models.scenario.Discipline;
import lab.overload.models.scenario.ExpiredWork;
import lab.overload.models.scenario.ServiceSpec;

/**
 * One host: workers (its concurrency bound), an accept queue, and the speed at which work in progress advances.
 *
 * <p>Fixed-speed mode (no contention, no shared cores): every attempt runs at full speed, so its completion time is
 * known when it starts and it gets its own completion event. Shared-speed mode: all work in progress advances at
 * the host's current speed {@code min(1, cores/(n+m)) / (1 + sigma(n-1) + kappa n(n-1))} (n attempts holding
 * workers, m rejections in progress). A virtual clock advances at that speed; each attempt finishes at a virtual
 * time, and only the earliest needs an event, rescheduled whenever the speed changes. A burst therefore slows the
 * work already in progress, not only the work that starts later.
 */
final class Host {
    private static final double EPS = 1e-3;

    final Service service;
    final int index;
    int busy;
    int rejecting;
    final ArrayDeque<Attempt> queue = new ArrayDeque<>();
    /** Attempts holding a worker, in slots 0..inServiceCount-1 (a plain array: touched at every start and finish). */
    private Attempt[] inService = new Attempt[16];
    private int inServiceCount;
    private boolean shared;
    private double vnow;
    private long vAt;
    private double speed = 1;
    private final AttemptHeap heap = new AttemptHeap();
    private long wakeVersion;
    private long wakeAt = -1;

    Host(Service service, int index) {
        this.service = service;
        this.index = index;
        this.shared = sharedMode(service.spec);
    }

    static boolean sharedMode(ServiceSpec s) {
        return s.contentionSigma() > 0 || s.coherencyKappa() > 0 || s.coresPerHost() > 0;
    }

    int outstanding() {
        return busy + queue.size();
    }

    double speed() {
        return shared ? speed : 1;
    }

    void accept(Attempt a, long now) {
        a.host = this;
        advance(now);
        ServiceSpec s = service.spec;
        if (busy < s.workersPerHost()) {
            start(a, now);
        } else if (queue.size() < s.queueCapacity()) {
            a.state = Attempt.QUEUED;
            a.enqueuedMicros = now;
            queue.addLast(a);
            if (service.world.tracing()) {
                service.world.trace(service.spec.name(), "enqueue", a);
            }
            service.world.recorder.queueChanged(now, 1);
        } else {
            reject(a, now);
        }
        settle(now);
    }

    private void start(Attempt a, long now) {
        service.world.recorder.queueWait(now - (a.state == Attempt.QUEUED ? a.enqueuedMicros : now), a.measured);
        a.state = Attempt.IN_SERVICE;
        a.startedMicros = now;
        if (service.world.tracing()) {
            service.world.trace(service.spec.name(), "start", a);
        }
        busy++;
        service.world.recorder.busyChanged(now, 1);
        if (a.clientDone) {
            service.world.recorder.busyClientGoneChanged(now, 1);
        }
        if (inServiceCount == inService.length) {
            inService = java.util.Arrays.copyOf(inService, inServiceCount * 2);
        }
        a.inServiceIndex = inServiceCount;
        inService[inServiceCount++] = a;
        if (shared) {
            a.vfinish = vnow + a.workMicros;
            heap.add(a);
        } else {
            a.finishMicros = now + a.workMicros;
            service.world.sim.schedule(a.finishMicros, Phase.COMPLETION, service.handlerId, Service.COMPLETE,
                    a.slot, a.token());
        }
    }

    private void reject(Attempt a, long now) {
        a.state = Attempt.REJECTING;
        a.startedMicros = now;
        service.world.recorder.rejectingChanged(now, 1);
        long cost = service.rejectionCostMicros();
        if (cost == 0) {
            service.finishRejection(a, now);
        } else if (shared) {
            rejecting++;
            a.vfinish = vnow + cost;
            heap.add(a);
        } else {
            a.finishMicros = now + cost;
            service.world.sim.schedule(a.finishMicros, Phase.COMPLETION, service.handlerId, Service.REJECT_DONE,
                    a.slot, a.token());
        }
    }

    /** Fixed-speed completion event of an attempt. */
    void completeFixed(Attempt a, long now) {
        advance(now);
        finishWork(a, now);
        pull(now);
        settle(now);
    }

    /** Shared-speed wake-up: finish everything whose virtual finish time has been reached. */
    void wake(long version, long now) {
        if (version != wakeVersion) {
            return;
        }
        wakeAt = -1;
        advance(now);
        while (heap.size() > 0 && heap.peek().vfinish <= vnow + EPS) {
            Attempt a = heap.poll();
            if (a.state == Attempt.REJECTING) {
                rejecting--;
                service.finishRejection(a, now);
            } else {
                finishWork(a, now);
            }
        }
        pull(now);
        settle(now);
    }

    private void finishWork(Attempt a, long now) {
        busy--;
        service.world.recorder.busyChanged(now, -1);
        if (a.clientDone) {
            service.world.recorder.busyClientGoneChanged(now, -1);
        }
        Attempt last = inService[--inServiceCount];
        inService[inServiceCount] = null;
        if (last != a) {
            inService[a.inServiceIndex] = last;
            last.inServiceIndex = a.inServiceIndex;
        }
        a.inServiceIndex = -1;
        service.finishWork(a, now);
    }

    /** Starts queued work while workers are free, dropping expired work when the service does that. */
    void pull(long now) {
        ServiceSpec s = service.spec;
        while (busy < s.workersPerHost() && !queue.isEmpty()) {
            Attempt a = s.discipline() == Discipline.FIFO ? queue.pollFirst() : queue.pollLast();
            service.world.recorder.queueChanged(now, -1);
            if (s.expiredWork() == ExpiredWork.DROP_AT_DEQUEUE && now >= a.deadlineMicros) {
                service.endAttempt(a, AttemptOutcome.ABANDONED_BY_SERVER, WorkClass.ABANDONED, 0, now);
            } else {
                start(a, now);
            }
        }
    }

    /** Oldest queued attempt's arrival time, or -1. */
    long oldestQueuedMicros() {
        return queue.isEmpty() ? -1 : queue.peekFirst().enqueuedMicros;
    }

    /**
     * Applies a new spec (already set on the service): converts between modes, sheds the oldest queued attempts
     * beyond a lowered queue capacity (as a restarted server would lose them, but answered), starts queued work if
     * it can.
     */
    void reconfigure(long now) {
        boolean wasShared = shared;
        boolean nowShared = sharedMode(service.spec);
        if (wasShared && !nowShared) {
            advanceWith(now);
            for (int i = 0; i < heap.size(); i++) {
                Attempt a = heap.get(i);
                a.finishMicros = now + (long) Math.ceil(Math.max(0, a.vfinish - vnow - EPS));
                a.epoch++;
                int type = a.state == Attempt.REJECTING ? Service.REJECT_DONE : Service.COMPLETE;
                service.world.sim.schedule(a.finishMicros, Phase.COMPLETION, service.handlerId, type, a.slot,
                        a.token());
            }
            heap.clear();
            rejecting = 0;
            wakeVersion++;
            wakeAt = -1;
            shared = false;
        } else if (!wasShared && nowShared) {
            vnow = 0;
            vAt = now;
            for (int i = 0; i < inServiceCount; i++) {
                Attempt a = inService[i];
                a.epoch++;
                a.vfinish = Math.max(0, a.finishMicros - now);
                heap.add(a);
            }
            shared = true;
        } else {
            advanceWith(now);
        }
        pull(now);
        while (queue.size() > service.spec.queueCapacity()) {
            Attempt a = queue.pollFirst();
            service.world.recorder.queueChanged(now, -1);
            reject(a, now);
        }
        settle(now);
    }

    private void advance(long now) {
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

    /** After a change in shared mode: recompute the speed and make sure the earliest finish has a wake-up. */
    private void settle(long now) {
        if (!shared) {
            return;
        }
        ServiceSpec s = service.spec;
        int n = busy;
        double cpu = s.coresPerHost() == 0 || n + rejecting <= s.coresPerHost() ? 1
                : (double) s.coresPerHost() / (n + rejecting);
        double usl = n <= 1 ? 1 : 1 + s.contentionSigma() * (n - 1) + s.coherencyKappa() * n * (double) (n - 1);
        speed = cpu / usl;
        Attempt first = heap.peek();
        if (first == null) {
            if (wakeAt >= 0) {
                wakeVersion++;
                wakeAt = -1;
            }
            return;
        }
        double dt = Math.max(0, first.vfinish - vnow) / speed;
        long at = now + (long) Math.min(Math.ceil(dt), Long.MAX_VALUE / 4.0);
        if (at != wakeAt) {
            wakeVersion++;
            wakeAt = at;
            service.world.sim.schedule(at, Phase.COMPLETION, service.handlerId, Service.WAKE, index, wakeVersion);
        }
    }
}
