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
    /** Workers busy with attempts whose client has already given up (their work can no longer help anyone). */
    private final Level busyClientGone;
    /** Rejections in progress (the CPU cost of shedding). */
    private final Level rejecting;
    private long workers;

    // interval counters (by event time)
    private int intervalIndex;
    private long intervalStart;
    private long offered, attempts, retries;
    private final long[] reqOut = new long[RequestOutcome.values().length];
    private final long[] attOut = new long[AttemptOutcome.values().length];
    private final double[] work = new double[WorkClass.values().length];
    private final Histogram intervalLatency = new Histogram(MAX_LATENCY_MICROS, 2);
    /**
     * The interval's latencies while there are at most {@link #INTERVAL_BUFFER} of them. An interval usually holds
     * few requests, and scanning and clearing the histogram's ~4k buckets at every seal cost more than all the rest
     * of the engine (profiled: 53% of an M/M/10 run). Percentiles from the sorted buffer equal the histogram's
     * exactly (see {@link #bufferedPct}); past the cap the values move into the histogram, which is used as before.
     */
    private final long[] intervalValues = new long[INTERVAL_BUFFER];
    private int intervalCount;
    private boolean intervalInHistogram;
    private static final int INTERVAL_BUFFER = 2048;
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
    /** Successes and completions that happened in the measured window (by event time, whenever they arrived). */
    private long sSucceededInWindow;
    private long sCompletedInWindow;

    private final java.util.List<Counter> counters = new java.util.ArrayList<>();
    private final java.util.List<String> gaugeNames = new java.util.ArrayList<>();
    private final java.util.List<java.util.function.DoubleSupplier> gauges = new java.util.ArrayList<>();

    /** A new named counter of policy events, reported per interval and over the measured period. */
    public Counter counter(String name) {
        Counter c = new Counter(name);
        counters.add(c);
        java.util.Set<String> names = new java.util.LinkedHashSet<>(counterNames);
        names.add(name);
        counterNames = java.util.Collections.unmodifiableSet(names);
        return c;
    }

    private java.util.Set<String> counterNames = java.util.Set.of();

    /** A named policy state (tokens, a limit, a breaker state) sampled when each interval is sealed. */
    public void gauge(String name, java.util.function.DoubleSupplier value) {
        gaugeNames.add(name);
        gauges.add(value);
    }

    /** Measured-period totals of every counter, by name. */
    public java.util.Map<String, Long> counterTotals() {
        java.util.Map<String, Long> out = new java.util.LinkedHashMap<>();
        for (Counter c : counters) {
            out.put(c.name(), c.measured);
        }
        return out;
    }

    private java.util.Map<String, Double> policySnapshot() {
        if (counters.isEmpty() && gauges.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<String, Double> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < gauges.size(); i++) {
            m.put(gaugeNames.get(i), gauges.get(i).getAsDouble());
        }
        for (Counter c : counters) {
            m.put(c.name(), (double) c.interval);
            c.interval = 0;
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    public Recorder(long warmupMicros) {
        this.warmupMicros = warmupMicros;
        busy = new Level(warmupMicros);
        queue = new Level(warmupMicros);
        inSystem = new Level(warmupMicros);
        busyClientGone = new Level(warmupMicros);
        rejecting = new Level(warmupMicros);
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
    public void requestEnded(RequestOutcome outcome, long timeMicros, boolean measured, long nowMicros) {
        if (outcome == RequestOutcome.SUCCEEDED && nowMicros >= warmupMicros) {
            sSucceededInWindow++;
        }
        reqOut[outcome.ordinal()]++;
        requestTimeSum += timeMicros;
        requestEnded++;
        if (outcome == RequestOutcome.SUCCEEDED) {
            long v = Math.min(timeMicros, MAX_LATENCY_MICROS);
            recordIntervalLatency(v);
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
    public void attemptEnded(AttemptOutcome outcome, WorkClass workClass, long workMicros, boolean measured,
                             long nowMicros) {
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

    /** A worker's attempt lost (+1) or freed (-1) a client that had already given up on it. */
    public void busyClientGoneChanged(long nowMicros, int delta) {
        busyClientGone.add(nowMicros, delta);
    }

    /** A rejection started (+1) or finished (-1). */
    public void rejectingChanged(long nowMicros, int delta) {
        rejecting.add(nowMicros, delta);
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
        busy.closeInterval(nowMicros);
        queue.closeInterval(nowMicros);
        inSystem.closeInterval(nowMicros);
        busyClientGone.closeInterval(nowMicros);
        rejecting.closeInterval(nowMicros);
        advanceWorkers(nowMicros);
        double span = Math.max(1, nowMicros - intervalStart);
        long succ = reqOut[RequestOutcome.SUCCEEDED.ordinal()];
        IntervalSnapshot s = new IntervalSnapshot(intervalIndex, intervalStart, nowMicros,
                offered, attempts, retries,
                succ, reqOut[1], reqOut[2], reqOut[3], reqOut[4],
                attOut[0], attOut[1], attOut[2], attOut[3], attOut[4], attOut[5],
                succ == 0 ? Double.NaN : latencySum / succ / 1000,
                intervalPct(50), intervalPct(90), intervalPct(99), intervalPct(99.9),
                waitCount == 0 ? Double.NaN : waitSum / waitCount / 1000,
                busy.intervalArea / span, busy.intervalMax, queue.intervalArea / span, queue.intervalMax,
                oldestQueuedAgeMicros < 0 ? 0 : oldestQueuedAgeMicros / 1000.0,
                inSystem.intervalArea / span, workers,
                intervalWorkerMicros == 0 ? 0 : busy.intervalArea / intervalWorkerMicros,
                work[0] / 1e6, work[1] / 1e6, work[2] / 1e6, work[3] / 1e6,
                requestEnded == 0 ? Double.NaN : requestTimeSum / requestEnded / 1000,
                (busy.intervalArea - busyClientGone.intervalArea) / span, busyClientGone.intervalArea / span,
                rejecting.intervalArea / span, policySnapshot(), counterNames);
        intervalIndex++;
        intervalStart = nowMicros;
        offered = attempts = retries = 0;
        java.util.Arrays.fill(reqOut, 0);
        java.util.Arrays.fill(attOut, 0);
        java.util.Arrays.fill(work, 0);
        if (intervalInHistogram) {
            intervalLatency.reset();
            intervalInHistogram = false;
        }
        intervalCount = 0;
        intervalSorted = false;
        latencySum = waitSum = requestTimeSum = 0;
        waitCount = requestEnded = 0;
        intervalWorkerMicros = 0;
        busy.resetInterval(nowMicros);
        queue.resetInterval(nowMicros);
        inSystem.resetInterval(nowMicros);
        busyClientGone.resetInterval(nowMicros);
        rejecting.resetInterval(nowMicros);
        return s;
    }

    private void recordIntervalLatency(long v) {
        if (intervalInHistogram) {
            intervalLatency.recordValue(v);
        } else if (intervalCount < INTERVAL_BUFFER) {
            intervalValues[intervalCount++] = v;
        } else {
            for (int i = 0; i < intervalCount; i++) {
                intervalLatency.recordValue(intervalValues[i]);
            }
            intervalLatency.recordValue(v);
            intervalInHistogram = true;
        }
    }

    /** Percentiles of the interval's latencies; sorts the buffer in place (it is cleared by the seal anyway). */
    private double intervalPct(double p) {
        if (intervalInHistogram) {
            return pct(intervalLatency, p);
        }
        if (intervalCount == 0) {
            return Double.NaN;
        }
        if (!intervalSorted) {
            sortBuffer(intervalValues, intervalCount);
            intervalSorted = true;
        }
        return bufferedPct(p) / 1000.0;
    }

    private boolean intervalSorted;

    /**
     * Sorts v[0..n). Up to 16 values (a typical interval) by insertion, beyond that Arrays.sort. (Measured in paired
     * runs on M/M/10, about 9 values per interval: insertion 3% faster overall than counting each value's rank with
     * branch-free comparisons, whose n^2 comparisons outweigh the mispredicted branches they avoid.)
     */
    private static void sortBuffer(long[] v, int n) {
        if (n > 16) {
            java.util.Arrays.sort(v, 0, n);
            return;
        }
        for (int i = 1; i < n; i++) {
            long x = v[i];
            int j = i - 1;
            while (j >= 0 && v[j] > x) {
                v[j + 1] = v[j];
                j--;
            }
            v[j + 1] = x;
        }
    }

    /**
     * {@link Histogram#getValueAtPercentile} of the buffered values, without the histogram: it returns the highest
     * value equivalent to the first bucket at which the running count reaches {@code max(1, ceil(p' n / 100))}, with
     * p' the percentile less one ulp; that bucket is the one holding the value of that rank in sorted order.
     */
    private long bufferedPct(double p) {
        double requested = Math.min(Math.max(Math.nextAfter(p, Double.NEGATIVE_INFINITY), 0.0D), 100.0D);
        long rank = Math.max(1, (long) Math.ceil(requested * intervalCount / 100.0D));
        return intervalLatency.highestEquivalentValue(intervalValues[(int) rank - 1]);
    }

    private static double pct(Histogram h, double p) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(p) / 1000.0;
    }

    /** The measured-period summary at {@code endMicros}, given the cohort's requests and attempts in flight. */
    public Summary summary(String scenario, long seed, long endMicros, long requestsInFlight, long attemptsInFlight) {
        advanceWorkers(endMicros);
        double busyArea = busy.summaryArea(endMicros);
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
                busyArea / measured, busy.summaryMax(endMicros), queue.summaryArea(endMicros) / measured,
                queue.summaryMax(endMicros),
                sWorkerMicros == 0 ? 0 : busyArea / sWorkerMicros,
                sWork[0] / 1e6, sWork[1] / 1e6, sWork[2] / 1e6, sWork[3] / 1e6,
                inSystem.summaryArea(endMicros) / measured,
                sRequestEnded == 0 ? Double.NaN : sRequestTimeSum / sRequestEnded / 1000, sRequestEnded,
                sCompletedInWindow / (measured / 1e6), sSucceededInWindow / (measured / 1e6));
    }
}
