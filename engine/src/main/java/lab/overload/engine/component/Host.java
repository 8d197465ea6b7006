package lab.overload.engine.component;

import lab.overload.engine.metrics.AttemptOutcome;
import lab.overload.engine.metrics.WorkClass;
import lab.overload.engine.policy.Limit;
import lab.overload.engine.policy.ShedPolicy;
import lab.overload.models.scenario.Discipline;
import lab.overload.models.scenario.LimitKind;
import lab.overload.models.scenario.ServiceSpec;

/**
 * One host of a service, put together from three parts: {@link Admission} (its concurrency bound
 * {@code min(workers, limit)} and the {@link ShedPolicy} rules: input size, concurrency bound, queue bound, deadline,
 * queue-time bound), an {@link AcceptQueue} (FIFO or LIFO), and an {@link Execution} (the workers: fixed-speed or
 * shared-speed work, checkpoints, rejections' CPU cost). The host decides what happens to each attempt and reports
 * its end to the service.
 *
 * <p>An attempt in service first waits for its dependency call (if the service has one: the worker is held, no CPU
 * is used), then does its CPU work. At each checkpoint, when the server knows the client's deadline and it has
 * passed, the attempt is abandoned there (ABANDONED_BY_SERVER; the work so far is in the ledger's abandoned class).
 *
 * <p>A host that goes down (a crash: {@code hostsDown}) loses its queued and in-service attempts (ABANDONED_BY_SERVER,
 * their callers are not told and time out); rejections already being sent still complete. It comes back empty, with
 * a fresh limit.
 */
final class Host implements Execution.Site {
    final Service service;
    final int index;
    final AcceptQueue queue;
    final Admission admission;
    final Execution execution;
    private boolean down;
    /**
     * The plain case, decided from the spec at every change: fixed speed, no checkpoints, no dependency, the workers
     * as the only bound (a FIXED limit: {@link Limit#NONE} learns nothing), no input size bound, no dequeue rule (no
     * deadline drop, no queue-time bound) and FIFO. Then an arrival, a finish and a dequeue take a short path that
     * skips the parts that can only say yes ({@link #acceptPlain}, {@link #finishPlain}, {@link #pullPlain}); what
     * happens is the same as on the general path, event for event. (M/M/c and littles-law are plain; a service with
     * cores or contention is not.)
     */
    private boolean plain;

    Host(Service service, int index) {
        this.service = service;
        this.index = index;
        ServiceSpec s = service.spec;
        this.down = shouldBeDown(s);
        this.admission = new Admission(s.limit());
        this.queue = new AcceptQueue(service.metrics);
        this.execution = new Execution(this, service.world.sim, service.handlerId, index, s.coresPerHost(),
                s.contentionSigma(), s.coherencyKappa(), service.checkpointMicros());
        this.plain = plain(service);
    }

    /** See {@link #plain}. */
    private static boolean plain(Service service) {
        ServiceSpec s = service.spec;
        return !Execution.sharedMode(s.coresPerHost(), s.contentionSigma(), s.coherencyKappa())
                && service.checkpointMicros() == 0 && !service.hasDependency && s.limit().kind() == LimitKind.FIXED
                && !(s.boundedWork().maxRequestSize() > 0) && !service.dropExpired && service.maxQueueWaitMicros <= 0
                && s.discipline() == Discipline.FIFO;
    }

    private boolean shouldBeDown(ServiceSpec s) {
        return index >= s.hostsUp() && index < s.hosts();
    }

    /** Whether the host takes the plain case's short paths now (see {@link #plain}). */
    boolean plain() {
        return plain;
    }

    /** Attempts holding a worker. */
    int busy() {
        return execution.holding();
    }

    int outstanding() {
        return execution.holding() + queue.size();
    }

    /** The most attempts this host admits into service now: min(workers, limit). */
    int admitBound() {
        return admission.bound(service.spec.workersPerHost());
    }

    void accept(Attempt a, long now) {
        if (plain) {
            acceptPlain(a, now);
            return;
        }
        a.host = this;
        execution.advance(now);
        ServiceSpec s = service.spec;
        switch (admission.atArrival(a.size, s.boundedWork().maxRequestSize(), execution.holding(),
                s.workersPerHost(), queue.size(), s.queueCapacity())) {
            case START -> start(a, now);
            case QUEUE -> enqueue(a, now);
            case SHED -> reject(a, now);
            case TOO_LARGE -> {
                service.count(service.tooLarge, now);
                reject(a, now);
            }
        }
        execution.settle(now);
    }

    /** {@link #accept} in the plain case: start while a worker is free, else wait while there is room, else shed. */
    private void acceptPlain(Attempt a, long now) {
        a.host = this;
        ServiceSpec s = service.spec;
        if (execution.holding() < s.workersPerHost()) {
            start(a, now);
        } else if (queue.size() < s.queueCapacity()) {
            enqueue(a, now);
        } else {
            reject(a, now);
        }
    }

    private void enqueue(Attempt a, long now) {
        queue.add(a, now);
        if (service.world.tracing()) {
            service.world.traces.attempt(Traces.clientOf(a), service.spec.name(), "enqueue", null, a);
        }
    }

    private void start(Attempt a, long now) {
        boolean queued = a.state == Attempt.QUEUED;
        service.metrics.queueWait(a.clientMetrics, queued, now - (queued ? a.enqueuedMicros : now), a.measured);
        a.state = Attempt.IN_SERVICE;
        a.startedMicros = now;
        if (service.world.tracing()) {
            service.world.traces.attempt(Traces.clientOf(a), service.spec.name(), "start", null, a);
        }
        a.inflightAtStart = execution.hold(a);
        service.metrics.busyChanged(now, 1);
        if (a.clientDone) {
            service.metrics.busyClientGoneChanged(now, 1);
        }
        if (service.hasDependency) {
            execution.startCall(a); // before the call: a called stage may answer at once
            if (!service.dependency.call(a, now)) {
                execution.endCall(a);
                a.depFailed = true;
                workDone(a, now);
            }
            return;
        }
        execution.beginWork(a, now);
    }

