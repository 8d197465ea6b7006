package lab.overload.engine.metrics;

import org.HdrHistogram.Histogram;

/**
 * Single-writer metrics recorder: components report events as they happen; {@link #seal} closes an interval into an
 * immutable {@link IntervalSnapshot}; {@link #summary} reports the measured period. Steady state allocates nothing
 * but the sealed snapshot.
 *
 * <p>Thread rule: only the simulation thread calls it. Snapshots may be handed to any thread.
 */
public final class Recorder {
    private static final long MAX_LATENCY_MICROS = 86_400_000_000L;

    private final long warmupMicros;
    private final Level busy;
    private final Level queue;
    private final Level inSystem;
    private long workers;

    // interval counters (by event time)
    private int intervalIndex;
    private long intervalStart;
    private long offered, attempts, retries;
    private final long[] reqOut = new long[RequestOutcome.values().length];
    private final long[] attOut = new long[AttemptOutcome.values().length];
    private final double[] work = new double[WorkClass.values().length];
    private final Histogram intervalLatency = new Histogram(MAX_LATENCY_MICROS, 2);
    private double latencySum;
    private double waitSum;
    private long waitCount;
    private double requestTimeSum;
    private long requestEnded;

    // summary counters (by cohort: requests and attempts that started in the measured period)
    private long sRequests, sAttempts, sRetries;
    private final long[] sReqOut = new long[RequestOutcome.values().length];
    private final long[] sAttOut = new long[AttemptOutcome.values().length];
    private final double[] sWork = new double[WorkClass.values().length];
    private final Histogram summaryLatency = new Histogram(MAX_LATENCY_MICROS, 3);
    private double sLatencySum;
    private long sLatencyMax;
    private double sWaitSum;
    private long sWaitCount;
    private double sRequestTimeSum;
    private long sRequestEnded;
    private double sWorkerMicros;

    public Recorder(long warmupMicros) {
        this.warmupMicros = warmupMicros;
        busy = new Level(warmupMicros);
        queue = new Level(warmupMicros);
        inSystem = new Level(warmupMicros);
    }

    public boolean measuring(long nowMicros) {
        return nowMicros >= warmupMicros;
    }

    public void requestArrived(boolean measured) {
        offered++;
        if (measured) {
            sRequests++;
        }
    }

    /** A request ended; {@code timeMicros} is from its arrival to now (its latency when it succeeded). */
    public void requestEnded(RequestOutcome outcome, long timeMicros, boolean measured) {
        reqOut[outcome.ordinal()]++;
        requestTimeSum += timeMicros;
        requestEnded++;
        if (outcome == RequestOutcome.SUCCEEDED) {
            long v = Math.min(timeMicros, MAX_LATENCY_MICROS);
            intervalLatency.recordValue(v);
            latencySum += timeMicros;
        }
        if (measured) {
            sReqOut[outcome.ordinal()]++;
            sRequestTimeSum += timeMicros;
            sRequestEnded++;
            if (outcome == RequestOutcome.SUCCEEDED) {
                summaryLatency.recordValue(Math.min(timeMicros, MAX_LATENCY_MICROS));
                sLatencySum += timeMicros;
                sLatencyMax = Math.max(sLatencyMax, timeMicros);
            }
        }
    }

    public void attemptSent(boolean retry, boolean measured) {
        attempts++;
        if (retry) {
            retries++;
        }
        if (measured) {
            sAttempts++;
            if (retry) {
                sRetries++;
            }
        }
    }

    /** An attempt ended at the server, with the work it cost (worker-microseconds) in the given class. */
    public void attemptEnded(AttemptOutcome outcome, WorkClass workClass, long workMicros, boolean measured) {
        attOut[outcome.ordinal()]++;
        work[workClass.ordinal()] += workMicros;
        if (measured) {
            sAttOut[outcome.ordinal()]++;
            sWork[workClass.ordinal()] += workMicros;
        }
    }

    /** An attempt left the queue for a worker after waiting that long. */
    public void queueWait(long waitMicros, boolean measured) {
        waitSum += waitMicros;
        waitCount++;
        if (measured) {
            sWaitSum += waitMicros;
            sWaitCount++;
        }
    }

    public void busyChanged(long nowMicros, int delta) {
        busy.add(nowMicros, delta);
    }

    public void queueChanged(long nowMicros, int delta) {
        queue.add(nowMicros, delta);
    }

