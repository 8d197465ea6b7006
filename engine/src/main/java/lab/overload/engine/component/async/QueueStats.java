package lab.overload.engine.component.async;

import lab.overload.engine.metrics.Moments;
import org.HdrHistogram.Histogram;

/**
 * The measured-period record of one queue: its messages by cohort (enqueued after the warm-up) and end state, the
 * age of the messages taken, the backlog's time average, empty polls, and per-tenant counts in primitive arrays
 * (enqueued, processed, expired, throttled and the largest age, by tenant). The current second's per-tenant largest
 * age (of messages taken, and of those still waiting) is sealed once per second into {@link #impactedSeconds}, and the
 * current second's ages by tenant are held in {@link TenantAgeHistograms}, so memory stays bounded whatever the run's
 * length.
 * Single writer: the simulation thread.
 */
public final class QueueStats {
    private static final long MAX_AGE_MICROS = 86_400_000_000L * 10;

    private final long warmupMicros;
    private long enqueued;
    private long processed;
    private long deadLettered;
    private long expired;
    private long throttled;
    private long emptyPolls;
    private long demoted;
    private long spilled;
    private final Moments age = new Moments();
    private final Histogram ageHistogram = new Histogram(MAX_AGE_MICROS, 2);
    private long ageMax;
    private long intervalAgeSum;
    private long intervalAgeCount;
    private int impactedLastSecond;
    private int backlog;
    private long backlogMax;
    private long backlogSince;
    private double backlogArea;
    private final long impactAgeMicros;
    /** By tenant, over the measured cohort. */
    final long[] tenantEnqueued;
    final long[] tenantProcessed;
    final long[] tenantExpired;
    final long[] tenantThrottled;
    final long[] tenantAgeMax;
    /** By tenant: seconds in which a message of the tenant was taken older than the impact age. */
    final int[] impactedSeconds;
    /** By tenant: the largest age taken in the current second (cleared when the second is sealed). */
    private final long[] secondAgeMax;
    /** By tenant: the ages of the messages taken in the current second (sealed by the lane sampler). */
    private final TenantAgeHistograms secondAges;

    /**
     * @param impactAgeMicros a tenant is impacted in a second when a message of it is taken older than this
     */
    public QueueStats(int tenants, long warmupMicros, long impactAgeMicros) {
        this.warmupMicros = warmupMicros;
        this.impactAgeMicros = impactAgeMicros;
        tenantEnqueued = new long[tenants];
        tenantProcessed = new long[tenants];
        tenantExpired = new long[tenants];
        tenantThrottled = new long[tenants];
        tenantAgeMax = new long[tenants];
        impactedSeconds = new int[tenants];
        secondAgeMax = new long[tenants];
        secondAges = new TenantAgeHistograms(tenants);
        backlogSince = warmupMicros;
    }

    private boolean cohort(long enqueuedMicros) {
        return enqueuedMicros >= warmupMicros;
    }

    /** A message of that tenant joined a lane now. */
    public void enqueued(int tenant, long now) {
        backlogChanged(now, 1);
        if (cohort(now)) {
            enqueued++;
            tenantEnqueued[tenant]++;
        }
    }

    /** A message of the cohort's (enqueued then) moved to its lane's low-priority queue. */
    public void demoted(long enqueuedMicros) {
        if (cohort(enqueuedMicros)) {
            demoted++;
        }
    }

    /** A message joining now spilled to the surge queue (it is also {@link #enqueued}). */
    public void spilled(long now) {
        if (cohort(now)) {
            spilled++;
        }
    }

    /** A producer's attempt was refused by backpressure now. */
    public void throttled(int tenant, long now) {
        if (cohort(now)) {
            throttled++;
            tenantThrottled[tenant]++;
        }
    }

    /** A poller took a message off its lane now (to process it, or to drop it). */
    public void left(long now) {
        backlogChanged(now, -1);
    }

    /** A retried message rejoined a lane now (it was counted when first enqueued). */
    public void rejoined(long now) {
        backlogChanged(now, 1);
    }

    /** A message taken now was too old and is dropped. */
    public void expired(int tenant, long enqueuedMicros) {
        if (cohort(enqueuedMicros)) {
            expired++;
            tenantExpired[tenant]++;
        }
    }

    /** A message taken now goes to the target; its age is its latency. */
    public void started(int tenant, long enqueuedMicros, long now) {
        long a = now - enqueuedMicros;
        intervalAgeSum += a;
        intervalAgeCount++;
        if (a > secondAgeMax[tenant]) {
            secondAgeMax[tenant] = a;
        }
        secondAges.add(tenant, a);
        if (cohort(enqueuedMicros)) {
            age.add(a);
            ageHistogram.recordValue(Math.min(a, MAX_AGE_MICROS));
            ageMax = Math.max(ageMax, a);
            tenantAgeMax[tenant] = Math.max(tenantAgeMax[tenant], a);
        }
    }

