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

/**
 * The top contributors, as Contributor Insights ranks them: the client groups by requests, throttled attempts,
 * errors or total duration of their successful requests, over the last 10 s, the last minute or the whole run, each
 * with its share of the total. Plain Java, FX thread only.
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

    /** One ranked contributor. */
    public record Row(int rank, String key, double value, double share) {
    }

    private final Deque<IntervalSnapshot> recent = new ArrayDeque<>();
    private final Map<String, double[]> run = new LinkedHashMap<>();
    private double newestEndSeconds;

    public void clear() {
        recent.clear();
        run.clear();
        newestEndSeconds = 0;
    }

    public void add(IntervalSnapshot s) {
        newestEndSeconds = s.endMicros() / 1e6;
        recent.addLast(s);
        while (!recent.isEmpty() && recent.peekFirst().endMicros() / 1e6 <= newestEndSeconds - 60) {
            recent.removeFirst();
        }
        for (ClientInterval c : s.byClient().values()) {
            double[] sums = run.computeIfAbsent(c.name(), k -> new double[Metric.values().length]);
            for (Metric m : Metric.values()) {
                sums[m.ordinal()] += m.of(c);
            }
        }
    }

    /** The top {@code n} client groups by {@code metric} over {@code window}, largest first (ties by name). */
    public List<Row> top(Metric metric, Window window, int n) {
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
        double total = values.values().stream().mapToDouble(Double::doubleValue).sum();
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
