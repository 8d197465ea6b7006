package lab.overload.app.operatemap;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.overload.engine.metrics.AttemptCounts;
import lab.overload.engine.metrics.ClientInterval;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.engine.metrics.LatencyHistogram;
import lab.overload.engine.metrics.RequestCounts;
import lab.overload.engine.metrics.StageInterval;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.scenario.Section;

/**
 * The data behind the service map, without drawing: the scenario's client groups and stages as nodes laid out in
 * columns by call depth (client groups first, then each stage one column right of its deepest caller), the calls
 * between them as edges, and per node and edge the rates and health over the last {@link #WINDOW_SECONDS} of sim time,
 * from interval snapshots.
 *
 * <p>Health is the share of bad outcomes among those that ended in the window: for a client group, requests that
 * failed (timed out, rejected, error) or expired; for a stage, attempts it shed, throttled, answered with an error,
 * abandoned, or finished after the caller had left (wasted). Below {@link #DEGRADED_SHARE} a node is healthy, from it
 * degraded, from {@link #FAILING_SHARE} failing; a node with nothing ended in the window is idle. Latency does not
 * enter the health.
 *
 * <p>A node's p99 is over the same window: the engine's per-second histograms of the whole seconds that ended in it
 * (those the window's snapshots brought), merged exactly by bucket, then read at 99 % (at most 3.2 % above the exact
 * value, {@link LatencyHistogram}). For a client group it is the latency of its successes; for a service, function or
 * API the response time of the attempts it answered while the caller still waited (arrival at the stage to its
 * answer); for a queue the age of the messages its pollers took. With one client group calling its only stage, the
 * stage's p99 is its client's, an upper bound (exact when the client does not retry; see
 * {@link lab.overload.engine.metrics.SectionLatencies}).
 *
 * <p>An edge's rate is exact where the snapshots say it: a client group's attempts per second go to its target; a
 * stage's calls to its onward target are the target's attempts minus those the client groups sent it directly, when
 * that target has exactly one calling stage. When several stages call one target, the split between them is not
 * measured and the edge says so (rate NaN). Plain Java, FX thread only.
 */
public final class ServiceMap {
    public static final double WINDOW_SECONDS = 5;
    public static final double DEGRADED_SHARE = 0.01;
    public static final double FAILING_SHARE = 0.10;

    /** How a node is doing over the window. */
    public enum Health { IDLE, HEALTHY, DEGRADED, FAILING }

    /**
     * One node: a client group ({@code section} "clients") or a stage.
     *
     * @param column  0 for client groups, else one more than the deepest caller's column
     * @param row     position within its column, in declaration order
     */
    public record Node(String section, String name, String kind, int column, int row) {
        /** The node's parameter-path owner, e.g. {@code services.api}. */
        public String owner() {
            return section + "." + name;
        }
    }

    /** A call from one node to a stage. */
    public record Edge(Node from, Node to) {
    }

    /**
     * A node's numbers over the window.
     *
     * @param ratePerSecond requests (client group) or attempts (stage) per second that arrived
     * @param badShare      bad outcomes over everything that ended (NaN when nothing ended)
     * @param errorShare    errors over everything that ended
     * @param throttleShare shed and throttled over everything that ended (stages; rejected requests for clients)
     * @param p99Millis     p99 latency of the requests that succeeded (client groups), of the stage's useful answers or
     *                      of its messages' age (queues); NaN when none in the window's seconds
     * @param p99UpperBound the p99 is the sole client group's, an upper bound of the stage's own
     * @param utilization   busy workers over workers (stages; NaN for client groups)
     */
    public record NodeStats(double ratePerSecond, double badShare, double errorShare, double throttleShare,
                            double p99Millis, boolean p99UpperBound, double utilization, Health health) {
    }

    private final List<Node> nodes = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    private final Map<String, Node> byName = new LinkedHashMap<>();
    private final Deque<IntervalSnapshot> window = new ArrayDeque<>();