    public void inSystemChanged(long nowMicros, int delta) {
        inSystem.add(nowMicros, delta);
    }

    /** Total worker capacity (for utilisation); integrated like the levels. */
    public void setWorkers(long nowMicros, long totalWorkers) {
        advanceWorkers(nowMicros);
        workers = totalWorkers;
    }

    private long workersChangedAt;
    private double intervalWorkerMicros;

    private void advanceWorkers(long nowMicros) {
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

    /** Closes the interval ending now; {@code oldestQueuedAgeMicros} is measured by the caller (-1 if empty). */
    public IntervalSnapshot seal(long nowMicros, long oldestQueuedAgeMicros) {
        busy.advance(nowMicros);
        queue.advance(nowMicros);
        inSystem.advance(nowMicros);
        advanceWorkers(nowMicros);
        double span = Math.max(1, nowMicros - intervalStart);
        long succ = reqOut[RequestOutcome.SUCCEEDED.ordinal()];
        IntervalSnapshot s = new IntervalSnapshot(intervalIndex, intervalStart, nowMicros,
                offered, attempts, retries,
                succ, reqOut[1], reqOut[2], reqOut[3], reqOut[4],
                attOut[0], attOut[1], attOut[2], attOut[3], attOut[4], attOut[5],
                succ == 0 ? Double.NaN : latencySum / succ / 1000,
                pct(intervalLatency, 50), pct(intervalLatency, 90), pct(intervalLatency, 99),
                pct(intervalLatency, 99.9),
                waitCount == 0 ? Double.NaN : waitSum / waitCount / 1000,
                busy.intervalArea / span, busy.intervalMax, queue.intervalArea / span, queue.intervalMax,
                oldestQueuedAgeMicros < 0 ? 0 : oldestQueuedAgeMicros / 1000.0,
                inSystem.intervalArea / span, workers,
                intervalWorkerMicros == 0 ? 0 : busy.intervalArea / intervalWorkerMicros,
                work[0] / 1e6, work[1] / 1e6, work[2] / 1e6, work[3] / 1e6,
                requestEnded == 0 ? Double.NaN : requestTimeSum / requestEnded / 1000);
        intervalIndex++;
        intervalStart = nowMicros;
        offered = attempts = retries = 0;
        java.util.Arrays.fill(reqOut, 0);
        java.util.Arrays.fill(attOut, 0);
        java.util.Arrays.fill(work, 0);
        intervalLatency.reset();
        latencySum = waitSum = requestTimeSum = 0;
        waitCount = requestEnded = 0;
        intervalWorkerMicros = 0;
        busy.resetInterval();
        queue.resetInterval();
        inSystem.resetInterval();
        return s;
    }

    private static double pct(Histogram h, double p) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(p) / 1000.0;
    }

    /** The measured-period summary at {@code endMicros}, given the cohort's requests and attempts in flight. */
    public Summary summary(String scenario, long seed, long endMicros, long requestsInFlight, long attemptsInFlight) {
        busy.advance(endMicros);
        queue.advance(endMicros);
        inSystem.advance(endMicros);
        advanceWorkers(endMicros);
        double measured = Math.max(1, endMicros - warmupMicros);
        long succ = sReqOut[0];
        return new Summary(scenario, seed, measured / 1e6,
                sRequests, succ, sReqOut[1], sReqOut[2], sReqOut[3], sReqOut[4], requestsInFlight,
                sAttempts, sRetries, sAttOut[0], sAttOut[1], sAttOut[2], sAttOut[3], sAttOut[4], sAttOut[5],
                attemptsInFlight,
                succ == 0 ? Double.NaN : sLatencySum / succ / 1000,
                pct(summaryLatency, 50), pct(summaryLatency, 90), pct(summaryLatency, 99),
                pct(summaryLatency, 99.9), succ == 0 ? Double.NaN : sLatencyMax / 1000.0,
                sWaitCount == 0 ? Double.NaN : sWaitSum / sWaitCount / 1000,
                busy.summaryArea / measured, busy.summaryMax, queue.summaryArea / measured, queue.summaryMax,
                sWorkerMicros == 0 ? 0 : busy.summaryArea / sWorkerMicros,
                sWork[0] / 1e6, sWork[1] / 1e6, sWork[2] / 1e6, sWork[3] / 1e6,
                inSystem.summaryArea / measured,
                sRequestEnded == 0 ? Double.NaN : sRequestTimeSum / sRequestEnded / 1000, sRequestEnded);
    }
}
