package lab.overload.engine.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

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
 * <p>Thread rule: only the simulation thread calls it. Snapshots may be handed to any thread.
 */
public final class Recorder {
    private static final long MAX_LATENCY_MICROS = ClientMetrics.MAX_LATENCY_MICROS;

    private final long warmupMicros;
    final Level busy;
    final Level queue;
    private final Level inSystem;
    /** Workers busy with attempts whose client has already given up (their work can no longer help anyone). */
    final Level busyClientGone;
    /** Rejections in progress (the CPU cost of shedding). */
    final Level rejecting;
    private long workers;
    private final List<ClientMetrics> clients = new ArrayList<>();
    private final List<StageMetrics> stages = new ArrayList<>();
    /** Names of the sections in registration order (immutable lists, shared by every snapshot). */
    private List<String> clientNames = List.of();
    private List<String> stageNames = List.of();
    /** The sections of a scenario with one client group calling its only stage (made at the first seal). */
    private SoleSections sole;

    private boolean isSole() {
        return stages.size() == 1 && stages.get(0).sole && clients.size() == 1;
    }

    /** Builds a stage's interval section from its row (made once, when the stages are registered). */
    private SectionView.Decoder<StageInterval> stageDecoder;

    private int intervalIndex;
    private long intervalStart;
    /** Latency of attempts served in this interval (see {@link #attemptServed}): sum and count. */
    private long servedSumMicros;
    private long servedCount;
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
    private double sWorkerMicros;
    /** Sums over the sections at a seal (reused: a seal allocates only what it hands out). */
    private final long[] scratchClientRow = new long[ClientMetrics.ROW];
    private final long[] scratchWork = new long[WorkClass.values().length];
    private static final SectionView.Decoder<ClientInterval> CLIENT_DECODER =
        (i, name, longs, at, doubles, doublesAt) -> ClientMetrics.decode(name, longs, at);

    private final java.util.List<Counter> counters = new java.util.ArrayList<>();
    private final java.util.List<String> gaugeNames = new java.util.ArrayList<>();
    private final java.util.List<java.util.function.DoubleSupplier> gauges = new java.util.ArrayList<>();

    /** The section of a new client group (in the order of the scenario). */
    public ClientMetrics client(String name) {
        ClientMetrics c = new ClientMetrics(name, clients.size(), warmupMicros);
        boolean soleStage = stages.size() == 1 && stages.get(0).sole;
        c.latencies = soleStage ? null : latencySeconds.section();
        clients.add(c);
        clientNames = clients.stream().map(x -> x.name).toList();
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
        stageNames = stages.stream().map(x -> x.name).toList();
        List<String> kinds = stages.stream().map(x -> x.kind).toList();
        stageDecoder = (i, n, longs, at, doubles, doublesAt) -> StageMetrics.decode(n, kinds.get(i), longs, at,
                doubles, doublesAt);
        return s;
    }

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

    private final java.util.List<String> laneNames = new java.util.ArrayList<>();
    private final java.util.List<java.util.function.Supplier<LaneInterval>> laneSamplers = new java.util.ArrayList<>();

    /** A queue's lanes, sampled when each interval is sealed (into {@link IntervalSnapshot#lanes()}). */
    public void lanes(String queue, java.util.function.Supplier<LaneInterval> sampler) {
        laneNames.add(queue);
        laneSamplers.add(sampler);
    }

