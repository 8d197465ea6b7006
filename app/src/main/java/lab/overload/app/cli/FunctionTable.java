package lab.overload.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lab.overload.models.scenario.ApiSpec;
import lab.overload.models.scenario.FunctionSpec;
import lab.overload.models.scenario.Scenario;

/**
 * The platform part of {@code run}'s table, after the totals: one column per function (invokes warm, cold and
 * throttled by cause, the cold-start share, sandboxes, concurrency as the limits count it, next to its limit and the
 * account's), and one per API (requests and throttles). Read from the summary JSON tree like {@link SummaryTable};
 * with replications a value is {@code mean +/- half-width}. Empty for a scenario without functions or APIs.
 */
final class FunctionTable {
    private FunctionTable() {
    }

    static String render(Scenario scenario, Map<String, Object> tree) {
        StringBuilder out = new StringBuilder();
        if (!scenario.functions().isEmpty()) {
            out.append('\n').append(functions(scenario, tree).render());
        }
        if (!scenario.apis().isEmpty()) {
            out.append('\n').append(apis(scenario, tree).render());
        }
        return out.toString();
    }

    private static TextTable functions(Scenario scenario, Map<String, Object> tree) {
        List<String> names = new ArrayList<>();
        long reserved = 0;
        for (FunctionSpec f : scenario.functions()) {
            names.add(Text.escape(f.name()));
            reserved += f.reservedConcurrency();
        }
        long pool = scenario.account().concurrencyLimit() - reserved;
        TextTable t = new TextTable();
        t.section("Functions (invokes after warm-up)", names.toArray(String[]::new));
        String[][] rows = {{"invokes", "invocations.total"}, {"warm", "invocations.warm"},
            {"cold", "invocations.cold"},
            {"throttled: reserved concurrency", "invocations.throttled.reservedConcurrency"},
            {"throttled: account concurrency", "invocations.throttled.accountConcurrency"},
            {"throttled: scaling rate", "invocations.throttled.scalingRate"},
            {"throttled: capacity", "invocations.throttled.capacity"},
            {"sandboxes, mean", "sandboxes.mean"}, {"sandboxes, max", "sandboxes.max"},
            {"concurrency, mean", "platformConcurrency.mean"}, {"concurrency, max", "platformConcurrency.max"}};
        for (String[] r : rows) {
            t.row(r[0], cells(scenario.functions().stream().map(FunctionSpec::name).toList(), tree, r[1], 1));
        }
        t.row("cold starts (% of started)", cells(scenario.functions().stream().map(FunctionSpec::name).toList(),
                tree, "coldStartFraction", 100));
        String[] limits = new String[names.size()];
        String[] account = new String[names.size()];
        for (int i = 0; i < limits.length; i++) {
            FunctionSpec f = scenario.functions().get(i);
            limits[i] = f.reservedConcurrency() > 0 ? "reserved " + f.reservedConcurrency() : "unreserved " + pool;
            account[i] = Integer.toString(scenario.account().concurrencyLimit());
        }
        t.row("concurrency limit", limits);
        t.row("account concurrency limit", account);
        return t;
    }

    private static TextTable apis(Scenario scenario, Map<String, Object> tree) {
        List<String> names = scenario.apis().stream().map(ApiSpec::name).toList();
        TextTable t = new TextTable();
        t.section("APIs (requests after warm-up)", names.stream().map(Text::escape).toArray(String[]::new));
        t.row("requests", cells(names, tree, "requests", 1));
        t.row("throttled (API rate)", cells(names, tree, "throttled", 1));
        return t;
    }

    private static String[] cells(List<String> stages, Map<String, Object> tree, String path, double factor) {
        String[] out = new String[stages.size()];
        for (int i = 0; i < out.length; i++) {
            Object node = tree.get("byStage");
            node = node instanceof Map<?, ?> m ? m.get(stages.get(i)) : null;
            for (String key : path.split("\\.")) {
                node = node instanceof Map<?, ?> m ? m.get(key) : null;
            }
            out[i] = cell(node, factor);
        }
        return out;
    }

    /** A single run's number, or a replication statistic as mean +/- half-width; "-" when absent or undefined. */
    private static String cell(Object node, double factor) {
        if (node instanceof Map<?, ?> m && m.containsKey("halfWidth95")) {
            double mean = m.get("mean") instanceof Number n ? n.doubleValue() * factor : Double.NaN;
            double hw = m.get("halfWidth95") instanceof Number n ? n.doubleValue() * factor : Double.NaN;
            return hw == 0 || Double.isNaN(hw) ? SummaryTable.num(mean)
                    : SummaryTable.num(mean) + " +/- " + SummaryTable.num(hw);
        }
        if (node instanceof Long || node instanceof Integer) {
            return String.format(Locale.ROOT, "%d", ((Number) node).longValue() * (long) factor);
        }
        return node instanceof Number n ? SummaryTable.num(n.doubleValue() * factor) : "-";
    }
}
