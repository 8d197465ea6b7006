package lab.overload.engine.component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import lab.overload.engine.component.async.LaneChoice;
import lab.overload.engine.component.async.QueueStats;
import lab.overload.engine.component.async.QueueSummary;
import lab.overload.engine.core.EventHandler;
import lab.overload.engine.core.Phase;
import lab.overload.engine.core.RandomStreams;
import lab.overload.engine.core.Simulation;
import lab.overload.engine.core.ThreadGuard;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.engine.metrics.Recorder;
import lab.overload.engine.metrics.Summary;
import lab.overload.engine.operate.ReportLog;
import lab.overload.engine.operate.TraceSampler;
import lab.overload.models.scenario.ClientSpec;
import lab.overload.models.scenario.FieldDef;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.scenario.Section;

/**
 * A scenario brought to life: the simulation core, the client groups and services built from the scenario, the
 * metrics recorder, the interval clock and the scenario's timeline. Every parameter change, from a slider, the
 * timeline, {@code --set} or a replayed recording, goes through {@link #apply(String, String)}.
 *
 * <p>Thread rule: owned by one thread (a runner's); only immutable snapshots and summaries leave it.
 */
public final class World extends EventHandler {
    private static final int SEAL = 0;
    /**
     * Intervals between two seals while nobody reads the snapshots and a seal is only bookkeeping
     * ({@link Recorder#sealIsBookkeeping}): the summary does not depend on where intervals end, and sealing every 10 s
     * instead of every 100 ms saves the events (M/M/10 has about nine requests per interval).
     */
    public static final int SPARSE_SEAL_INTERVALS = 100;

    final Simulation sim = new Simulation();
    final RandomStreams streams;
    final Recorder recorder;
    final Pool<Request> requests = new Pool<>(Request::new, (r, s) -> r.slot = s);
    final Pool<Attempt> attempts = new Pool<>(Attempt::new, (a, s) -> a.slot = s);
    private final Map<String, ClientGroup> clients = new LinkedHashMap<>();
    /** The scenario's stages, built and connected. */
    private final StageGraph graph;
    /** The component each parameter path's owner ({@code clients.web}, {@code services.api}) names. */
    private final Map<String, Reconfigurable> owners = new LinkedHashMap<>();
    private final int handlerId;
    private final long intervalMicros;
    private Scenario scenario;
    private final Timeline timeline;
    /** Receives the sealed intervals; null while nobody reads them (then no snapshot is built). */
    private Consumer<IntervalSnapshot> listener;
    /** The current seal event's generation (a seal rescheduled when a listener arrives makes the old one stale). */
    private long sealGeneration;
    private long lastSealMicros;
    /** The next seal closes a span nobody reads (the one in which a listener arrived): no snapshot for it. */
    private boolean nextSealUnread;
    private final List<AppliedChange> changes = new ArrayList<>();
    /** The traces of requests: a listener's and the sampled ones. */
    final Traces traces;
    /** Whether {@link #traces} has anyone to tell (read at every traced step, so kept here). */
    private boolean traceOn;
    /** REPORT lines of function invocations (null unless asked for). */
    ReportLog reports;
    private long requestIds;

    /** A parameter change as applied, at the sim time it took effect. */
    public record AppliedChange(long atMicros, String path, String value, String source) {
    }

    public World(Scenario scenario) {
        ThreadGuard.checkNotUiThread();
        this.scenario = scenario;
        this.streams = new RandomStreams(scenario.seed());
        this.recorder = new Recorder(scenario.warmupMicros());
        recorder.readIntervals(false);
        this.traces = new Traces(sim, scenario.seed(), this::placementMicros);
        this.handlerId = sim.register(this);
        this.intervalMicros = scenario.intervalMillis() * 1000L;
        this.graph = new StageGraph(this, scenario);
        for (ClientSpec c : scenario.clients()) {
            clients.put(c.name(), new ClientGroup(this, c,
                    graph.stage(c.target(), "clients." + c.name() + ".target")));
        }
        graph.addOwners(scenario, owners);
        clients.forEach((name, c) -> owners.put(Section.CLIENTS.owner(name), c));
        recorder.setWorkers(0, graph.totalWorkers());
        for (ClientGroup c : clients.values()) {
            c.start(0);
        }
        sim.schedule(intervalMicros, Phase.SEAL, handlerId, SEAL, 0, sealGeneration);
        timeline = new Timeline(this, handlerId, intervalMicros, scenario.timeline());
    }

    /** A function's platform metrics now (measured period); throws naming the function when there is none. */
    public FunctionStats functionStats(String name) {
        Function f = graph.functions.get(name);
        if (f == null) {
            throw new IllegalArgumentException("no function named '" + name + "' (" + graph.functions.keySet() + ")");
        }
        return f.stats(sim.nowMicros());
    }

