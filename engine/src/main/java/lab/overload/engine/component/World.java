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
import lab.overload.models.scenario.QueueSpec;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.scenario.Section;
import lab.overload.models.scenario.ServiceSpec;
import lab.overload.models.scenario.TimelineChange;

/**
 * A scenario brought to life: the simulation core, the client groups and services built from the scenario, the
 * metrics recorder, the interval clock and the scenario's timeline. Every parameter change, from a slider, the
 * timeline, {@code --set} or a replayed recording, goes through {@link #apply(String, String)}.
 *
 * <p>Thread rule: owned by one thread (a runner's); only immutable snapshots and summaries leave it.
 */
public final class World extends EventHandler {
    private static final int SEAL = 0;
    private static final int TIMELINE = 1;
    private static final int RESTORE = 2;

    final Simulation sim = new Simulation();
    final RandomStreams streams;
    final Recorder recorder;
    final Pool<Request> requests = new Pool<>(Request::new, (r, s) -> r.slot = s);
    final Pool<Attempt> attempts = new Pool<>(Attempt::new, (a, s) -> a.slot = s);
    private final Map<String, ClientGroup> clients = new LinkedHashMap<>();
    private final Map<String, Service> services = new LinkedHashMap<>();
    private final Map<String, QueueStage> queues = new LinkedHashMap<>();
    private final Map<String, Api> apis = new LinkedHashMap<>();
    private final Map<String, Function> functions = new LinkedHashMap<>();
    /** Every stage by name: services, APIs, functions, queues. */
    private final Map<String, Target> stages = new LinkedHashMap<>();
    private Platform platform;
    /** The component each parameter path's owner ({@code clients.web}, {@code services.api}) names. */
    private final Map<String, Reconfigurable> owners = new LinkedHashMap<>();
    private final int handlerId;
    private final long intervalMicros;
    private Scenario scenario;
    private final double[] rampFrom;
    /** Receives the sealed intervals; null while nobody reads them (then no snapshot is built). */
    private Consumer<IntervalSnapshot> listener;
    private final List<AppliedChange> changes = new ArrayList<>();
    private Consumer<TraceEvent> trace;
    /** Sampled traces (null until asked for); with the listener, what {@link #tracing()} says. */
    private TraceSampler sampler;
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
        this.handlerId = sim.register(this);
        this.intervalMicros = scenario.intervalMillis() * 1000L;
        boolean alone = scenario.services().size() == 1 && scenario.apis().isEmpty()
                && scenario.functions().isEmpty() && scenario.queues().isEmpty();
        for (ServiceSpec s : scenario.services()) {
            services.put(s.name(), new Service(this, s, alone, alone && scenario.clients().size() == 1));
        }
        stages.putAll(services);
        for (QueueSpec q : scenario.queues()) {
            queues.put(q.name(), new QueueStage(this, q, tenantsOf(scenario, q.name())));
        }
        stages.putAll(queues);
        buildPlatform(scenario);
        for (QueueStage q : queues.values()) {
            q.connect(stage(q.spec.target(), "queues." + q.spec.name() + ".target"));
        }
        for (Service s : services.values()) {
            String target = s.spec.dependency().target();
            if (!target.isEmpty()) {
                s.dependency.connect(stage(target, "services." + s.spec.name() + ".dependency.target"));
            }
        }
        checkNoCycle();
        for (ClientSpec c : scenario.clients()) {
            clients.put(c.name(), new ClientGroup(this, c, stage(c.target(), "clients." + c.name() + ".target")));
        }
        services.forEach((name, s) -> owners.put(Section.SERVICES.owner(name), s));
        queues.forEach((name, q) -> owners.put(Section.QUEUES.owner(name), q));
        apis.forEach((name, a) -> owners.put(Section.APIS.owner(name), a));
        functions.forEach((name, f) -> owners.put(Section.FUNCTIONS.owner(name), f));
        scenario.platform().forEach(p -> owners.put(Section.PLATFORM.owner(p.name()), platform));
        clients.forEach((name, c) -> owners.put(Section.CLIENTS.owner(name), c));
        recorder.setWorkers(0, totalWorkers());
        for (ClientGroup c : clients.values()) {
            c.start(0);
        }
        sim.schedule(intervalMicros, Phase.SEAL, handlerId, SEAL, 0, 0);
        List<TimelineChange> timeline = scenario.timeline();
        rampFrom = new double[timeline.size()];
        for (int i = 0; i < timeline.size(); i++) {
            sim.schedule(Math.round(timeline.get(i).atSeconds() * 1e6), Phase.CONTROL, handlerId, TIMELINE, i, 0);
        }
    }

    /** The account, its functions and the APIs, each API connected to its target (after the services). */
    private void buildPlatform(Scenario scenario) {
        if (!scenario.functions().isEmpty()) {
            platform = new Platform(scenario.account(), scenario.functions().stream().map(f -> f.name()).toList(),
                    recorder, scenario.warmupMicros());
            for (var f : scenario.functions()) {
                Function fn = new Function(this, platform, functions.size(), f);
                functions.put(f.name(), fn);
                platform.functions.add(fn);
            }
            platform.recount(scenario, 0);
            stages.putAll(functions);
        }
        for (var a : scenario.apis()) {
            apis.put(a.name(), new Api(this, a));
        }
        stages.putAll(apis);
        apis.forEach((name, a) -> a.connect(stage(a.spec.target(), "apis." + name + ".target")));
        for (Function f : functions.values()) {
            String target = f.spec.dependency().target();
            if (!target.isEmpty()) {
                f.dependency.connect(stage(target, "functions." + f.spec.name() + ".dependency.target"));
            }
        }
    }

    /** A function's platform metrics now (measured period); throws naming the function when there is none. */
    public FunctionStats functionStats(String name) {
        Function f = functions.get(name);
        if (f == null) {
            throw new IllegalArgumentException("no function named '" + name + "' (" + functions.keySet() + ")");
        }
        return f.stats(sim.nowMicros());
    }

    /** The stage a client or a stage names as its target; a clear error if the scenario declares none by that name. */
    private Target stage(String name, String field) {
        Target t = stages.get(name);
        if (t == null) {
            throw new IllegalArgumentException(field + " must name a stage of the scenario (" + stages.keySet()
                    + "), was \"" + name + "\"");
        }
        return t;
    }

    /** The tenants a queue's messages come from: the most any client group sending to it stands for (at least 1). */
    private static int tenantsOf(Scenario scenario, String queue) {
        int n = 1;
        for (ClientSpec c : scenario.clients()) {
            if (c.target().equals(queue)) {
                n = Math.max(n, c.tenants().count());
            }
        }
        return n;
    }

    /** Stages that call each other in a loop would call forever: refused, naming the loop. */
    private void checkNoCycle() {
        for (Service from : services.values()) {
            List<String> path = new ArrayList<>(List.of(from.spec.name()));
            Service s = from;
            while (!s.spec.dependency().target().isEmpty()) {
                s = services.get(s.spec.dependency().target());
                if (s == null) {
                    break; // a call to another kind of stage: the scenario's stage graph has no cycle through it
                }
                path.add(s.spec.name());
                if (s == from) {
                    throw new IllegalArgumentException("services." + from.spec.name()
                            + ".dependency.target: the stages call each other in a cycle: "
                            + String.join(" -> ", path));
                }
                if (path.size() > services.size() + 1) {
                    break; // a cycle further on, reported from one of its own stages
                }
            }
        }
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
     * listener is set, intervals are closed without building their snapshots; the summary is the same either way.
     */
    public void onInterval(Consumer<IntervalSnapshot> intervalListener) {
        this.listener = java.util.Objects.requireNonNull(intervalListener, "intervalListener");
        recorder.secondLatencies(true);
    }

    /** Receives a trace line for every step of every request (slow; for tests and sampled traces). */
    public void onTrace(Consumer<TraceEvent> traceListener) {
        onTrace(traceListener, Long.MAX_VALUE);
    }

    /** Receives the trace lines of the requests numbered 1 to {@code lastRequestId} (in arrival order) only. */
    public void onTrace(Consumer<TraceEvent> traceListener, long lastRequestId) {
        this.trace = traceListener;
        this.traceLast = lastRequestId;
        traceOn = trace != null || sampler != null && sampler.rate() > 0;
    }

    private long traceLast;

    /**
     * Traces a share of the requests from now on (0 stops; in [0, 1]), keeping the latest {@code capacity} finished
     * traces ({@link TraceSampler}). Reads the run only: no number of the run changes. At 0 the engine pays one
     * branch per traced step, as with no sampler.
     */
    public void sampleTraces(double rate, int capacity) {
        if (sampler == null) {
            sampler = new TraceSampler(scenario.seed(), capacity, 0);
        }
        sampler.setRate(rate, requestIds);
        traceOn = trace != null || sampler.rate() > 0;
    }

    /** The trace sampler, or null when traces were never asked for. */
    public TraceSampler traceSampler() {
        return sampler;
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

    /** An event of an attempt at a client group (stage null) or at a stage; {@code outcome} when it ended. */
    void trace(String client, String stage, String event, String outcome, Attempt a) {
        boolean listen = trace != null && a.requestId <= traceLast;
        Request r = a.request;
        boolean sample = sampler != null && (r != null && r.id == a.requestId ? r.sampled
                : sampler.sampled(a.requestId)); // an onward call has no request of its own
        if (listen || sample) {
            TraceEvent e = new TraceEvent(sim.nowMicros(), stage != null ? stage : client, event, a.requestId,
                    a.number, client, stage, outcome);
            if (listen) {
                trace.accept(e);
            }
            if (sample) {
                sampler.event(e, a, a.request != null && stage == null ? a.request.arrivedMicros : -1,
                        a.startedMicros, placementMicros());
            }
        }
    }

    /** The placement time a cold start takes now (0 without functions). */
    long placementMicros() {
        return platform == null ? 0 : Math.round(platform.spec.placementMillis() * 1000);
    }

    /** An event of a stage itself (a sandbox expiring), not of a request: request id and attempt 0. */
    void traceStage(String stage, String event) {
        if (trace != null) {
            trace.accept(new TraceEvent(sim.nowMicros(), stage, event, 0, 0, null, stage, null));
        }
    }

    /** An event of a queued message (not of an attempt): the producer's request id, attempt 0. */
    void traceMessage(String stage, String event, long requestId) {
        if (requestId <= traceLast) {
            trace.accept(new TraceEvent(sim.nowMicros(), stage, event, requestId, 0, null, stage, null));
        }
    }

    /** An event of a request at its client group; {@code outcome} when it ended. */
    void trace(String client, String event, String outcome, Request r) {
        boolean listen = trace != null && r.id <= traceLast;
        boolean sample = sampler != null && r.sampled;
        if (listen || sample) {
            TraceEvent e = new TraceEvent(sim.nowMicros(), client, event, r.id, r.attemptsMade, client, null,
                    outcome);
            if (listen) {
                trace.accept(e);
            }
            if (sample) {
                sampler.event(e, null, r.arrivedMicros, -1, 0);
            }
        }
    }

    /** The name of the client group an attempt serves (through its callers), or null when its caller was lost. */
    static String clientOf(Attempt a) {
        Attempt x = a;
        while (x.onward && x.parent != null) {
            x = x.parent;
        }
        return x.clientMetrics == null ? null : x.clientMetrics.name();
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

    private void apply(String path, String value, String source) {
        ThreadGuard.checkNotUiThread();
        install(ParameterPaths.with(scenario, path, value), path, source);
    }

    /** Applies a numeric encoding exactly (ramps and restores must not lose digits to text). */
    private void apply(String path, double encoded, String source) {
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
            recorder.setWorkers(now, totalWorkers());
        }
        changes.add(new AppliedChange(now, path, def.display(ParameterPaths.get(next, path)), source));
    }

    private long totalWorkers() {
        long w = 0;
        for (Service s : services.values()) {
            w += s.workers();
        }
        for (Function f : functions.values()) {
            w += f.capacity();
        }
        return w;
    }

    @Override
    public void handle(int type, int a, long b) {
        long now = sim.nowMicros();
        switch (type) {
            case SEAL -> {
                if (sampler != null) {
                    sampler.expire(now);
                }
                if (listener == null) {
                    recorder.sealUnread(now);
                    sim.schedule(now + intervalMicros, Phase.SEAL, handlerId, SEAL, 0, 0);
                    return;
                }
                long oldest = -1;
                for (Service s : services.values()) {
                    long t = s.oldestQueuedMicros();
                    if (t >= 0 && (oldest < 0 || t < oldest)) {
                        oldest = t;
                    }
                }
                listener.accept(recorder.seal(now, oldest < 0 ? -1 : now - oldest));
                sim.schedule(now + intervalMicros, Phase.SEAL, handlerId, SEAL, 0, 0);
            }
            case TIMELINE -> timelineStep(a, (int) b, now);
            case RESTORE -> {
                TimelineChange c = scenario.timeline().get(a);
                apply(c.path(), rampFrom[a], "timeline");
            }
            default -> throw new IllegalStateException("event type " + type);
        }
    }

    /** Step k of timeline change i: a step change, or one step of a ramp (one interval per step). */
    private void timelineStep(int i, int k, long now) {
        TimelineChange c = scenario.timeline().get(i);
        FieldDef def = ParameterPaths.def(scenario, c.path());
        if (k == 0) {
            rampFrom[i] = ParameterPaths.get(scenario, c.path());
        }
        long rampMicros = Math.round(c.rampSeconds() * 1e6);
        long endOfChange = now;
        if (rampMicros <= 0) {
            apply(c.path(), c.value(), "timeline");
        } else {
            double target = def.parse(c.path(), c.value());
            long elapsed = Math.min(rampMicros, (long) k * intervalMicros);
            double v = rampFrom[i] + (target - rampFrom[i]) * elapsed / rampMicros;
            if (def.kind() == FieldDef.Kind.INTEGER) {
                v = Math.round(v);
            }
            if (k > 0) {
                apply(c.path(), v, "timeline");
            }
            if (elapsed < rampMicros) {
                sim.schedule(now + intervalMicros, Phase.CONTROL, handlerId, TIMELINE, i, k + 1);
                return;
            }
            endOfChange = now;
        }
        if (c.holdSeconds() > 0) {
            sim.schedule(endOfChange + Math.round(c.holdSeconds() * 1e6), Phase.CONTROL, handlerId, RESTORE, i, 0);
        }
    }

    Request takeRequest() {
        Request r = requests.take();
        r.inUse = true;
        r.id = ++requestIds;
        if (sampler != null) { // without one, no request is ever marked sampled
            r.sampled = sampler.sampled(r.id);
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
        long[] stageInFlight = new long[stages.size()];
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
        for (QueueStage q : queues.values()) {
            out.put(q.spec.name(), q.summary(sim.nowMicros()));
        }
        return out;
    }

    /** A queue's record (per-tenant tables included), or null when the scenario has no queue of that name. */
    public QueueStats queueStats(String name) {
        QueueStage q = queues.get(name);
        return q == null ? null : q.stats;
    }

    /** A queue's lane choice (its hands), or null when the scenario has no queue of that name. */
    public LaneChoice laneChoice(String name) {
        QueueStage q = queues.get(name);
        return q == null ? null : q.choice;
    }

    /** The service of that name, or null (for the package's tests). */
    Service service(String name) {
        return services.get(name);
    }

    /** Busy workers over all hosts (for tests and status). */
    public int busyWorkers() {
        int n = 0;
        for (Service s : services.values()) {
            for (Host h : s.hosts) {
                n += h.busy();
            }
        }
        return n;
    }

    /** Queued attempts over all hosts. */
    public int queuedAttempts() {
        int n = 0;
        for (Service s : services.values()) {
            for (Host h : s.hosts) {
                n += h.queue.size();
            }
        }
        return n;
    }
}
