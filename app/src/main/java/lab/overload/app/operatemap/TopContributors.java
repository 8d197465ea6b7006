package lab.overload.app.operatemap;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.overload.engine.metrics.ClientInterval;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.engine.metrics.TenantTopTable;

/**
 * The top contributors, as Contributor Insights ranks them: the client groups, or the tenants of the groups that stand
 * for more than one ("group/tenant N"), by requests, throttled attempts, errors or total duration of their successful
 * requests, over the last 10 s, the last minute or the whole run, each with its share of the total. Tenants are ranked
 * from the engine's per-second top-tenant tables: a tenant's value over a window is the sum of its values in the
 * seconds it was among a second's top {@code K}, exact for the top contributors when {@code K} covers them; the total
 * for the shares is the groups' exact total over all their tenants. Plain Java, FX thread only.
 */
public final class TopContributors {
    /** What is ranked. */
    public enum Metric {
        REQUESTS("requests"), THROTTLES("throttled + shed attempts"), ERRORS("errors"),
        DURATION("duration of successes (s)");

        private final String label;

        Metric(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The tenant's value in a second's table. */
        double of(TenantTopTable t, int row) {
            return row < 0 ? total(t) : switch (this) {
                case REQUESTS -> t.value(row, TenantTopTable.Metric.REQUESTS);
                case THROTTLES -> t.value(row, TenantTopTable.Metric.THROTTLED);
                case ERRORS -> t.value(row, TenantTopTable.Metric.ERRORS);
                case DURATION -> t.value(row, TenantTopTable.Metric.SUCCESS_LATENCY_MICROS) / 1e6;
            };
        }

        private double total(TenantTopTable t) {
            return switch (this) {
                case REQUESTS -> t.total(TenantTopTable.Metric.REQUESTS);
                case THROTTLES -> t.total(TenantTopTable.Metric.THROTTLED);
                case ERRORS -> t.total(TenantTopTable.Metric.ERRORS);
                case DURATION -> t.total(TenantTopTable.Metric.SUCCESS_LATENCY_MICROS) / 1e6;
            };
        }

        double of(ClientInterval c) {
            return switch (this) {
                case REQUESTS -> c.requests().total();
                case THROTTLES -> c.attempts().throttled() + c.attempts().shed();
                case ERRORS -> c.attempts().completedError();
                case DURATION -> c.requests().succeeded() == 0 || Double.isNaN(c.latencyMeanMillis()) ? 0
                        : c.latencyMeanMillis() * c.requests().succeeded() / 1000.0;
            };
        }
    }

    /** Over how much sim time (seconds; {@code RUN} = since t = 0). */
    public enum Window {
        LAST_10_S(10, "10 s"), LAST_MINUTE(60, "1 min"), RUN(Double.POSITIVE_INFINITY, "run");

        final double seconds;
        private final String label;