    /** The target answered a message's invocation: processed, or failed (to the dead-letter count). */
    public void finished(int tenant, long enqueuedMicros, boolean ok) {
        if (cohort(enqueuedMicros)) {
            if (ok) {
                processed++;
                tenantProcessed[tenant]++;
            } else {
                deadLettered++;
            }
        }
    }

    /** A poll found its lane empty now. */
    public void emptyPoll(long now) {
        if (now >= warmupMicros) {
            emptyPolls++;
        }
    }

    /** A message of the tenant is still waiting at the end of a second, this old (it counts as taken now). */
    public void waiting(int tenant, long ageMicros) {
        if (ageMicros > secondAgeMax[tenant]) {
            secondAgeMax[tenant] = ageMicros;
        }
    }

    /**
     * Closes a second of per-tenant ages (called once per simulated second, after {@link #waiting} for the messages
     * still in the lanes): a tenant is impacted in the second if a message of it was taken, or still waits, older
     * than the impact age.
     */
    public void sealSecond(long now) {
        boolean measuring = now > warmupMicros;
        int impacted = 0;
        for (int t = 0; t < secondAgeMax.length; t++) {
            if (secondAgeMax[t] > impactAgeMicros) {
                impacted++;
                if (measuring) {
                    impactedSeconds[t]++;
                }
            }
            secondAgeMax[t] = 0;
        }
        impactedLastSecond = impacted;
    }

    /** The ages of the messages taken in the current second, by tenant (sealed once per second). */
    public TenantAgeHistograms secondAges() {
        return secondAges;
    }

    /** Tenants impacted in the last sealed second. */
    public int impactedLastSecond() {
        return impactedLastSecond;
    }

    /**
     * The mean age (ms) of the messages taken since the previous call, NaN when none was; read once per metrics
     * interval, so each call starts the next interval's mean.
     */
    public double takeIntervalAgeMeanMillis() {
        double mean = intervalAgeCount == 0 ? Double.NaN : (double) intervalAgeSum / intervalAgeCount / 1000;
        intervalAgeSum = 0;
        intervalAgeCount = 0;
        return mean;
    }

    private void backlogChanged(long now, int delta) {
        if (now > backlogSince) {
            backlogArea += (double) backlog * (now - backlogSince);
            backlogSince = now;
        }
        backlog += delta;
        if (now >= warmupMicros && backlog > backlogMax) {
            backlogMax = backlog;
        }
    }

    /** Messages waiting in the lanes now. */
    public int backlog() {
        return backlog;
    }

    public int tenants() {
        return tenantEnqueued.length;
    }

    /** Seconds in which the tenant had a message taken older than the impact age. */
    public int impactedSeconds(int tenant) {
        return impactedSeconds[tenant];
    }

    /** The tenant's largest message age over the measured period (micros). */
    public long tenantAgeMaxMicros(int tenant) {
        return tenantAgeMax[tenant];
    }

    public long tenantEnqueued(int tenant) {
        return tenantEnqueued[tenant];
    }

    public long tenantProcessed(int tenant) {
        return tenantProcessed[tenant];
    }

    public long tenantExpired(int tenant) {
        return tenantExpired[tenant];
    }

    public long tenantThrottled(int tenant) {
        return tenantThrottled[tenant];
    }

    /** The summary at {@code endMicros}, with no message in retry. */
    public QueueSummary summary(long endMicros, long inQueue, long inService) {
        return summary(endMicros, inQueue, inService, 0);
    }

    /**
     * The summary at {@code endMicros}, with the cohort's messages still waiting, in service and in retry (waiting
     * out a retry delay) counted live.
     */
    public QueueSummary summary(long endMicros, long inQueue, long inService, long inRetry) {
        backlogChanged(endMicros, 0);
        double measured = Math.max(1, endMicros - warmupMicros);
        boolean any = ageHistogram.getTotalCount() > 0;
        return new QueueSummary(enqueued, processed, deadLettered, expired, throttled, inQueue, inService,
                age.meanMillis(), any ? ageHistogram.getValueAtPercentile(50) / 1000.0 : Double.NaN,
                any ? ageHistogram.getValueAtPercentile(99) / 1000.0 : Double.NaN,
                any ? ageMax / 1000.0 : Double.NaN, backlogArea / measured, backlogMax, emptyPolls, tenants(),
                tenantsImpacted(), demoted, spilled, age.stdDevMillis(), inRetry);
    }

    /** Tenants impacted in at least one measured second. */
    public int tenantsImpacted() {
        int n = 0;
        for (int s : impactedSeconds) {
            n += s > 0 ? 1 : 0;
        }
        return n;
    }
}
