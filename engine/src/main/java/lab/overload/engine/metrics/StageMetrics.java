package lab.overload.engine.metrics;

/**
 * The metrics of one stage: the attempts that reach it (from a client or from another stage), how they end there, the
 * work it does, and its levels (busy workers, queue, rejections in progress, workers busy for callers that have left).
 * A stage that is alone in its scenario records its levels straight into the recorder's totals (they are the same
 * numbers); otherwise it keeps its own and adds each change to the totals too. Its interval is written into the
 * seal's rows by {@link StageRow}, its measured-period section built by {@link StageSummaries}.
 *
 * <p>Single writer (the simulation thread).
 */
public final class StageMetrics {
    final String name;
    final String kind;
    final int index;
    private final long warmupMicros;
    final boolean ownLevels;
    /**
     * The scenario's only stage, called only by its only client group: its attempts, their outcomes, waits and
     * completions are that group's, so it does not count them again (its sections are built from the group's).
     */
    final boolean sole;
    final Level busy;
    final Level queue;
    final Level busyClientGone;
    final Level rejecting;
    private final Level totalBusy;
    private final Level totalQueue;
    private final Level totalBusyClientGone;
    private final Level totalRejecting;
    private final Recorder totals;

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

    /**
     * Response times in the current second (see {@link SectionLatencies}), or null for a {@link #sole} stage and while
     * the recorder makes none ({@link Recorder#secondLatencies}); for a queue ({@link #messageAges}) the ages of the
     * messages taken instead.
     */
    SecondLatencies latencies;
    boolean messageAges;
    /**
     * Response times of the measured cohort's useful answers by {@link LatencyHistogram} bucket (the summary's
     * {@code responseMillis}), or null for a {@link #sole} stage.
     */
    final long[] sResponse;

    /** The stage's worker capacity over time (for its utilisation). */
    final WorkerTime workerTime;

    StageMetrics(String name, String kind, int index, long warmupMicros, Recorder totals, boolean alone,
                 boolean sole) {
        this.sole = sole;
        this.totals = totals;
        this.name = name;
        this.kind = kind;
        this.index = index;
        this.warmupMicros = warmupMicros;
        this.ownLevels = !alone;
        this.sResponse = sole ? null : new long[LatencyHistogram.BUCKETS];
        this.workerTime = new WorkerTime(warmupMicros);
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
        if (sole) {
            return;
        }
        arrived++;
        if (measured) {
            sArrived++;
        }
    }

    /**
     * An attempt ended here, with the work it cost (worker-microseconds) in the given class. {@code client} is the
     * group that sent it, or null when another stage did (an onward call counts here but not in the totals);
     * {@code sentMicros}: when it reached the stage (a useful completion's response time runs from then).
     */
    public void attemptEnded(ClientMetrics client, AttemptOutcome outcome, WorkClass workClass, long workMicros,
                             boolean measured, long nowMicros, long sentMicros) {
        boolean completedInWindow = nowMicros >= warmupMicros && (outcome == AttemptOutcome.COMPLETED_USEFUL
                || outcome == AttemptOutcome.COMPLETED_WASTED || outcome == AttemptOutcome.COMPLETED_ERROR);
        if (client != null) {
            client.ended(outcome, measured, completedInWindow);
        }
        work[workClass.ordinal()] += workMicros;
        if (measured) {
            sWork[workClass.ordinal()] += workMicros;
        }
        if (sole) {
            return;
        }
        if (completedInWindow) {
            sCompletedInWindow++;
        }
        attOut[outcome.ordinal()]++;
        if (measured) {
            sAttOut[outcome.ordinal()]++;
        }
        if (outcome == AttemptOutcome.COMPLETED_USEFUL && !messageAges) {
            answered(nowMicros - sentMicros, measured, nowMicros);
        }
    }

    /** A useful answer's response time: into the current second, and the summary's when it is measured. */
    private void answered(long micros, boolean measured, long nowMicros) {
        if (latencies != null) {
            latencies.record(micros, nowMicros);
        }
        if (measured) {
            sResponse[LatencyHistogram.bucket(micros)]++;
        }
    }

    /** The stage is a queue: its response time is a message's age when a poller takes it ({@link #messageTaken}). */
    public void responseIsMessageAge() {
        messageAges = true;
    }

    /** A poller took a message of that age (taken minus its first enqueue) now. */
    public void messageTaken(long ageMicros, long nowMicros) {
        if (latencies != null) {
            latencies.record(ageMicros, nowMicros);
        }
    }

    /**
     * Work no attempt ended with (a sandbox's initialisation before its first invoke), in worker-microseconds;
     * {@code measured}: it belongs to the measured cohort.
     */
    public void work(WorkClass workClass, long workMicros, boolean measured) {
        work[workClass.ordinal()] += workMicros;
        if (measured) {
            sWork[workClass.ordinal()] += workMicros;
        }
    }

    /** A worker took an attempt after it waited that long ({@code queued}: it had to wait in the queue first). */
    public void queueWait(ClientMetrics client, boolean queued, long waitMicros, boolean measured) {
        if (client != null) {
            client.queueWait(waitMicros, measured);
        }
        if (measured && queued) {
            sWaited++;
        }
        if (sole) {
            return;
        }
        waitSum += waitMicros;
        waitCount++;
        if (measured) {
            sWait.add(waitMicros);
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

    /** The stage's worker capacity from now on (for its utilization, and the total's). */
    public void setWorkers(long nowMicros, long stageWorkers) {
        long delta = stageWorkers - workerTime.workers;
        workerTime.set(nowMicros, stageWorkers);
        totals.addWorkers(nowMicros, delta);
    }

    /** Closes its own levels (a stage sharing the totals' levels has them closed by the recorder). */
    void closeLevels(long nowMicros) {
        if (ownLevels) {
            busy.closeInterval(nowMicros);
            queue.closeInterval(nowMicros);
            busyClientGone.closeInterval(nowMicros);
            rejecting.closeInterval(nowMicros);
        }
        workerTime.advance(nowMicros);
    }

    /** A {@link #sole} stage's interval: its work by class into {@code into}, then cleared. */
    void sealWork(long[] into) {
        System.arraycopy(work, 0, into, 0, work.length);
        java.util.Arrays.fill(work, 0);
        workerTime.intervalMicros = 0;
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

    /** The summary blocks of the stage's own kind at an end time (none unless the stage sets them). */
    private java.util.function.LongFunction<java.util.Map<String, Object>> detail = end -> java.util.Map.of();

    /** Sets the summary blocks of the stage's own kind (a queue's messages, ages, backlog), made at summary time. */
    public void detail(java.util.function.LongFunction<java.util.Map<String, Object>> blocks) {
        this.detail = blocks;
    }

    /** The blocks of its own kind at an end time. */
    java.util.Map<String, Object> detailBlocks(long endMicros) {
        return detail.apply(endMicros);
    }
}
