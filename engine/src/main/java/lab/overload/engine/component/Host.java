package lab.overload.engine.component;

import java.util.ArrayDeque;
import lab.overload.engine.core.Phase;
import lab.overload.engine.metrics.AttemptOutcome;
import lab.overload.engine.metrics.WorkClass;
import lab.overload.engine.policy.Limit;
import lab.overload.engine.policy.ShedPolicy;
import lab.overload.models.scenario.Discipline;
import lab.overload.models.scenario.LimitSpec;
import lab.overload.models.scenario.ServiceSpec;

/**
 * One host: workers (its concurrency bound, lowered by an adaptive {@link Limit}), an accept queue, and the speed at
 * which work in progress advances. Arrivals and dequeues go through the {@link ShedPolicy} rules: input size,
 * concurrency bound {@code min(workers, limit)}, queue bound, deadline, queue-time bound.
 *
 * <p>An attempt in service first waits for its dependency call (if the service has one: the worker is held, no CPU
 * is used), then does its CPU work. While working it passes a checkpoint after every {@code checkpointMillis} of work
 * (when checkpoints are on): progress is saved on its request, and, when the server knows the client's deadline and
 * it has passed, the attempt is abandoned there.
 *
 * <p>Fixed-speed mode (no contention, no shared cores): every attempt runs at full speed, so its next event (the
 * finish, or the next checkpoint) is known when it starts and it gets its own event. Shared-speed mode: all CPU work
 * in progress advances at the host's current speed {@code min(1, cores/(n+m)) / (1 + sigma(n-1) + kappa n(n-1))}
 * (n attempts working, not counting those waiting on the dependency, m rejections in progress). A virtual clock
 * advances at that speed; each attempt's next event is at a virtual time, and only the earliest needs a calendar
 * event, rescheduled whenever the speed changes. A burst therefore slows the work already in progress, not only the
 * work that starts later.
 *
 * <p>A host that goes down (a crash: {@code hostsDown}) loses its queued and in-service attempts (ABANDONED_BY_SERVER,
 * their clients time out); rejections already being sent still complete. It comes back empty, with a fresh limit.
 */
final class Host {
    private static final double EPS = 1e-3;

    final Service service;
    final int index;
    int busy;
    int rejecting;
    /** Attempts in service waiting on the dependency (holding a worker, using no CPU). */
    private int calling;
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
    private boolean down;
    private LimitSpec limitSpec;
    Limit limit;
    private long checkpointMicros;

    Host(Service service, int index) {
        this.service = service;
        this.index = index;
        this.shared = sharedMode(service.spec);
        this.down = shouldBeDown(service.spec);
        this.limitSpec = service.spec.limit();
        this.limit = Limit.of(limitSpec);
        this.checkpointMicros = service.checkpointMicros();
    }

    static boolean sharedMode(ServiceSpec s) {
        return s.contentionSigma() > 0 || s.coherencyKappa() > 0 || s.coresPerHost() > 0;
    }

    private boolean shouldBeDown(ServiceSpec s) {
        return index >= s.hostsUp() && index < s.hosts();
    }

    int outstanding() {
        return busy + queue.size();
    }

    double speed() {
        return shared ? speed : 1;
    }

    /** The most attempts this host admits into service now: min(workers, limit). */
    int admitBound() {
        return Math.min(service.spec.workersPerHost(), limit.limit());
    }

    void accept(Attempt a, long now) {
        a.host = this;
        advance(now);
        ServiceSpec s = service.spec;
        switch (ShedPolicy.atArrival(a.request.size, s.boundedWork().maxRequestSize(), busy, admitBound(),
                queue.size(), s.queueCapacity())) {
            case START -> start(a, now);
            case QUEUE -> {
                a.state = Attempt.QUEUED;
                a.enqueuedMicros = now;
                queue.addLast(a);
                if (service.world.tracing()) {
                    service.world.trace(service.spec.name(), "enqueue", a);
                }
                service.world.recorder.queueChanged(now, 1);
            }
            case SHED -> reject(a, now);
            case TOO_LARGE -> {
                service.count(service.tooLarge, now);
                reject(a, now);
            }
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
        a.inflightAtStart = busy;
        service.world.recorder.busyChanged(now, 1);
        if (a.clientDone) {
            service.world.recorder.busyClientGoneChanged(now, 1);
        }
        if (inServiceCount == inService.length) {
            inService = java.util.Arrays.copyOf(inService, inServiceCount * 2);
        }
        a.inServiceIndex = inServiceCount;
        inService[inServiceCount++] = a;
        if (service.hasDependency) {
            if (service.dependency.call(a, now)) {
                a.calling = true;
                calling++;
            } else {
                a.depFailed = true;
                finishWork(a, now);
            }
            return;
        }
        beginWork(a, now);
    }

    /** The attempt starts its CPU work (after its dependency call, if any). */
    private void beginWork(Attempt a, long now) {
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
        service.world.sim.schedule(at, Phase.COMPLETION, service.handlerId, Service.COMPLETE, a.slot, a.token());
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
            a.vnext = a.vfinish;
            heap.add(a);
        } else {
            a.finishMicros = now + cost;
            service.world.sim.schedule(a.finishMicros, Phase.COMPLETION, service.handlerId, Service.REJECT_DONE,
                    a.slot, a.token());
        }
    }

