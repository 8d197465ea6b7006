package lab.overload.engine.metrics;

/**
 * The metrics of one stage: the attempts that reach it (from a client or from another stage), how they end there, the
 * work it does, and its levels (busy workers, queue, rejections in progress, workers busy for callers that have left).
 * A stage that is alone in its scenario records its levels straight into the recorder's totals (they are the same
 * numbers); otherwise it keeps its own and adds each change to the totals too.
 *
 * <p>Single writer (the simulation thread).
 */
public final class StageMetrics {
    final String name;
    final String kind;
    final int index;
    private final long warmupMicros;
    final boolean ownLevels;
    final Level busy;
    final Level queue;
    final Level busyClientGone;
    final Level rejecting;
    private final Level totalBusy;
    private final Level totalQueue;
    private final Level totalBusyClientGone;
    private final Level totalRejecting;

    // interval (by event time)
    long arrived;
    final long[] attOut = new long[AttemptOutcome.values().length];
    final long[] work = new long[WorkClass.values().length];
    long waitSum;
    long waitCount;

    // summary (by cohort: attempts that reached it in the measured period)
    long sArrived;
    final long[] sAttOut = new long[AttemptOutcome.values().length];
    final long[] sWork = new long[WorkClass.values().length];
    final Moments sWait = new Moments();
    long sWaited;
    long sCompletedInWindow;

    private long workers;
    private long workersChangedAt;
    private double intervalWorkerMicros;
    private double sWorkerMicros;

    StageMetrics(String name, String kind, int index, long warmupMicros, Recorder totals, boolean alone) {
        this.name = name;
        this.kind = kind;
        this.index = index;
        this.warmupMicros = warmupMicros;
        this.ownLevels = !alone;
        if (alone) {
            busy = totals.busy;
            queue = totals.queue;
            busyClientGone = totals.busyClientGone;
            rejecting = totals.rejecting;
            totalBusy = totalQueue = totalBusyClientGone = totalRejecting = null;
        } else {
            busy = new Level(warmupMicros);
            queue = new Level(warmupMicros);
            busyClientGone = new Level(warmupMicros);
            rejecting = new Level(warmupMicros);
            totalBusy = totals.busy;
            totalQueue = totals.queue;
            totalBusyClientGone = totals.busyClientGone;
            totalRejecting = totals.rejecting;
        }
    }

    public String name() {
        return name;
    }

    /** Its position among its kind of section, from 0 in registration order. */
    public int index() {
        return index;
    }

    /** An attempt reached the stage; {@code measured} says whether it belongs to the measured cohort. */
    public void attemptArrived(boolean measured) {
        arrived++;
        if (measured) {
            sArrived++;
        }
    }

    /**
     * An attempt ended here, with the work it cost (worker-microseconds) in the given class. {@code client} is the
     * group that sent it, or null when another stage did (an onward call counts here but not in the totals).
     */
    public void attemptEnded(ClientMetrics client, AttemptOutcome outcome, WorkClass workClass, long workMicros,
                             boolean measured, long nowMicros) {
        if (client != null) {
            client.attemptEnded(outcome, measured, nowMicros);
        }
        if (nowMicros >= warmupMicros && (outcome == AttemptOutcome.COMPLETED_USEFUL
                || outcome == AttemptOutcome.COMPLETED_WASTED || outcome == AttemptOutcome.COMPLETED_ERROR)) {
            sCompletedInWindow++;
        }
        attOut[outcome.ordinal()]++;
        work[workClass.ordinal()] += workMicros;
        if (measured) {
            sAttOut[outcome.ordinal()]++;
            sWork[workClass.ordinal()] += workMicros;
        }
    }

    /** A worker took an attempt after it waited that long ({@code queued}: it had to wait in the queue first). */
    public void queueWait(ClientMetrics client, boolean queued, long waitMicros, boolean measured) {
        if (client != null) {
            client.queueWait(waitMicros, measured);
        }
        waitSum += waitMicros;
        waitCount++;
        if (measured) {
            sWait.add(waitMicros);
            if (queued) {
                sWaited++;
            }
        }
    }