    public Scenario scenario() {
        return scenario;
    }

    public long nowMicros() {
        return sim.nowMicros();
    }

    public long eventsProcessed() {
        return sim.eventsProcessed();
    }

    public Simulation simulation() {
        return sim;
    }

    /**
     * Receives every sealed interval, on the simulation thread (with the sections' per-second latencies). Until a
     * listener is set, intervals are closed without building their snapshots, and while a seal is only bookkeeping
     * they are closed every {@value #SPARSE_SEAL_INTERVALS} intervals; the summary is the same either way. Set before
     * the run, the listener receives every interval; set part-way through a run, every whole interval from the next
     * interval boundary on (the snapshots a listener set at the start receives from there).
     */
    public void onInterval(Consumer<IntervalSnapshot> intervalListener) {
        this.listener = java.util.Objects.requireNonNull(intervalListener, "intervalListener");
        recorder.readIntervals(true);
        long now = sim.nowMicros();
        if (now > 0 || lastSealMicros > 0) {
            // the span since the last seal was not (fully) recorded: close it unread at the next boundary
            long boundary = Math.max(lastSealMicros + intervalMicros, (now + intervalMicros - 1) / intervalMicros
                    * intervalMicros);
            nextSealUnread = true;
            sim.schedule(boundary, Phase.SEAL, handlerId, SEAL, 0, ++sealGeneration);
        }
    }

    /** Receives a trace line for every step of every request (slow; for tests and sampled traces). */
    public void onTrace(Consumer<TraceEvent> traceListener) {
        onTrace(traceListener, Long.MAX_VALUE);
    }

    /** Receives the trace lines of the requests numbered 1 to {@code lastRequestId} (in arrival order) only. */
    public void onTrace(Consumer<TraceEvent> traceListener, long lastRequestId) {
        traces.listen(traceListener, lastRequestId);
        traceOn = traces.on();
    }

    /**
     * Traces a share of the requests from now on (0 stops; in [0, 1]), keeping the latest {@code capacity} finished
     * traces ({@link TraceSampler}). Reads the run only: no number of the run changes. At 0 the engine pays one
     * branch per traced step, as with no sampler.
     */
    public void sampleTraces(double rate, int capacity) {
        traces.sample(rate, capacity, requestIds);
        traceOn = traces.on();
    }

    /** The trace sampler, or null when traces were never asked for. */
    public TraceSampler traceSampler() {
        return traces.sampler;
    }

    /** Records a REPORT line for every function invocation from now on, the latest {@code capacity} kept. */
    public void recordReports(int capacity) {
        if (reports == null) {
            reports = new ReportLog(capacity);
        }
    }

    /** The REPORT lines, or null when they were never asked for. */
    public ReportLog reportLog() {
        return reports;
    }

    boolean tracing() {
        return traceOn;
    }

    /** The placement time a cold start takes now (0 without functions). */
    long placementMicros() {
        return graph.platform == null ? 0 : Math.round(graph.platform.spec.placementMillis() * 1000);
    }

    /** The changes applied so far (timeline and user), in order. */
    public List<AppliedChange> appliedChanges() {
        return List.copyOf(changes);
    }

    public void runUntil(long micros) {
        ThreadGuard.checkNotUiThread();
        sim.runUntil(micros);
    }

    /**
     * Applies a parameter change now: validates it by building the changed scenario, then reconfigures the one
     * component it touches. Throws IllegalArgumentException naming the path and range; nothing changes then.
     */
    public void apply(String path, String value) {
        apply(path, value, "user");
    }

    /** Applies a change from a source ({@code user}, {@code timeline}) now. */
    void apply(String path, String value, String source) {
        ThreadGuard.checkNotUiThread();
        install(ParameterPaths.with(scenario, path, value), path, source);
    }

    /** Applies a numeric encoding exactly (ramps and restores must not lose digits to text). */
    void apply(String path, double encoded, String source) {
        install(ParameterPaths.with(scenario, path, encoded), path, source);
    }

    private void install(Scenario next, String path, String source) {
        FieldDef def = ParameterPaths.def(scenario, path);
        if (!def.live()) {
            throw new IllegalArgumentException(path + " cannot change while running; restart with the new value");
        }
        scenario = next;
        long now = sim.nowMicros();
        Reconfigurable owner = owners.get(ParameterPaths.owner(next, path));
        owner.reconfigure(next, now);
        if (owner instanceof Service || owner instanceof Function || owner instanceof Platform) {
            recorder.setWorkers(now, graph.totalWorkers());
        }
        changes.add(new AppliedChange(now, path, def.display(ParameterPaths.get(next, path)), source));
    }