    /** The map of a scenario: its nodes and edges; no numbers until snapshots arrive. */
    public ServiceMap(Scenario scenario) {
        Map<String, Integer> depth = new LinkedHashMap<>();
        Map<String, List<String>> calls = new LinkedHashMap<>();
        Map<String, Section> sectionOf = new LinkedHashMap<>();
        Map<String, String> kindOf = new LinkedHashMap<>();
        for (Section section : Section.modelled()) {
            if (section != Section.CLIENTS && !section.isStage()) {
                continue; // the platform section is settings, not a node
            }
            for (Record r : section.elements(scenario)) {
                String name = section.name(r);
                List<String> out = new ArrayList<>();
                for (Section.Target t : section.targets(r)) {
                    if (t.stage() != null && !t.stage().isEmpty()) {
                        out.add(t.stage());
                    }
                }
                String key = section.isStage() ? name : "clients." + name;
                sectionOf.put(key, section);
                kindOf.put(key, section.property());
                calls.put(key, out);
                if (section == Section.CLIENTS) {
                    depth.put(key, 0);
                }
            }
        }
        // stage depth: longest path from a client group (the graph has no cycles: the scenario checked it)
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<String, List<String>> e : calls.entrySet()) {
                Integer from = depth.get(e.getKey());
                if (from == null) {
                    continue;
                }
                for (String to : e.getValue()) {
                    if (depth.getOrDefault(to, -1) < from + 1) {
                        depth.put(to, from + 1);
                        changed = true;
                    }
                }
            }
        }
        Map<Integer, Integer> rows = new LinkedHashMap<>();
        for (String key : calls.keySet()) {
            int column = depth.getOrDefault(key, 1); // a stage nobody calls still shows, next to the clients
            int row = rows.merge(column, 1, Integer::sum) - 1;
            String name = key.startsWith("clients.") && sectionOf.get(key) == Section.CLIENTS
                    ? key.substring("clients.".length()) : key;
            Node n = new Node(sectionOf.get(key).property(), name, kindOf.get(key), column, row);
            nodes.add(n);
            byName.put(key, n);
        }
        for (Map.Entry<String, List<String>> e : calls.entrySet()) {
            for (String to : e.getValue()) {
                Node target = byName.get(to);
                if (target != null) {
                    edges.add(new Edge(byName.get(e.getKey()), target));
                }
            }
        }
    }

    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    public List<Edge> edges() {
        return List.copyOf(edges);
    }

    /** Columns used (the deepest column plus one). */
    public int columns() {
        return nodes.stream().mapToInt(Node::column).max().orElse(0) + 1;
    }

    /** Nodes in a column. */
    public int rows(int column) {
        return (int) nodes.stream().filter(n -> n.column() == column).count();
    }

    /** Adds one interval; the window keeps the intervals ending in the last {@link #WINDOW_SECONDS}. */
    public void add(IntervalSnapshot s) {
        window.addLast(s);
        while (window.size() > 1 && window.peekLast().endMicros() - window.peekFirst().endMicros()
                >= WINDOW_SECONDS * 1e6) {
            window.removeFirst();
        }
    }

    public void clear() {
        window.clear();
    }

    /** Sim seconds the window covers (0 before the first interval). */
    public double windowSeconds() {
        double sum = 0;
        for (IntervalSnapshot s : window) {
            sum += s.seconds();
        }
        return sum;
    }

    /** A node's numbers over the window. */
    public NodeStats stats(Node n) {
        double seconds = windowSeconds();
        boolean client = n.section().equals(Section.CLIENTS.property());
        List<LatencyHistogram> latencies = new ArrayList<>();
        boolean derived = false;
        for (IntervalSnapshot s : window) {
            latencies.addAll(client ? s.latencies().client(n.name()) : s.latencies().stage(n.name()));
            derived |= !client && n.name().equals(s.latencies().derivedStage());
        }
        double p99 = LatencyHistogram.merge(latencies).percentileMillis(99);
        if (client) {
            long total = 0, ok = 0, timeout = 0, rejected = 0, error = 0, expired = 0;
            for (IntervalSnapshot s : window) {
                ClientInterval c = s.byClient().get(n.name());
                if (c == null) {
                    continue;
                }
                RequestCounts r = c.requests();
                total += r.total();
                ok += r.succeeded();
                timeout += r.failedTimeout();
                rejected += r.failedRejected();
                error += r.failedError();
                expired += r.expired();
            }
            long ended = ok + timeout + rejected + error + expired;
            return stats(seconds, total, ended, timeout + rejected + error + expired, error, rejected, p99, false,
                    Double.NaN);
        }
        long total = 0, bad = 0, error = 0, throttled = 0, ended = 0;
        double utilization = 0;
        int intervals = 0;
        for (IntervalSnapshot s : window) {
            StageInterval st = s.byStage().get(n.name());
            if (st == null) {
                continue;
            }
            AttemptCounts a = st.attempts();
            total += a.total();
            long endedHere = a.completed() + a.shed() + a.throttled() + a.abandonedByServer();
            ended += endedHere;
            bad += a.completedWasted() + a.completedError() + a.shed() + a.throttled() + a.abandonedByServer();
            error += a.completedError();
            throttled += a.shed() + a.throttled();
            if (st.workers() > 0 && !Double.isNaN(st.utilization())) {
                utilization += st.utilization();
                intervals++;
            }
        }
        return stats(seconds, total, ended, bad, error, throttled, p99, derived,
                intervals == 0 ? Double.NaN : utilization / intervals);
    }

    private static NodeStats stats(double seconds, long arrived, long ended, long bad, long error, long throttled,
                                   double p99, boolean p99UpperBound, double utilization) {
        double rate = seconds > 0 ? arrived / seconds : Double.NaN;
        if (ended == 0) {
            return new NodeStats(rate, Double.NaN, Double.NaN, Double.NaN, p99, p99UpperBound, utilization,
                    Health.IDLE);
        }
        double share = (double) bad / ended;
        Health h = share >= FAILING_SHARE ? Health.FAILING : share >= DEGRADED_SHARE ? Health.DEGRADED : Health.HEALTHY;
        return new NodeStats(rate, share, (double) error / ended, (double) throttled / ended, p99, p99UpperBound,
                utilization, h);
    }

    /**
     * Calls per second along an edge over the window: a client group's attempts, or a stage's calls to a target that
     * only it (of the stages) calls; NaN when the split between several calling stages is not measured.
     */
    public double rate(Edge e) {
        double seconds = windowSeconds();
        if (seconds == 0) {
            return Double.NaN;
        }
        if (e.from().section().equals(Section.CLIENTS.property())) {
            long attempts = 0;
            for (IntervalSnapshot s : window) {
                ClientInterval c = s.byClient().get(e.from().name());
                attempts += c == null ? 0 : c.attempts().total();
            }
            return attempts / seconds;
        }
        long stageCallers = edges.stream().filter(x -> x.to().equals(e.to())
                && !x.from().section().equals(Section.CLIENTS.property())).count();
        if (stageCallers != 1) {
            return Double.NaN;
        }
        long arrived = 0;
        long fromClients = 0;
        for (IntervalSnapshot s : window) {
            StageInterval st = s.byStage().get(e.to().name());
            arrived += st == null ? 0 : st.attempts().total();
            for (Edge x : edges) {
                if (x.to().equals(e.to()) && x.from().section().equals(Section.CLIENTS.property())) {
                    ClientInterval c = s.byClient().get(x.from().name());
                    fromClients += c == null ? 0 : c.attempts().total();
                }
            }
        }
        return Math.max(0, arrived - fromClients) / seconds;
    }

    /** The node at a position, or null. */
    public Node node(String section, String name) {
        return nodes.stream().filter(n -> n.section().equals(section) && n.name().equals(name)).findFirst()
                .orElse(null);
    }
}