    /** Fixed-speed event of an attempt: its finish, or a checkpoint on the way. */
    void completeFixed(Attempt a, long now) {
        advance(now);
        if (now >= a.finishMicros) {
            finishWork(a, now);
        } else if (!checkpoint(a, now)) {
            scheduleFixed(a, now);
            return;
        }
        pull(now);
        settle(now);
    }

    /** The attempt's dependency call ended: it fails (an error answer) or starts its CPU work. */
    void dependencyDone(Attempt a, long now) {
        advance(now);
        a.calling = false;
        calling--;
        service.dependency.ended(a, now, false);
        if (a.depFailed) {
            finishWork(a, now);
            pull(now);
        } else {
            beginWork(a, now);
        }
        settle(now);
    }

    /** Shared-speed wake-up: handle every checkpoint and finish whose virtual time has been reached. */
    void wake(long version, long now) {
        if (version != wakeVersion) {
            return;
        }
        wakeAt = -1;
        advance(now);
        while (heap.size() > 0 && heap.peek().vnext <= vnow + EPS) {
            Attempt a = heap.poll();
            if (a.state == Attempt.REJECTING) {
                rejecting--;
                service.finishRejection(a, now);
            } else if (a.nextCheckpointMicros == Attempt.NO_CHECKPOINT) {
                finishWork(a, now);
            } else if (!checkpoint(a, now)) {
                a.vnext = vnext(a);
                heap.add(a);
            }
        }
        pull(now);
        settle(now);
    }

    /**
     * The attempt reached its next checkpoint: saves the request's progress and, if the server knows the deadline and
     * it has passed, abandons the attempt. True if it was abandoned (it has left service).
     */
    private boolean checkpoint(Attempt a, long now) {
        a.savedMicros = a.nextCheckpointMicros;
        Request r = a.request;
        if (r.id == a.requestId) {
            r.checkpointedMicros = Math.max(r.checkpointedMicros, a.baseMicros + a.savedMicros);
        }
        if (service.world.tracing()) {
            service.world.trace(service.spec.name(), "checkpoint", a);
        }
        a.nextCheckpointMicros = nextCheckpoint(a);
        if (service.spec.deadline().timeoutHint() && now >= a.deadlineMicros) {
            leaveService(a, now);
            limit.onSample(now - a.startedMicros, a.inflightAtStart, true);
            service.count(service.checkpointAbandoned, now);
            service.endAttempt(a, AttemptOutcome.ABANDONED_BY_SERVER, WorkClass.ABANDONED, now - a.startedMicros,
                    now);
            return true;
        }
        return false;
    }

    /** The attempt leaves service normally (work done, or its dependency failed): one limit sample, then classify. */
    private void finishWork(Attempt a, long now) {
        leaveService(a, now);
        limit.onSample(now - a.startedMicros, a.inflightAtStart, a.clientDone || a.depFailed);
        service.finishWork(a, now);
    }

    /** Frees the attempt's worker. */
    private void leaveService(Attempt a, long now) {
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
    }

