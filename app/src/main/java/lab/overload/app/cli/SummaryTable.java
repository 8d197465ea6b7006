package lab.overload.app.cli;

import java.util.Locale;
import java.util.Map;
import lab.overload.models.scenario.FieldDef;
import lab.overload.models.scenario.Scenario;

/**
 * The readable summary printed by {@code run}: a header, then aligned sections for requests, attempts, rates,
 * latency, queueing, work and Little's law, the platform's functions and APIs ({@link FunctionTable}, when the
 * scenario has them), and the preset's lesson formula. It reads the summary JSON tree (the
 * same map that {@code --summary} writes), so the table and the file can never disagree. With replications every
 * value is shown as {@code mean +/- half-width} of the 95% confidence interval.
 */
final class SummaryTable {
    /** One value: a number from a single run (halfWidth NaN, n 1) or a replication statistic. */
    private record Stat(double mean, double halfWidth, int n, boolean integral) {
    }

    private final Map<String, Object> tree;
    private final int replications;

    private SummaryTable(Map<String, Object> tree, int replications) {
        this.tree = tree;
        this.replications = replications;
    }

    /**
     * @param tree         {@code Summary.toMap()} for a single run, or {@code SummaryJson.combine(...)} over runs
     * @param replications 0 for a single run, else the number of replications combined in {@code tree}
     */
    static String render(Scenario scenario, Map<String, Object> tree, int replications, long events,
                         double wallSeconds) {
        return new SummaryTable(tree, replications).render(scenario, events, wallSeconds);
    }

    private String render(Scenario scenario, long events, double wallSeconds) {
        StringBuilder out = new StringBuilder();
        out.append(Text.escape(scenario.name())).append(" (seed ").append(scenario.seed()).append(")\n");
        out.append(FieldDef.format(scenario.durationSeconds())).append(" s simulated");
        if (scenario.warmupSeconds() > 0) {
            out.append(", the first ").append(FieldDef.format(scenario.warmupSeconds()))
                    .append(" s are warm-up");
        }
        out.append("; measured ").append(FieldDef.format(scenario.durationSeconds() - scenario.warmupSeconds()))
                .append(" s (counts are of requests and attempts that started in it)\n");
        if (replications > 0) {
            out.append(replications).append(replications == 1 ? " replication" : " replications")
                    .append(": each value is the mean +/- the half-width of its 95% confidence interval")
                    .append(" (no +/- when all replications agree)\n");
        }
        out.append(String.format(Locale.ROOT, "%,d events in %.2f s wall time%s%n", events, wallSeconds,
                wallSeconds > 0 ? String.format(Locale.ROOT, " (%,.0f events/s)", events / wallSeconds)
                        : ""));
        out.append('\n');

        TextTable t = new TextTable();
        double requests = stat("requests.total").mean();
        t.section("Requests (arrived after warm-up)", "count", "%");
        t.row("total", count("requests.total"), pct(requests, requests));
        requestRow(t, "succeeded", "requests.succeeded", requests);
        requestRow(t, "failed: timed out", "requests.failedTimeout", requests);
        requestRow(t, "failed: rejected", "requests.failedRejected", requests);
        requestRow(t, "failed: error", "requests.failedError", requests);
        requestRow(t, "expired", "requests.expired", requests);
        requestRow(t, "in flight at end", "requests.inFlight", requests);

        double attempts = stat("attempts.total").mean();
        t.section("Attempts (sent after warm-up)", "count", "%");
        t.row("total", count("attempts.total"), pct(attempts, attempts));
        requestRow(t, "of which retries", "attempts.retries", attempts);
        requestRow(t, "completed, useful", "attempts.completedUseful", attempts);
        requestRow(t, "completed, wasted", "attempts.completedWasted", attempts);
        requestRow(t, "completed, error", "attempts.completedError", attempts);
        requestRow(t, "shed", "attempts.shed", attempts);
        requestRow(t, "throttled", "attempts.throttled", attempts);
        requestRow(t, "abandoned by server", "attempts.abandonedByServer", attempts);
        requestRow(t, "in flight at end", "attempts.inFlight", attempts);

        double offered = stat("ratesPerSecond.offered").mean();
        t.section("Rates (per second)", "per s", "% of offered");
        for (String[] r : new String[][] {{"offered", "offered"}, {"attempts", "attempts"},
            {"throughput (completed)", "throughput"}, {"goodput (succeeded)", "goodput"}}) {
            t.row(r[0], value("ratesPerSecond." + r[1]), pct(stat("ratesPerSecond." + r[1]).mean(), offered));
        }

        t.section("Latency of successful requests", "ms");
        for (String[] r : new String[][] {{"mean", "mean"}, {"p50", "p50"}, {"p90", "p90"}, {"p99", "p99"},
            {"p99.9", "p999"}, {"max", "max"}}) {
            t.row(r[0], value("latencyMillis." + r[1]));
        }

        t.section("Queueing and load", "mean", "max");
        t.row("queue wait (ms)", value("queueWaitMillis.mean"));
        t.row("concurrency (busy workers)", value("concurrency.mean"), value("concurrency.max"));
        t.row("queue length (attempts)", value("queueLength.mean"), value("queueLength.max"));
        t.row("utilization (%)", scaled("utilization", 100));

        String[] work = {"useful", "wasted", "rejection", "abandoned"};
        double total = 0;
        for (String w : work) {
            total += nz(stat("workSeconds." + w).mean());
        }
        t.section("Work (worker-seconds)", "s", "% of work");
        for (String w : work) {
            t.row(w, value("workSeconds." + w), pct(stat("workSeconds." + w).mean(), total));
        }
        double notUseful = total - nz(stat("workSeconds.useful").mean());
        t.row("not useful (all but useful)", num(notUseful), pct(notUseful, total));
        t.row("total", num(total), pct(total, total));

        if (tree.get("littlesLaw") instanceof Map<?, ?>) {
            double lambda = stat("littlesLaw.arrivalRatePerSecond").mean();
            double w = stat("littlesLaw.meanTimeInSystemMillis").mean();
            t.section("Little's law: L = lambda x W", "value");
            t.row("L, mean requests in system", value("littlesLaw.inSystemMean"));
            t.row("lambda (requests/s)", value("littlesLaw.arrivalRatePerSecond"));
            t.row("W, mean time in system (ms)", value("littlesLaw.meanTimeInSystemMillis"));
            t.row("lambda x W", num(lambda * w / 1000));
        }
        out.append(t.render());
        out.append(FunctionTable.render(scenario, tree));
        out.append(QueueTables.render(tree));
        String formula = scenario.lesson().formula();
        if (!formula.isBlank()) {
            out.append("\nLesson formula: ").append(Text.escape(formula)).append('\n');
        }
        return out.toString();
    }