    @Override
    public void handle(int type, int a, long b) {
        long now = sim.nowMicros();
        switch (type) {
            case SEAL -> seal(b, now);
            case Timeline.STEP -> timeline.step(a, (int) b, now);
            case Timeline.RESTORE -> timeline.restore(a);
            default -> throw new IllegalStateException("event type " + type);
        }
    }

    /**
     * The seal of the interval (or span of intervals) ending now: a snapshot for the listener, or closed unread; then
     * the next seal, one interval on, or {@value #SPARSE_SEAL_INTERVALS} while nobody reads and a seal is only
     * bookkeeping. A seal of an earlier generation (rescheduled since) does nothing.
     */
    private void seal(long generation, long now) {
        if (generation != sealGeneration) {
            return;
        }
        if (traces.sampler != null) {
            traces.sampler.expire(now);
        }
        int intervals = (int) ((now - lastSealMicros) / intervalMicros);
        lastSealMicros = now;
        if (listener == null || nextSealUnread) {
            nextSealUnread = false;
            recorder.sealUnread(now, intervals);
        } else {
            long oldest = graph.oldestQueuedMicros();
            listener.accept(recorder.seal(now, oldest < 0 ? -1 : now - oldest));
        }
        int next = listener == null && traces.sampler == null && recorder.sealIsBookkeeping() ? SPARSE_SEAL_INTERVALS
                : 1;
        sim.schedule(now + next * intervalMicros, Phase.SEAL, handlerId, SEAL, 0, sealGeneration);
    }

    Request takeRequest() {
        Request r = requests.take();
        r.inUse = true;
        r.id = ++requestIds;
        if (traces.sampler != null) { // without one, no request is ever marked sampled
            r.sampled = traces.sampler.sampled(r.id);
        }
        return r;
    }

    Attempt takeAttempt() {
        Attempt a = attempts.take();
        a.inUse = true;
        a.clientDone = false;
        a.serverDone = false;
        a.state = Attempt.NEW;
        a.host = null;
        a.onward = false;
        a.priorityClass = 0;
        return a;
    }

    void releaseRequest(Request r) {
        r.inUse = false;
        r.gen++;
        r.current = null;
        r.client = null;
        requests.release(r.slot);
    }

    /** Frees an attempt once both the client and the server are done with it. */
    void releaseAttemptIfDone(Attempt a) {
        if (a.inUse && a.clientDone && a.serverDone) {
            a.inUse = false;
            a.gen++;
            a.request = null;
            attempts.release(a.slot);
        }
    }

    /**
     * The measured-period summary now. Requests and attempts still in flight are counted from the live objects, not
     * derived from the other counts, so {@link Summary#checkConservation()} is a real check.
     */
    public Summary summary() {
        long[] reqInFlight = new long[clients.size()];
        for (Request r : requests.all()) {
            if (r.inUse && r.measured) {
                reqInFlight[r.client.metrics.index()]++;
            }
        }
        long[] attInFlight = new long[clients.size()];
        long[] stageInFlight = new long[graph.stages.size()];
        for (Attempt at : attempts.all()) {
            if (at.inUse && at.measured && !at.serverDone) {
                if (at.clientMetrics != null) {
                    attInFlight[at.clientMetrics.index()]++;
                }
                stageInFlight[at.stageMetrics.index()]++;
            }
        }
        return recorder.summary(scenario.name(), scenario.seed(), sim.nowMicros(), reqInFlight, attInFlight,
                stageInFlight);
    }

    /**
     * Each queue's messages over the measured period, by name in the scenario's order; the messages still waiting and
     * in service are counted from the lanes and pollers, so {@link QueueSummary#checkConservation} is a real check.
     */
    public Map<String, QueueSummary> queueSummaries() {
        Map<String, QueueSummary> out = new LinkedHashMap<>();
        for (QueueStage q : graph.queues.values()) {
            out.put(q.spec.name(), q.summary(sim.nowMicros()));
        }
        return out;
    }

    /** A queue's record (per-tenant tables included), or null when the scenario has no queue of that name. */
    public QueueStats queueStats(String name) {
        QueueStage q = graph.queues.get(name);
        return q == null ? null : q.stats;
    }

    /** A queue's lane choice (its hands), or null when the scenario has no queue of that name. */
    public LaneChoice laneChoice(String name) {
        QueueStage q = graph.queues.get(name);
        return q == null ? null : q.choice;
    }

    /** The service of that name, or null (for the package's tests). */
    Service service(String name) {
        return graph.services.get(name);
    }

    /** Busy workers over all hosts (for tests and status). */
    public int busyWorkers() {
        return graph.busyWorkers();
    }

    /** Queued attempts over all hosts. */
    public int queuedAttempts() {
        return graph.queuedAttempts();
    }
}
