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
    /** Its counts by tenant, or null when it stands for one tenant. */
    TenantCounts tenants;
    /**
     * Its successes' latencies in the current second, or null when it is the sole group calling the only stage (the
     * recorder then builds them from the totals') and while the recorder makes none ({@link Recorder#secondLatencies}).
     */
    SecondLatencies latencies;

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

    /**
     * Counts by tenant for a group standing for {@code count} tenants (kept while the count stays the same), or none
     * when it stands for one. Returns the counts, or null.
     */
    public TenantCounts tenants(int count) {
        if (count <= 1) {
            tenants = null;
        } else if (tenants == null || tenants.tenants() != count) {
            tenants = new TenantCounts(count);
        }
        return tenants;
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
        ended(outcome, measured, nowMicros >= warmupMicros && (outcome == AttemptOutcome.COMPLETED_USEFUL
                || outcome == AttemptOutcome.COMPLETED_WASTED || outcome == AttemptOutcome.COMPLETED_ERROR));
    }

    /** As {@link #attemptEnded}, told whether it is a completion in the measured window. */
    void ended(AttemptOutcome outcome, boolean measured, boolean completedInWindow) {
        if (completedInWindow) {
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

    private static final int REQUEST_OUTCOMES = RequestOutcome.values().length;
    private static final int ATTEMPT_OUTCOMES = AttemptOutcome.values().length;
    /** Positions in an interval row (see {@link #sealInto}). */
    static final int OFFERED = 0;
    static final int ATTEMPTS = 1;
    static final int RETRIES = 2;
    static final int LATENCY_SUM = 3;
    static final int WAIT_SUM = 4;
    static final int WAIT_COUNT = 5;
    static final int REQUEST_TIME_SUM = 6;
    static final int REQUESTS_ENDED = 7;
    /** Requests by outcome start here, in {@link RequestOutcome} order (read back by constant). */
    static final int REQUESTS_BY_OUTCOME = 8;
    /** Attempts by outcome start here, in {@link AttemptOutcome} order (read back by constant). */
    static final int ATTEMPTS_BY_OUTCOME = REQUESTS_BY_OUTCOME + REQUEST_OUTCOMES;
    /** Length of an interval row. */
    static final int ROW = ATTEMPTS_BY_OUTCOME + ATTEMPT_OUTCOMES;

    /** Writes this interval's counts and sums into a row at {@code at} and clears them. */
    void sealInto(long[] rows, int at) {
        rows[at + OFFERED] = offered;
        rows[at + ATTEMPTS] = attempts;
        rows[at + RETRIES] = retries;
        rows[at + LATENCY_SUM] = latencySum;
        rows[at + WAIT_SUM] = waitSum;
        rows[at + WAIT_COUNT] = waitCount;
        rows[at + REQUEST_TIME_SUM] = requestTimeSum;
        rows[at + REQUESTS_ENDED] = requestEnded;
        System.arraycopy(reqOut, 0, rows, at + REQUESTS_BY_OUTCOME, REQUEST_OUTCOMES);
        System.arraycopy(attOut, 0, rows, at + ATTEMPTS_BY_OUTCOME, ATTEMPT_OUTCOMES);
        offered = attempts = retries = 0;
        java.util.Arrays.fill(reqOut, 0);
        java.util.Arrays.fill(attOut, 0);
        latencySum = waitSum = waitCount = requestTimeSum = requestEnded = 0;
    }

    /** The section in the row written by {@link #sealInto}. */
    static ClientInterval decode(String name, long[] rows, int at) {
        long succ = rows[at + REQUESTS_BY_OUTCOME + RequestOutcome.SUCCEEDED.ordinal()];
        long waits = rows[at + WAIT_COUNT];
        return new ClientInterval(name,
                RequestCounts.of(rows[at + OFFERED], java.util.Arrays.copyOfRange(rows, at + REQUESTS_BY_OUTCOME,
                        at + ATTEMPTS_BY_OUTCOME), 0),
                AttemptCounts.of(rows[at + ATTEMPTS], rows[at + RETRIES],
                        java.util.Arrays.copyOfRange(rows, at + ATTEMPTS_BY_OUTCOME, at + ROW), 0),
                succ == 0 ? Double.NaN : (double) rows[at + LATENCY_SUM] / succ / 1000,
                waits == 0 ? Double.NaN : (double) rows[at + WAIT_SUM] / waits / 1000);
    }

    /** The measured-period section, given its requests and attempts still in flight. */
    ClientSummary summary(double measuredSeconds, long requestsInFlight, long attemptsInFlight) {
        return new ClientSummary(name, RequestCounts.of(sRequests, sReqOut, requestsInFlight),
                AttemptCounts.of(sAttempts, sRetries, sAttOut, attemptsInFlight), measuredSeconds,
                sCompletedInWindow / measuredSeconds, sSucceededInWindow / measuredSeconds,
                LatencyStats.of(sLatency, sLatencyHistogram, sLatencyMax), sWait.meanMillis(), sWait.stdDevMillis());
    }
}