    private void requestRow(TextTable t, String label, String path, double total) {
        t.row(label, count(path), pct(stat(path).mean(), total));
    }

    /** A count: an integer for a single run, mean +/- half-width for replications. */
    private String count(String path) {
        Stat s = stat(path);
        if (replications == 0) {
            return Double.isNaN(s.mean()) ? "-" : String.format(Locale.ROOT, "%d", Math.round(s.mean()));
        }
        return withHalfWidth(s, 1);
    }

    private String value(String path) {
        return withHalfWidth(stat(path), 1);
    }

    private String scaled(String path, double factor) {
        return withHalfWidth(stat(path), factor);
    }

    private String withHalfWidth(Stat s, double factor) {
        if (replications == 0) {
            return s.integral() && factor == 1 ? Long.toString(Math.round(s.mean())) : num(s.mean() * factor);
        }
        // equal in every replication: no interval to show
        String text = s.halfWidth() == 0 ? num(s.mean() * factor)
                : num(s.mean() * factor) + " +/- " + num(s.halfWidth() * factor);
        return s.n() == replications ? text : text + " (n=" + s.n() + ")";
    }

    private Stat stat(String path) {
        Object node = tree;
        for (String key : path.split("\\.")) {
            node = node instanceof Map<?, ?> m ? m.get(key) : null;
        }
        if (node instanceof Map<?, ?> m && m.containsKey("halfWidth95")) {
            return new Stat(toDouble(m.get("mean")), toDouble(m.get("halfWidth95")),
                    m.get("n") instanceof Number n ? n.intValue() : 0, false);
        }
        return new Stat(toDouble(node), Double.NaN, 1, node instanceof Long || node instanceof Integer);
    }

    private static double toDouble(Object v) {
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static double nz(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    /** Numbers with about four significant digits (integers as integers); "-" when undefined. */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "-";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        String pattern = a >= 1000 ? "%.0f" : a >= 100 ? "%.1f" : a >= 10 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, v);
    }

    private static String pct(double part, double whole) {
        if (!Double.isFinite(part) || !Double.isFinite(whole) || whole == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2f", 100 * part / whole);
    }
}