    public void busyChanged(long nowMicros, int delta) {
        busy.add(nowMicros, delta);
        if (totalBusy != null) {
            totalBusy.add(nowMicros, delta);
        }
    }

    public void queueChanged(long nowMicros, int delta) {
        queue.add(nowMicros, delta);
        if (totalQueue != null) {
            totalQueue.add(nowMicros, delta);
        }
    }

    /** A worker's attempt lost (+1) or freed (-1) a caller that had already given up on it. */
    public void busyClientGoneChanged(long nowMicros, int delta) {
        busyClientGone.add(nowMicros, delta);
        if (totalBusyClientGone != null) {
            totalBusyClientGone.add(nowMicros, delta);
        }
    }

    /** A rejection started (+1) or finished (-1). */
    public void rejectingChanged(long nowMicros, int delta) {
        rejecting.add(nowMicros, delta);
        if (totalRejecting != null) {
            totalRejecting.add(nowMicros, delta);
        }
    }

    /** The stage's worker capacity from now on (for its utilization). */
    public void setWorkers(long nowMicros, long stageWorkers) {
        advanceWorkers(nowMicros);
        workers = stageWorkers;
    }

    void advanceWorkers(long nowMicros) {
        long dt = nowMicros - workersChangedAt;
        if (dt > 0) {
            intervalWorkerMicros += (double) workers * dt;
            long from = Math.max(workersChangedAt, warmupMicros);
            if (nowMicros > from) {
                sWorkerMicros += (double) workers * (nowMicros - from);
            }
            workersChangedAt = nowMicros;
        }
    }

    /** Closes its own levels (a stage sharing the totals' levels has them closed by the recorder). */
    void closeLevels(long nowMicros) {
        if (ownLevels) {
            busy.closeInterval(nowMicros);
            queue.closeInterval(nowMicros);
            busyClientGone.closeInterval(nowMicros);
            rejecting.closeInterval(nowMicros);
        }
        advanceWorkers(nowMicros);
    }

    /** This interval's section (after {@link #closeLevels}); clears the interval counts. */
    StageInterval sealInterval(double spanMicros) {
        StageInterval out = new StageInterval(name, kind, AttemptCounts.of(arrived, 0, attOut, 0),
                busy.intervalArea / spanMicros, busy.intervalMax, queue.intervalArea / spanMicros, queue.intervalMax,
                waitCount == 0 ? Double.NaN : (double) waitSum / waitCount / 1000,
                intervalWorkerMicros == 0 ? 0 : busy.intervalArea / intervalWorkerMicros, workers,
                WorkLedger.ofMicros(work));
        arrived = waitSum = waitCount = 0;
        java.util.Arrays.fill(attOut, 0);
        java.util.Arrays.fill(work, 0);
        intervalWorkerMicros = 0;
        return out;
    }

    /** Starts its own levels' next interval. */
    void resetLevels(long nowMicros) {
        if (ownLevels) {
            busy.resetInterval(nowMicros);
            queue.resetInterval(nowMicros);
            busyClientGone.resetInterval(nowMicros);
            rejecting.resetInterval(nowMicros);
        }
    }

    /** The measured-period section at {@code endMicros}, given its attempts still in flight. */
    StageSummary summary(long endMicros, double measuredMicros, long attemptsInFlight) {
        advanceWorkers(endMicros);
        double busyArea = busy.summaryArea(endMicros);
        long started = sWait.count();
        return new StageSummary(name, kind, AttemptCounts.of(sArrived, 0, sAttOut, attemptsInFlight),
                measuredMicros / 1e6, sCompletedInWindow / (measuredMicros / 1e6),
                sWorkerMicros == 0 ? 0 : busyArea / sWorkerMicros, busyArea / measuredMicros,
                busy.summaryMax(endMicros), queue.summaryArea(endMicros) / measuredMicros,
                queue.summaryMax(endMicros), sWait.meanMillis(), sWait.stdDevMillis(),
                started == 0 ? Double.NaN : (double) sWaited / started, WorkLedger.ofMicros(sWork));
    }
}