    /** Starts queued work while the concurrency bound allows, applying the dequeue rules of {@link ShedPolicy}. */
    void pull(long now) {
        ServiceSpec s = service.spec;
        boolean dropExpired = service.dropExpired;
        long maxWait = service.maxQueueWaitMicros;
        while (busy < admitBound() && !queue.isEmpty()) {
            Attempt a = s.discipline() == Discipline.FIFO ? queue.pollFirst() : queue.pollLast();
            service.world.recorder.queueChanged(now, -1);
            switch (ShedPolicy.atDequeue(now, a.enqueuedMicros, a.deadlineMicros, dropExpired, maxWait,
                    s.shedding().action())) {
                case START -> start(a, now);
                case DROP_EXPIRED -> service.endAttempt(a, AttemptOutcome.ABANDONED_BY_SERVER, WorkClass.ABANDONED, 0,
                        now);
                case REJECT_STALE -> {
                    service.count(service.shedQueueTime, now);
                    reject(a, now);
                }
                case DROP_STALE -> {
                    service.count(service.shedQueueTime, now);
                    service.endAttempt(a, AttemptOutcome.ABANDONED_BY_SERVER, WorkClass.ABANDONED, 0, now);
                }
            }
        }
    }

    /** Oldest queued attempt's arrival time, or -1. */
    long oldestQueuedMicros() {
        return queue.isEmpty() ? -1 : queue.peekFirst().enqueuedMicros;
    }

    boolean down() {
        return down;
    }

    /**
     * Applies a new spec (already set on the service): crashes or restores the host, retunes its limit, converts
     * between modes, re-plans checkpoints when their interval changed, sheds the oldest queued attempts beyond a
     * lowered queue capacity (as a restarted server would lose them, but answered), starts queued work if it can.
     */
    void reconfigure(long now) {
        ServiceSpec spec = service.spec;
        boolean nowDown = shouldBeDown(spec);
        if (nowDown && !down) {
            crash(now);
        } else if (!nowDown && down) {
            limitSpec = spec.limit();
            limit = Limit.of(limitSpec);
        }
        down = nowDown;
        if (!spec.limit().equals(limitSpec)) {
            limitSpec = spec.limit();
            limit = limit.reconfigured(limitSpec);
        }
        boolean wasShared = shared;
        boolean nowShared = sharedMode(spec);
        if (wasShared && !nowShared) {
            advanceWith(now);
            for (int i = 0; i < heap.size(); i++) {
                Attempt a = heap.get(i);
                a.finishMicros = now + (long) Math.ceil(Math.max(0, a.vfinish - vnow - EPS));
                a.epoch++;
                if (a.state == Attempt.REJECTING) {
                    service.world.sim.schedule(a.finishMicros, Phase.COMPLETION, service.handlerId,
                            Service.REJECT_DONE, a.slot, a.token());
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
        } else if (!wasShared && nowShared) {
            vnow = 0;
            vAt = now;
            for (int i = 0; i < inServiceCount; i++) {
                Attempt a = inService[i];
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
        } else {
            advanceWith(now);
        }
        long c = service.checkpointMicros();
        if (c != checkpointMicros) {
            checkpointMicros = c;
            replanCheckpoints(now);
        }
        pull(now);
        while (queue.size() > spec.queueCapacity()) {
            Attempt a = queue.pollFirst();
            service.world.recorder.queueChanged(now, -1);
            reject(a, now);
        }
        settle(now);
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
            for (int i = 0; i < inServiceCount; i++) {
                Attempt a = inService[i];
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

    /** The host goes down: its queued and in-service attempts are lost; their clients are not told. */
    private void crash(long now) {
        advance(now);
        while (!queue.isEmpty()) {
            Attempt a = queue.pollFirst();
            service.world.recorder.queueChanged(now, -1);
            service.count(service.lostInCrash, now);
            service.endAttempt(a, AttemptOutcome.ABANDONED_BY_SERVER, WorkClass.ABANDONED, 0, now);
        }
        while (inServiceCount > 0) {
            Attempt a = inService[0];
            leaveService(a, now);
            a.epoch++;
            if (a.calling) {
                a.calling = false;
                calling--;
                service.dependency.ended(a, now, true);
            }
            service.count(service.lostInCrash, now);
            service.endAttempt(a, AttemptOutcome.ABANDONED_BY_SERVER, WorkClass.ABANDONED, now - a.startedMicros,
                    now);
        }
        if (shared) {
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

    /** After a change in shared mode: recompute the speed and make sure the earliest event has a wake-up. */
    private void settle(long now) {
        if (!shared) {
            return;
        }
        ServiceSpec s = service.spec;
        int n = busy - calling;
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
        double dt = Math.max(0, first.vnext - vnow) / speed;
        long at = now + (long) Math.min(Math.ceil(dt), Long.MAX_VALUE / 4.0);
        if (at != wakeAt) {
            wakeVersion++;
            wakeAt = at;
            service.world.sim.schedule(at, Phase.COMPLETION, service.handlerId, Service.WAKE, index, wakeVersion);
        }
    }
}
