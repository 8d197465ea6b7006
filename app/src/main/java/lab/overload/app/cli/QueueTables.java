package lab.overload.app.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The queue part of {@code run}'s report, read from the summary tree: for each queue stage its lanes (joined, largest
 * depth, depth at the end, busy pollers' time-mean and empty polls over the measured period; the deepest {@link #LANES_SHOWN} when there are more), the overlap of the other tenants'
 * hands with the noisy tenant's (queues with hands), and the most impacted tenants. With replications the lane
 * numbers are means and the tenant lists are the first replication's.
 */
final class QueueTables {
    static final int LANES_SHOWN = 16;

    private QueueTables() {
    }

    /** The tables of every queue in {@code tree}; empty when it has none. */
    static String render(Map<String, Object> tree) {
        if (!(tree.get("byStage") instanceof Map<?, ?> stages)) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (var e : stages.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> stage && "queue".equals(stage.get("kind"))) {
                out.append('\n').append(render((String) e.getKey(), stage));
            }
        }
        return out.toString();
    }

    private static String render(String name, Map<?, ?> stage) {
        TextTable t = new TextTable();
        if (stage.get("lanes") instanceof Map<?, ?> lanes) {
            List<String> ids = new ArrayList<>();
            for (Object k : lanes.keySet()) {
                if (!"count".equals(k)) {
                    ids.add((String) k);
                }
            }
            long count = Math.round(number(lanes.get("count")));
            boolean some = ids.size() > LANES_SHOWN || count > ids.size();
            if (ids.size() > LANES_SHOWN) {
                ids.sort(Comparator.comparingDouble((String id) -> -number(((Map<?, ?>) lanes.get(id))
                        .get("depthMax"))).thenComparingInt(Integer::parseInt));
                ids = new ArrayList<>(ids.subList(0, LANES_SHOWN));
                ids.sort(Comparator.comparingInt(Integer::parseInt));
            }
            t.section("Queue " + name + ": " + count + (count == 1 ? " lane" : " lanes")
                    + (some ? " (the " + ids.size() + " deepest shown)" : ""), "joined", "max depth", "at end",
                    "busy pollers (mean)", "empty polls");
            for (String id : ids) {
                Map<?, ?> row = (Map<?, ?>) lanes.get(id);
                t.row("lane " + id, SummaryTable.num(number(row.get("joined"))),
                        SummaryTable.num(number(row.get("depthMax"))), SummaryTable.num(number(row.get("depthEnd"))),
                        SummaryTable.num(number(row.get("busyPollersMean"))),
                        SummaryTable.num(number(row.get("emptyPolls"))));
            }
        }
        if (stage.get("tenants") instanceof Map<?, ?> tenants) {
            if (tenants.get("overlapWithNoisy") instanceof Map<?, ?> overlap) {
                t.section("Lanes shared with noisy tenant " + SummaryTable.num(number(tenants.get("noisyTenant"))),
                        "tenants", "impacted");
                for (var o : overlap.entrySet()) {
                    Map<?, ?> row = (Map<?, ?>) o.getValue();
                    t.row(o.getKey() + " lanes", SummaryTable.num(number(row.get("tenants"))),
                            SummaryTable.num(number(row.get("impacted"))));
                }
            }
            if (tenants.get("top") instanceof List<?> top && !top.isEmpty()) {
                t.section("Most impacted tenants (age over " + SummaryTable.num(number(tenants.get("impactAgeMillis")))
                        + " ms)", "seconds", "max age ms", "messages");
                for (Object o : top) {
                    Map<?, ?> row = (Map<?, ?>) o;
                    t.row("tenant " + SummaryTable.num(number(row.get("tenant"))),
                            SummaryTable.num(number(row.get("impactedSeconds"))),
                            SummaryTable.num(number(row.get("ageMaxMillis"))),
                            SummaryTable.num(number(row.get("enqueued"))));
                }
            }
        }
        return t.render();
    }

    /** A number of the tree: itself, or the mean of a replications' statistic; NaN when absent. */
    private static double number(Object v) {
        if (v instanceof Map<?, ?> m) {
            v = m.get("mean");
        }
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