        Window(double seconds, String label) {
            this.seconds = seconds;
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What is ranked: client groups, or the tenants of groups that stand for more than one. */
    public enum By {
        CLIENT_GROUPS("client groups"), TENANTS("tenants");

        private final String label;

        By(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One second's table of a client group's top tenants. */
    private record TenantSecond(String group, TenantTopTable table) {
        double endSeconds() {
            return table.startMicros() / 1e6 + 1;
        }
    }

    /** One ranked contributor. */
    public record Row(int rank, String key, double value, double share) {
    }

    private final Deque<IntervalSnapshot> recent = new ArrayDeque<>();
    private final Map<String, double[]> run = new LinkedHashMap<>();
    private final Deque<TenantSecond> recentTenants = new ArrayDeque<>();
    private final Map<String, double[]> runTenants = new LinkedHashMap<>();
    private final double[] runTenantTotals = new double[Metric.values().length];
    private double newestEndSeconds;

    public void clear() {
        recent.clear();
        run.clear();
        recentTenants.clear();
        runTenants.clear();
        java.util.Arrays.fill(runTenantTotals, 0);
        newestEndSeconds = 0;
    }

    /** Whether no interval was added since the last clear. */
    public boolean isEmpty() {
        return run.isEmpty() && recent.isEmpty();
    }

    public void add(IntervalSnapshot s) {
        newestEndSeconds = s.endMicros() / 1e6;
        recent.addLast(s);
        while (!recent.isEmpty() && recent.peekFirst().endMicros() / 1e6 <= newestEndSeconds - 60) {
            recent.removeFirst();
        }
        s.tenantTops().forEach((group, tables) -> {
            for (TenantTopTable t : tables) {
                recentTenants.addLast(new TenantSecond(group, t));
                for (Metric m : Metric.values()) {
                    runTenantTotals[m.ordinal()] += m.of(t, -1);
                }
                for (int row = 0; row < t.size(); row++) {
                    double[] sums = runTenants.computeIfAbsent(tenantKey(group, t.tenant(row)),
                            k -> new double[Metric.values().length]);
                    for (Metric m : Metric.values()) {
                        sums[m.ordinal()] += m.of(t, row);
                    }
                }
            }
        });
        while (!recentTenants.isEmpty() && recentTenants.peekFirst().endSeconds() <= newestEndSeconds - 60) {
            recentTenants.removeFirst();
        }
        for (ClientInterval c : s.byClient().values()) {
            double[] sums = run.computeIfAbsent(c.name(), k -> new double[Metric.values().length]);
            for (Metric m : Metric.values()) {
                sums[m.ordinal()] += m.of(c);
            }
        }
    }

    static String tenantKey(String group, int tenant) {
        return group + "/tenant " + tenant;
    }

    /** The top {@code n} client groups by {@code metric} over {@code window}, largest first (ties by name). */
    public List<Row> top(Metric metric, Window window, int n) {
        return top(By.CLIENT_GROUPS, metric, window, n);
    }

    /**
     * The top {@code n} client groups or tenants by {@code metric} over {@code window}, largest first (ties by name),
     * each with its share of the total over all client groups, or over all tenants of the groups with more than one.
     */
    public List<Row> top(By by, Metric metric, Window window, int n) {
        if (by == By.TENANTS) {
            return topTenants(metric, window, n);
        }
        Map<String, Double> values = new LinkedHashMap<>();
        if (window == Window.RUN) {
            run.forEach((k, v) -> values.put(k, v[metric.ordinal()]));
        } else {
            for (IntervalSnapshot s : recent) {
                if (s.endMicros() / 1e6 > newestEndSeconds - window.seconds) {
                    for (ClientInterval c : s.byClient().values()) {
                        values.merge(c.name(), metric.of(c), Double::sum);
                    }
                }
            }
        }
        return ranked(values, values.values().stream().mapToDouble(Double::doubleValue).sum(), n);
    }

    private List<Row> topTenants(Metric metric, Window window, int n) {
        Map<String, Double> values = new LinkedHashMap<>();
        double total = 0;
        if (window == Window.RUN) {
            runTenants.forEach((k, v) -> values.put(k, v[metric.ordinal()]));
            total = runTenantTotals[metric.ordinal()];
        } else {
            for (TenantSecond s : recentTenants) {
                if (s.endSeconds() > newestEndSeconds - window.seconds) {
                    TenantTopTable t = s.table();
                    total += metric.of(t, -1);
                    for (int row = 0; row < t.size(); row++) {
                        values.merge(tenantKey(s.group(), t.tenant(row)), metric.of(t, row), Double::sum);
                    }
                }
            }
        }
        values.values().removeIf(v -> v == 0);
        return ranked(values, total, n);
    }

    private static List<Row> ranked(Map<String, Double> values, double total, int n) {
        List<Map.Entry<String, Double>> sorted = new ArrayList<>(values.entrySet());
        sorted.sort(Comparator.<Map.Entry<String, Double>>comparingDouble(Map.Entry::getValue).reversed()
                .thenComparing(Map.Entry::getKey));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(n, sorted.size()); i++) {
            Map.Entry<String, Double> e = sorted.get(i);
            rows.add(new Row(i + 1, e.getKey(), e.getValue(), total > 0 ? e.getValue() / total : Double.NaN));
        }
        return rows;
    }
}
