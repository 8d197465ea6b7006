package lab.overload.engine.metrics;

/**
 * Closes the recorder's current interval into an immutable {@link IntervalSnapshot}: closes the levels and the
 * worker time, seals the sections ({@link SectionSeal}), reads the interval percentiles and the registered
 * instruments, builds the snapshot and starts the next interval. Single writer (the simulation thread).
 */
final class IntervalSeal {
    private final Recorder r;
    private final SectionSeal sections = new SectionSeal();
    private int intervalIndex;
    private long intervalStart;

    IntervalSeal(Recorder recorder) {
        this.r = recorder;
    }

    SectionSeal sections() {
        return sections;
    }

    /**
     * The interval ending now; {@code oldestQueuedAgeMicros} is measured by the caller (-1 if empty), the served
     * attempts' latency sum and count are the recorder's (it clears them itself).
     */
    IntervalSnapshot seal(long nowMicros, long oldestQueuedAgeMicros, long servedSumMicros, long servedCount) {
        Level busy = r.busy;
        Level queue = r.queue;
        Level inSystem = r.inSystem;
        Level busyClientGone = r.busyClientGone;
        Level rejecting = r.rejecting;
        WorkerTime workers = r.workerTime;
        IntervalLatencies latencies = r.intervalLatencies;
        Instruments instruments = r.instruments;
        closeLevels(nowMicros);
        double span = Math.max(1, nowMicros - intervalStart);
        sealSections(nowMicros, span);
        long[] t = sections.clientTotals;
        long[] w = sections.work;
        int rq = ClientMetrics.REQUESTS_BY_OUTCOME;
        int at = ClientMetrics.ATTEMPTS_BY_OUTCOME;
        long succ = t[rq + RequestOutcome.SUCCEEDED.ordinal()];
        long waitCount = t[ClientMetrics.WAIT_COUNT];
        long requestEnded = t[ClientMetrics.REQUESTS_ENDED];
        double intervalWorkerMicros = workers.intervalMicros;
        IntervalSnapshot s = new IntervalSnapshot(intervalIndex, intervalStart, nowMicros,
                t[ClientMetrics.OFFERED], t[ClientMetrics.ATTEMPTS], t[ClientMetrics.RETRIES],
                succ, t[rq + RequestOutcome.FAILED_TIMEOUT.ordinal()], t[rq + RequestOutcome.FAILED_REJECTED.ordinal()],
                t[rq + RequestOutcome.FAILED_ERROR.ordinal()], t[rq + RequestOutcome.EXPIRED.ordinal()],
                t[at + AttemptOutcome.COMPLETED_USEFUL.ordinal()], t[at + AttemptOutcome.COMPLETED_WASTED.ordinal()],
                t[at + AttemptOutcome.COMPLETED_ERROR.ordinal()], t[at + AttemptOutcome.SHED.ordinal()],
                t[at + AttemptOutcome.THROTTLED.ordinal()], t[at + AttemptOutcome.ABANDONED_BY_SERVER.ordinal()],
                succ == 0 ? Double.NaN : (double) t[ClientMetrics.LATENCY_SUM] / succ / 1000,
                latencies.pctMillis(50), latencies.pctMillis(90), latencies.pctMillis(99), latencies.pctMillis(99.9),
                waitCount == 0 ? Double.NaN : (double) t[ClientMetrics.WAIT_SUM] / waitCount / 1000,
                servedCount == 0 ? Double.NaN : (double) servedSumMicros / servedCount / 1000,
                busy.intervalArea / span, busy.intervalMax, queue.intervalArea / span, queue.intervalMax,
                oldestQueuedAgeMicros < 0 ? 0 : oldestQueuedAgeMicros / 1000.0,
                inSystem.intervalArea / span, workers.workers,
                intervalWorkerMicros == 0 ? 0 : busy.intervalArea / intervalWorkerMicros,
                w[WorkClass.USEFUL.ordinal()] / 1e6, w[WorkClass.WASTED.ordinal()] / 1e6,
                w[WorkClass.REJECTION.ordinal()] / 1e6, w[WorkClass.ABANDONED.ordinal()] / 1e6,
                w[WorkClass.INIT.ordinal()] / 1e6,
                requestEnded == 0 ? Double.NaN : (double) t[ClientMetrics.REQUEST_TIME_SUM] / requestEnded / 1000,
                (busy.intervalArea - busyClientGone.intervalArea) / span, busyClientGone.intervalArea / span,
                rejecting.intervalArea / span, instruments.sealPolicy(), instruments.counterNames(),
                sections.clients, sections.stages, instruments.sealLanes(), instruments.samplePlatform(),
                SectionSeal.sealTenants(r.clients, nowMicros), sections.latencies);
        startNext(nowMicros);
        return s;
    }

    /**
     * The interval ending now, in a run whose snapshots nobody reads (a batch run, a sweep, a benchmark): every state
     * change {@link #seal} makes, so the summary and any later snapshot are the same, but no snapshot is built. The
     * interval percentiles are not computed (they only sort the interval's latencies), the gauges are read and the
     * policy counters cleared without a map, and what the lanes, the platform and the tenant tables hand out is
     * dropped. (Building a snapshot nobody reads was a fifth of an M/M/10 run at 100 ms intervals.)
     */
    void sealUnread(long nowMicros, int intervals) {
        intervalIndex += intervals - 1; // startNext adds the last one
        closeLevels(nowMicros);
        sealSections(nowMicros, Math.max(1, nowMicros - intervalStart));
        r.instruments.sealPolicyUnread();
        r.instruments.sealLanes();
        r.instruments.samplePlatform();
        SectionSeal.sealTenants(r.clients, nowMicros);
        startNext(nowMicros);
    }

    private void closeLevels(long nowMicros) {
        r.busy.closeInterval(nowMicros);
        r.queue.closeInterval(nowMicros);
        r.inSystem.closeInterval(nowMicros);
        r.busyClientGone.closeInterval(nowMicros);
        r.rejecting.closeInterval(nowMicros);
        r.workerTime.advance(nowMicros);
    }

    /** Starts the next interval at now (after either seal). */
    private void startNext(long nowMicros) {
        sections.handedOut();
        intervalIndex++;
        intervalStart = nowMicros;
        r.intervalLatencies.clear();
        r.workerTime.intervalMicros = 0;
        r.busy.resetInterval(nowMicros);
        r.queue.resetInterval(nowMicros);
        r.inSystem.resetInterval(nowMicros);
        r.busyClientGone.resetInterval(nowMicros);
        r.rejecting.resetInterval(nowMicros);
    }

    /**
     * Seals every section's interval into {@link #sections}. (Kept out of {@link #seal} so that the JIT still inlines
     * the interval percentiles there.)
     */
    private void sealSections(long nowMicros, double span) {
        if (r.isSole()) {
            sections.sealSole(r.clients.get(0), r.stages.get(0), r.intervalLatencies, r.latencySeconds, nowMicros);
        } else {
            sections.seal(r.clients, r.stages, r.latencySeconds, nowMicros, span);
        }
    }
}