    private void reject(Attempt a, long now) {
        a.state = Attempt.REJECTING;
        a.startedMicros = now;
        service.metrics.rejectingChanged(now, 1);
        long cost = service.rejectionCostMicros();
        if (cost == 0) {
            service.finishRejection(a, now);
        } else {
            execution.beginRejection(a, cost, now);
        }
    }

    /** Fixed-speed event of an attempt: its finish, or a checkpoint on the way. */
    void completeFixed(Attempt a, long now) {
        if (plain) {
            finishPlain(a, now);
            return;
        }
        if (now >= a.finishMicros) { // its finish (the usual case): no need to go through the execution's site
            execution.advance(now);
            workDone(a, now);
            pull(now);
            execution.settle(now);
            return;
        }
        if (execution.fixedEvent(a, now)) {
            pull(now);
            execution.settle(now);
        }
    }

    /**
     * {@link #completeFixed} in the plain case, where the event is always the finish: the worker is freed (a fixed
     * limit takes no sample), the attempt is classified, and queued work starts.
     */
    private void finishPlain(Attempt a, long now) {
        leaveService(a, now);
        service.finishWork(a, now);
        pullPlain(now);
    }

    /** {@link #pull} in the plain case: the oldest queued attempts start while workers are free. */
    private void pullPlain(long now) {
        int workers = service.spec.workersPerHost();
        while (!queue.isEmpty() && execution.holding() < workers) {
            start(queue.take(Discipline.FIFO, now), now);
        }
    }

    /** The attempt's dependency call ended: it fails (an error answer) or starts its CPU work. */
    void dependencyDone(Attempt a, long now) {
        execution.advance(now);
        execution.endCall(a);
        service.dependency.ended(a, now, false);
        if (a.depFailed) {
            workDone(a, now);
            pull(now);
        } else {
            execution.beginWork(a, now);
        }
        execution.settle(now);
    }

    /** Shared-speed wake-up: every checkpoint, finish and rejection due, then queued work starts. */
    void wake(long version, long now) {
        if (execution.wake(version, now)) {
            pull(now);
            execution.settle(now);
        }
    }

    @Override
    public void rejectionDone(Attempt a, long now) {
        service.finishRejection(a, now);
    }

    /** At a checkpoint: if the server knows the deadline and it has passed, the attempt is abandoned there. */
    @Override
    public boolean atCheckpoint(Attempt a, long now) {
        if (service.world.tracing()) {
            service.world.traces.attempt(Traces.clientOf(a), service.spec.name(), "checkpoint", null, a);
        }
        if (service.spec.deadline().timeoutHint() && now >= a.deadlineMicros) {
            leaveService(a, now);
            admission.sample(now - a.startedMicros, a.inflightAtStart, true);
            service.count(service.checkpointAbandoned, now);
            service.endAttempt(a, AttemptOutcome.ABANDONED_BY_SERVER, WorkClass.ABANDONED, now - a.startedMicros,
                    now);
            return true;
        }
        return false;
    }

    /** The attempt leaves service normally (work done, or its dependency failed): one limit sample, then classify. */
    @Override
    public void workDone(Attempt a, long now) {
        leaveService(a, now);
        admission.sample(now - a.startedMicros, a.inflightAtStart, a.clientDone || a.depFailed);
        service.finishWork(a, now);
    }

    /** Frees the attempt's worker. */
    private void leaveService(Attempt a, long now) {
        service.metrics.busyChanged(now, -1);
        if (a.clientDone) {
            service.metrics.busyClientGoneChanged(now, -1);
        }
        execution.release(a);
    }

    /** Starts queued work while the concurrency bound allows, applying the dequeue rules of {@link ShedPolicy}. */
    void pull(long now) {
        ServiceSpec s = service.spec;
        boolean dropExpired = service.dropExpired;
        long maxWait = service.maxQueueWaitMicros;
        while (!queue.isEmpty() && execution.holding() < admitBound()) {
            Attempt a = queue.take(s.discipline(), now);
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
            admission.reset(spec.limit());
        }
        down = nowDown;
        plain = plain(service);
        admission.retune(spec.limit());
        execution.configure(spec.coresPerHost(), spec.contentionSigma(), spec.coherencyKappa(),
                service.checkpointMicros(), now);
        pull(now);
        while (queue.size() > spec.queueCapacity()) {
            reject(queue.takeOldest(now), now);
        }
        execution.settle(now);
    }

    /** The host goes down: its queued and in-service attempts are lost; their callers are not told. */
    private void crash(long now) {
        execution.advance(now);
        while (!queue.isEmpty()) {
            Attempt a = queue.takeOldest(now);
            service.count(service.lostInCrash, now);
            service.endAttempt(a, AttemptOutcome.ABANDONED_BY_SERVER, WorkClass.ABANDONED, 0, now);
        }
        for (Attempt a = execution.anyHolding(); a != null; a = execution.anyHolding()) {
            leaveService(a, now);
            a.epoch++;
            if (a.calling) {
                execution.endCall(a);
                service.dependency.ended(a, now, true);
            }
            service.count(service.lostInCrash, now);
            service.endAttempt(a, AttemptOutcome.ABANDONED_BY_SERVER, WorkClass.ABANDONED, now - a.startedMicros,
                    now);
        }
        execution.dropWork();
    }
}
