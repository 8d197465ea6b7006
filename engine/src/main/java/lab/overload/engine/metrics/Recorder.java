package lab.overload.engine.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * Single-writer metrics recorder: components report events as they happen to their own section, a
 * {@link ClientMetrics} per client group and a {@link StageMetrics} per stage; {@link #seal} closes an interval into an
 * immutable {@link IntervalSnapshot}; {@link #summary} reports the measured period. Steady state allocates nothing
 * but the sealed snapshot.
 *
 * <p>The totals are made from the sections, so they add up exactly: requests, attempts, latency and queue wait are
 * the sums over the client groups (an attempt a stage sends onward belongs to no client and is counted only at the
 * stage it reaches); the work ledger is the sum over the stages (every worker-second anywhere); the levels (busy
 * workers, queue, requests in the system) are kept for the whole system, since their maxima do not add. The interval
 * latency percentiles are of all successes.
 *
 * <p>The recorder keeps the per-request and per-attempt calls and what they write; the seal ({@link IntervalSeal},
 * {@link SectionSeal}), the summary ({@link RunSummary}), the registered counters, gauges and samplers
 * ({@link Instruments}) and the per-second latency bookkeeping ({@link LatencySeconds}) are their own classes.
 *
 * <p>Thread rule: only the simulation thread calls it. Snapshots may be handed to any thread.
 */
public final class Recorder {
    private static final long MAX_LATENCY_MICROS = ClientMetrics.MAX_LATENCY_MICROS;

    final long warmupMicros;
    final Level busy;
    final Level queue;
    final Level inSystem;
    /** Workers busy with attempts whose client has already given up (their work can no longer help anyone). */
    final Level busyClientGone;
    /** Rejections in progress (the CPU cost of shedding). */
    final Level rejecting;
    /** The total worker capacity (for utilisation), integrated like the levels. */
    final WorkerTime workerTime;
    final List<ClientMetrics> clients = new ArrayList<>();
    final List<StageMetrics> stages = new ArrayList<>();
    /** The latencies of the interval's successes, for its percentiles. */
    final IntervalLatencies intervalLatencies = new IntervalLatencies();
    /**
     * Whether someone reads the interval snapshots, so the interval's success latencies are kept for their
     * percentiles (see {@link #readIntervals}). On for a recorder of its own; a world turns it off until it has an
     * interval listener.
     */
    private boolean readingIntervals = true;
    /** Latency of attempts served in this interval (see {@link #attemptServed}): sum and count. */
    private long servedSumMicros;
    private long servedCount;
    /** The sections' per-second latency histograms (made only while someone reads the snapshots). */
    final LatencySeconds latencySeconds = new LatencySeconds();
    final Instruments instruments = new Instruments();
    private final IntervalSeal intervalSeal = new IntervalSeal(this);

    public Recorder(long warmupMicros) {
        this.warmupMicros = warmupMicros;
        busy = new Level(warmupMicros);
        queue = new Level(warmupMicros);
        inSystem = new Level(warmupMicros);
        busyClientGone = new Level(warmupMicros);
        rejecting = new Level(warmupMicros);
        workerTime = new WorkerTime(warmupMicros);
    }

    /** One client group calling its only stage (see {@link SoleSections}). */
    boolean isSole() {
        return stages.size() == 1 && stages.get(0).sole && clients.size() == 1;
    }

    /** The section of a new client group (in the order of the scenario). */
    public ClientMetrics client(String name) {
        ClientMetrics c = new ClientMetrics(name, clients.size(), warmupMicros);
        boolean soleStage = stages.size() == 1 && stages.get(0).sole;
        c.latencies = soleStage ? null : latencySeconds.section();
        clients.add(c);
        intervalSeal.sections().clientsRegistered(clients);
        return c;
    }

    /**
     * The section of a new stage of the given kind ({@code "service"}, ...). {@code alone}: it is the scenario's only
     * stage, so its levels are the totals' (no second update per change).
     */
    public StageMetrics stage(String name, String kind, boolean alone, boolean sole) {
        if ((alone || sole) && !stages.isEmpty() || sole && !alone) {
            throw new IllegalStateException("stage " + name + " is not alone");
        }
        StageMetrics s = new StageMetrics(name, kind, stages.size(), warmupMicros, this, alone, sole);
        s.latencies = sole ? null : latencySeconds.section();
        if (sole) {
            clients.forEach(c -> c.latencies = null); // built from the totals' latencies (see SectionLatencies)
        }
        stages.add(s);
        intervalSeal.sections().stagesRegistered(stages);
        return s;
    }

    /** A new named counter of policy events, reported per interval and over the measured period. */
    public Counter counter(String name) {
        return instruments.counter(name);
    }

    /** A queue's lanes, sampled when each interval is sealed (into {@link IntervalSnapshot#lanes()}). */
    public void lanes(String queue, Supplier<LaneInterval> sampler) {
        instruments.lanes(queue, sampler);
    }

    /**
     * The account's sandboxes, sampled when each interval is sealed (into {@link IntervalSnapshot#platform()}), and
     * the summary's {@code platform} block made at an end time.
     */
    public void platform(Supplier<PlatformInterval> sampler, LongFunction<Map<String, Object>> summaryBlock) {
        instruments.platform(sampler, summaryBlock);
    }

    /** A named policy state (tokens, a limit, a breaker state) sampled when each interval is sealed. */
    public void gauge(String name, DoubleSupplier value) {
        instruments.gauge(name, value);
    }

    /** Measured-period totals of every counter, by name. */
    public Map<String, Long> counterTotals() {
        return instruments.counterTotals();
    }

    public boolean measuring(long nowMicros) {
        return nowMicros >= warmupMicros;
    }

    /**
     * A request of {@code client} ended; {@code timeMicros} is from its arrival to now (its latency when it
     * succeeded).
     */
    public void requestEnded(ClientMetrics client, RequestOutcome outcome, long timeMicros, boolean measured,
                             long nowMicros) {
        if (outcome == RequestOutcome.SUCCEEDED) {
            if (readingIntervals) {
                intervalLatencies.record(Math.min(timeMicros, MAX_LATENCY_MICROS));
            }
            if (client.latencies != null) {
                client.latencies.record(timeMicros, nowMicros);
            }
        }
        client.requestEnded(outcome, timeMicros, measured, nowMicros);
    }

    /**
     * A stage finished an attempt a client group sent (completed useful, wasted or with an error), {@code micros}
     * after the client sent it: the attempt's latency at the server, queue wait included. The interval's mean of
     * these is what the latency chart shows when no request succeeds (during a collapse every success is gone, but
     * the server still answers, late).
     */
    public void attemptServed(long micros) {
        servedSumMicros += micros;
        servedCount++;
    }

    public void inSystemChanged(long nowMicros, int delta) {
        inSystem.add(nowMicros, delta);
    }

    /** A stage's worker capacity changed by {@code delta}: the total (for utilisation), integrated like the levels. */
    void addWorkers(long nowMicros, long delta) {
        workerTime.add(nowMicros, delta);
    }

    /**
     * Sets the total worker capacity now. The stages keep it in step themselves ({@link StageMetrics#setWorkers}),
     * so this only confirms the same total.
     */
    public void setWorkers(long nowMicros, long totalWorkers) {
        workerTime.set(nowMicros, totalWorkers);
    }

    /**
     * Whether the interval snapshots are read from now on: when they are, the interval's success latencies are kept
     * for its percentiles and the sections' per-second latency histograms are made ({@link #secondLatencies}); when
     * not, neither.
     */
    public void readIntervals(boolean on) {
        readingIntervals = on;
        if (!on) {
            intervalLatencies.clear();
        }
        secondLatencies(on);
    }

    /**
     * Whether a seal is only bookkeeping: nothing is registered that a seal reads or moves (no policy counter or gauge,
     * no lanes, no platform) and no client group keeps per-tenant tables. A world whose snapshots nobody reads may then
     * seal less often; the summary is the same.
     */
    public boolean sealIsBookkeeping() {
        if (!instruments.isEmpty()) {
            return false;
        }
        for (int i = 0; i < clients.size(); i++) {
            if (clients.get(i).tenants != null) {
                return false;
            }
        }
        return true;
    }

    /**
     * Makes the per-second latency histograms of every section from now on ({@link IntervalSnapshot#latencies()}), or
     * stops making them: they are made only for someone who reads the interval snapshots (a run whose snapshots go
     * nowhere, a sweep or a benchmark, pays nothing for them).
     */
    public void secondLatencies(boolean on) {
        latencySeconds.enable(on, clients, stages);
    }

    /** Closes the interval ending now; {@code oldestQueuedAgeMicros} is measured by the caller (-1 if empty). */
    public IntervalSnapshot seal(long nowMicros, long oldestQueuedAgeMicros) {
        IntervalSnapshot s = intervalSeal.seal(nowMicros, oldestQueuedAgeMicros, servedSumMicros, servedCount);
        servedSumMicros = 0;
        servedCount = 0;
        return s;
    }

    /**
     * Closes the span of {@code intervals} intervals ending now without building a snapshot, for a run whose snapshots
     * nobody reads: the summary, and every snapshot sealed later, are the same as after {@link #seal} (the snapshot
     * index moves on by as many intervals).
     */
    public void sealUnread(long nowMicros, int intervals) {
        intervalSeal.sealUnread(nowMicros, intervals);
        servedSumMicros = 0;
        servedCount = 0;
    }

    /**
     * The measured-period summary at {@code endMicros}, given the cohort's requests and attempts still in flight, by
     * client group and by stage (in the order they were registered).
     */
    public Summary summary(String scenario, long seed, long endMicros, long[] requestsInFlightByClient,
                           long[] attemptsInFlightByClient, long[] attemptsInFlightByStage) {
        return RunSummary.of(this, scenario, seed, endMicros, requestsInFlightByClient, attemptsInFlightByClient,
                attemptsInFlightByStage);
    }
}
