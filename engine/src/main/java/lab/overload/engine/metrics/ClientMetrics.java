package lab.overload.engine.metrics;

import org.HdrHistogram.Histogram;

/**
 * The metrics of one client group: its requests and its attempts (the ones it sent; never a stage's onward calls),
 * by event time for the interval and by cohort for the summary, as {@link Recorder} describes. The recorder's totals
 * are the sums over the client groups, so they add up exactly. Single writer (the simulation thread).
 */
public final class ClientMetrics {
    static final long MAX_LATENCY_MICROS = 86_400_000_000L;

    final String name;
    final int index;
    private final long warmupMicros;

    // interval (by event time)
    long offered;
    long attempts;
    long retries;
    final long[] reqOut = new long[RequestOutcome.values().length];
    final long[] attOut = new long[AttemptOutcome.values().length];
    long latencySum;
    long waitSum;
    long waitCount;
    long requestTimeSum;
    long requestEnded;

    // summary (by cohort: requests that arrived, attempts sent, in the measured period)
    long sRequests;
    long sAttempts;
    long sRetries;
    final long[] sReqOut = new long[RequestOutcome.values().length];
    final long[] sAttOut = new long[AttemptOutcome.values().length];
    final Moments sLatency = new Moments();
    final Histogram sLatencyHistogram = new Histogram(MAX_LATENCY_MICROS, 3);
    long sLatencyMax;
    final Moments sWait = new Moments();
    long sRequestTimeSum;
    long sRequestEnded;
    /** Successes and completions in the measured window (by event time, whenever their requests arrived). */
    long sSucceededInWindow;
    long sCompletedInWindow;

    ClientMetrics(String name, int index, long warmupMicros) {
        this.name = name;
        this.index = index;
        this.warmupMicros = warmupMicros;
    }

    public String name() {
        return name;
    }

    /** Its position among its kind of section, from 0 in registration order. */
    public int index() {
        return index;
    }

    public void requestArrived(boolean measured) {
        offered++;
        if (measured) {
            sRequests++;
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

    /** One of its attempts ended: at the stage it was sent to, or refused at the client (THROTTLED). */
    public void attemptEnded(AttemptOutcome outcome, boolean measured, long nowMicros) {
        if (nowMicros >= warmupMicros && (outcome == AttemptOutcome.COMPLETED_USEFUL
                || outcome == AttemptOutcome.COMPLETED_WASTED || outcome == AttemptOutcome.COMPLETED_ERROR)) {
            sCompletedInWindow++;
        }
        attOut[outcome.ordinal()]++;
        if (measured) {
            sAttOut[outcome.ordinal()]++;
        }
    }

    /** One of its attempts left a queue for a worker after waiting that long. */
    void queueWait(long waitMicros, boolean measured) {
        waitSum += waitMicros;
        waitCount++;
        if (measured) {
            sWait.add(waitMicros);
        }
    }

    void requestEnded(RequestOutcome outcome, long timeMicros, boolean measured, long nowMicros) {
        boolean success = outcome == RequestOutcome.SUCCEEDED;
        if (success && nowMicros >= warmupMicros) {
            sSucceededInWindow++;
        }
        reqOut[outcome.ordinal()]++;
        requestTimeSum += timeMicros;
        requestEnded++;
        if (success) {
            latencySum += timeMicros;
        }
        if (measured) {
            sReqOut[outcome.ordinal()]++;
            sRequestTimeSum += timeMicros;
            sRequestEnded++;
            if (success) {
                sLatencyHistogram.recordValue(Math.min(timeMicros, MAX_LATENCY_MICROS));
                sLatency.add(timeMicros);
                sLatencyMax = Math.max(sLatencyMax, timeMicros);
            }
        }
    }

    /** This interval's section; clears the interval counts. */
    ClientInterval sealInterval() {
        long succ = reqOut[RequestOutcome.SUCCEEDED.ordinal()];
        ClientInterval out = new ClientInterval(name, RequestCounts.of(offered, reqOut, 0),
                AttemptCounts.of(attempts, retries, attOut, 0),
                succ == 0 ? Double.NaN : (double) latencySum / succ / 1000,
                waitCount == 0 ? Double.NaN : (double) waitSum / waitCount / 1000);
        offered = attempts = retries = 0;
        java.util.Arrays.fill(reqOut, 0);
        java.util.Arrays.fill(attOut, 0);
        latencySum = waitSum = waitCount = requestTimeSum = requestEnded = 0;
        return out;
    }

    /** The measured-period section, given its requests and attempts still in flight. */
    ClientSummary summary(double measuredSeconds, long requestsInFlight, long attemptsInFlight) {
        return new ClientSummary(name, RequestCounts.of(sRequests, sReqOut, requestsInFlight),
                AttemptCounts.of(sAttempts, sRetries, sAttOut, attemptsInFlight), measuredSeconds,
                sCompletedInWindow / measuredSeconds, sSucceededInWindow / measuredSeconds,
                LatencyStats.of(sLatency, sLatencyHistogram, sLatencyMax), sWait.meanMillis(), sWait.stdDevMillis());
    }
}