    private java.util.Map<String, LaneInterval> sealLanes() {
        if (laneNames.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<String, LaneInterval> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < laneNames.size(); i++) {
            out.put(laneNames.get(i), laneSamplers.get(i).get());
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private java.util.function.Supplier<PlatformInterval> platformSampler = () -> PlatformInterval.NONE;
    private java.util.function.LongFunction<Map<String, Object>> platformSummary = end -> Map.of();

    /**
     * The account's sandboxes, sampled when each interval is sealed (into {@link IntervalSnapshot#platform()}), and
     * the summary's {@code platform} block made at an end time.
     */
    public void platform(java.util.function.Supplier<PlatformInterval> sampler,
                         java.util.function.LongFunction<Map<String, Object>> summaryBlock) {
        platformSampler = sampler;
        platformSummary = summaryBlock;
    }

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

    /**
     * A request of {@code client} ended; {@code timeMicros} is from its arrival to now (its latency when it
     * succeeded).
     */
    public void requestEnded(ClientMetrics client, RequestOutcome outcome, long timeMicros, boolean measured,
                             long nowMicros) {
        if (outcome == RequestOutcome.SUCCEEDED) {
            recordIntervalLatency(Math.min(timeMicros, MAX_LATENCY_MICROS));
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
        advanceWorkers(nowMicros);
        workers += delta;
    }

    /**
     * Sets the total worker capacity now. The stages keep it in step themselves ({@link StageMetrics#setWorkers}),
     * so this only confirms the same total.
     */
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
        sealSections(nowMicros, span);
        long[] t = scratchClientRow;
        long[] w = scratchWork;
        int rq = ClientMetrics.REQUESTS_BY_OUTCOME;
        int at = ClientMetrics.ATTEMPTS_BY_OUTCOME;
        long succ = t[rq + RequestOutcome.SUCCEEDED.ordinal()];
        long waitCount = t[ClientMetrics.WAIT_COUNT];
        long requestEnded = t[ClientMetrics.REQUESTS_ENDED];
        IntervalSnapshot s = new IntervalSnapshot(intervalIndex, intervalStart, nowMicros,
                t[ClientMetrics.OFFERED], t[ClientMetrics.ATTEMPTS], t[ClientMetrics.RETRIES],
                succ, t[rq + RequestOutcome.FAILED_TIMEOUT.ordinal()], t[rq + RequestOutcome.FAILED_REJECTED.ordinal()],
                t[rq + RequestOutcome.FAILED_ERROR.ordinal()], t[rq + RequestOutcome.EXPIRED.ordinal()],
                t[at + AttemptOutcome.COMPLETED_USEFUL.ordinal()], t[at + AttemptOutcome.COMPLETED_WASTED.ordinal()],
                t[at + AttemptOutcome.COMPLETED_ERROR.ordinal()], t[at + AttemptOutcome.SHED.ordinal()],
                t[at + AttemptOutcome.THROTTLED.ordinal()], t[at + AttemptOutcome.ABANDONED_BY_SERVER.ordinal()],
                succ == 0 ? Double.NaN : (double) t[ClientMetrics.LATENCY_SUM] / succ / 1000,
                intervalPct(50), intervalPct(90), intervalPct(99), intervalPct(99.9),
                waitCount == 0 ? Double.NaN : (double) t[ClientMetrics.WAIT_SUM] / waitCount / 1000,
                servedCount == 0 ? Double.NaN : (double) servedSumMicros / servedCount / 1000,
                busy.intervalArea / span, busy.intervalMax, queue.intervalArea / span, queue.intervalMax,
                oldestQueuedAgeMicros < 0 ? 0 : oldestQueuedAgeMicros / 1000.0,
                inSystem.intervalArea / span, workers,
                intervalWorkerMicros == 0 ? 0 : busy.intervalArea / intervalWorkerMicros,
                w[WorkClass.USEFUL.ordinal()] / 1e6, w[WorkClass.WASTED.ordinal()] / 1e6,
                w[WorkClass.REJECTION.ordinal()] / 1e6, w[WorkClass.ABANDONED.ordinal()] / 1e6,
                w[WorkClass.INIT.ordinal()] / 1e6,
                requestEnded == 0 ? Double.NaN : (double) t[ClientMetrics.REQUEST_TIME_SUM] / requestEnded / 1000,
                (busy.intervalArea - busyClientGone.intervalArea) / span, busyClientGone.intervalArea / span,
                rejecting.intervalArea / span, policySnapshot(), counterNames,
                sealedClients, sealedStages, sealLanes(), platformSampler.get(), sealTenants(nowMicros),
                sealedLatencies);
        sealedClients = null;
        sealedStages = null;
        intervalIndex++;
        intervalStart = nowMicros;
        servedSumMicros = 0;
        servedCount = 0;
        if (intervalInHistogram) {
            intervalLatency.reset();
            intervalInHistogram = false;
        }
        intervalCount = 0;
        intervalSorted = false;
        intervalWorkerMicros = 0;
        busy.resetInterval(nowMicros);
        queue.resetInterval(nowMicros);
        inSystem.resetInterval(nowMicros);
        busyClientGone.resetInterval(nowMicros);
        rejecting.resetInterval(nowMicros);
        return s;
    }

    /** The per-second top-tenant tables sealed by now, by client group (groups with one tenant have none). */
    private Map<String, List<TenantTopTable>> sealTenants(long nowMicros) {
        Map<String, List<TenantTopTable>> out = null;
        for (ClientMetrics c : clients) {
            if (c.tenants != null) {
                if (out == null) {
                    out = new LinkedHashMap<>();
                }
                out.put(c.name, c.tenants.drain(nowMicros));
            }
        }
        return out == null ? Map.of() : Collections.unmodifiableMap(out);
    }

    /** The sections' per-second latency histograms (made only while someone reads the snapshots). */
    private final LatencySeconds latencySeconds = new LatencySeconds();

    /**
     * Makes the per-second latency histograms of every section from now on ({@link IntervalSnapshot#latencies()}), or
     * stops making them: they are made only for someone who reads the interval snapshots (a run whose snapshots go
     * nowhere, a sweep or a benchmark, pays nothing for them).
     */
    public void secondLatencies(boolean on) {
        latencySeconds.enable(on, clients, stages);
    }

    /** The sections of the interval being sealed (set by {@link #sealSections}, handed to the snapshot). */
    private SectionLatencies sealedLatencies;
    private Map<String, ClientInterval> sealedClients;
    private Map<String, StageInterval> sealedStages;

    /**
     * Seals every section's interval: sets {@link #sealedClients} and {@link #sealedStages}, and the totals of the
     * client rows into {@link #scratchClientRow} and of the stages' work into {@link #scratchWork}. (Kept out of
     * {@link #seal} so that the JIT still inlines the interval percentiles there.)
     */
    private void sealSections(long nowMicros, double span) {
        long[] t = scratchClientRow;
        long[] w = scratchWork;
        if (isSole()) {
            // one client group calling its only stage: the sections are the totals (built from the snapshot)
            StageMetrics st = stages.get(0);
            if (sole == null) {
                sole = new SoleSections(clients.get(0).name, st.name, st.kind);
            }
            clients.get(0).sealInto(t, 0);
            latencySeconds.feedSole(intervalValues, intervalCount, intervalInHistogram ? intervalLatency : null,
                    nowMicros);
            st.closeLevels(nowMicros);
            st.sealWork(w);
            sealedClients = sole.clients;
            sealedStages = sole.stages;
            sealedLatencies = latencySeconds.sealSole(clientNames.get(0), stageNames.get(0), nowMicros);
            return;
        }
        int clientCount = clients.size();
        int stageCount = stages.size();
        int stagesAt = clientCount * ClientMetrics.ROW;
        long[] rows = new long[stagesAt + stageCount * StageMetrics.ROW];
        double[] stageDoubles = new double[stageCount * StageMetrics.DOUBLE_ROW];
        for (int i = 0; i < clientCount; i++) {
            clients.get(i).sealInto(rows, i * ClientMetrics.ROW);
        }
        for (int i = 0; i < stageCount; i++) {
            StageMetrics st = stages.get(i);
            st.closeLevels(nowMicros);
            st.sealInto(span, rows, stagesAt + i * StageMetrics.ROW, stageDoubles, i * StageMetrics.DOUBLE_ROW);
            st.resetLevels(nowMicros);
        }
        java.util.Arrays.fill(t, 0);
        for (int i = 0; i < clientCount; i++) {
            for (int k = 0; k < ClientMetrics.ROW; k++) {
                t[k] += rows[i * ClientMetrics.ROW + k];
            }
        }
        java.util.Arrays.fill(w, 0);
        for (int i = 0; i < stageCount; i++) {
            for (int k = 0; k < w.length; k++) {
                w[k] += rows[stagesAt + i * StageMetrics.ROW + StageMetrics.WORK_BY_CLASS + k];
            }
        }
        sealedClients = new SectionView<>(clientNames, 0, rows, ClientMetrics.ROW, null, 0, CLIENT_DECODER);
        sealedStages = new SectionView<>(stageNames, stagesAt, rows, StageMetrics.ROW, stageDoubles,
                StageMetrics.DOUBLE_ROW, stageDecoder);
        sealedLatencies = latencySeconds.seal(clients, stages, nowMicros);
    }

    private static void add(long[] into, long[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
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
        return LatencyStats.pct(h, p);
    }

    /**
     * The measured-period summary at {@code endMicros}, given the cohort's requests and attempts still in flight, by
     * client group and by stage (in the order they were registered).
     */
    public Summary summary(String scenario, long seed, long endMicros, long[] requestsInFlightByClient,
                           long[] attemptsInFlightByClient, long[] attemptsInFlightByStage) {
        advanceWorkers(endMicros);
        double busyArea = busy.summaryArea(endMicros);
        double measured = Math.max(1, endMicros - warmupMicros);
        double seconds = measured / 1e6;
        Map<String, ClientSummary> byClient = new LinkedHashMap<>();
        long requests = 0;
        long attempts = 0;
        long retries = 0;
        long reqInFlight = 0;
        long attInFlight = 0;
        long[] reqOut = new long[RequestOutcome.values().length];
        long[] attOut = new long[AttemptOutcome.values().length];
        Moments latency = new Moments();
        Moments wait = new Moments();
        Histogram histogram = clients.size() == 1 ? clients.get(0).sLatencyHistogram
                : new Histogram(MAX_LATENCY_MICROS, 3);
        long latencyMax = 0;
        long requestTimeSum = 0;
        long requestsEnded = 0;
        long completedInWindow = 0;
        long succeededInWindow = 0;
        for (ClientMetrics c : clients) {
            byClient.put(c.name, c.summary(seconds, requestsInFlightByClient[c.index],
                    attemptsInFlightByClient[c.index]));
            requests += c.sRequests;
            attempts += c.sAttempts;
            retries += c.sRetries;
            reqInFlight += requestsInFlightByClient[c.index];
            attInFlight += attemptsInFlightByClient[c.index];
            add(reqOut, c.sReqOut);
            add(attOut, c.sAttOut);
            latency.addAll(c.sLatency);
            wait.addAll(c.sWait);
            if (histogram != c.sLatencyHistogram) {
                histogram.add(c.sLatencyHistogram);
            }
            latencyMax = Math.max(latencyMax, c.sLatencyMax);
            requestTimeSum += c.sRequestTimeSum;
            requestsEnded += c.sRequestEnded;
            completedInWindow += c.sCompletedInWindow;
            succeededInWindow += c.sSucceededInWindow;
        }
        Map<String, StageSummary> byStage = new LinkedHashMap<>();
        long[] work = new long[WorkClass.values().length];
        for (StageMetrics st : stages) {
            byStage.put(st.name, st.summary(endMicros, measured, attemptsInFlightByStage[st.index],
                    st.sole ? clients.get(0) : null));
            add(work, st.sWork);
        }
        RequestCounts req = RequestCounts.of(requests, reqOut, reqInFlight);
        AttemptCounts att = AttemptCounts.of(attempts, retries, attOut, attInFlight);
        LatencyStats lat = LatencyStats.of(latency, histogram, latencyMax);
        WorkLedger ledger = WorkLedger.ofMicros(work);
        return new Summary(scenario, seed, seconds, req.total(), req.succeeded(), req.failedTimeout(),
                req.failedRejected(), req.failedError(), req.expired(), req.inFlight(),
                att.total(), att.retries(), att.completedUseful(), att.completedWasted(), att.completedError(),
                att.shed(), att.throttled(), att.abandonedByServer(), att.inFlight(),
                lat.mean(), lat.stdDev(), lat.p50(), lat.p90(), lat.p99(), lat.p999(), lat.max(),
                wait.meanMillis(), wait.stdDevMillis(),
                busyArea / measured, busy.summaryMax(endMicros), queue.summaryArea(endMicros) / measured,
                queue.summaryMax(endMicros),
                sWorkerMicros == 0 ? 0 : busyArea / sWorkerMicros,
                ledger.useful(), ledger.wasted(), ledger.rejection(), ledger.abandoned(), ledger.init(),
                inSystem.summaryArea(endMicros) / measured,
                requestsEnded == 0 ? Double.NaN : (double) requestTimeSum / requestsEnded / 1000, requestsEnded,
                completedInWindow / seconds, succeededInWindow / seconds,
                Collections.unmodifiableMap(byClient), Collections.unmodifiableMap(byStage),
                platformSummary.apply(endMicros));
    }
}
