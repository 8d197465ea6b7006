package lab.overload.engine.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.overload.models.json.ScenarioCodec;

/**
 * The summary JSON, a stable interface for scripts (documented in docs/summary-format.md). Numbers that are not
 * defined (a latency percentile with no successful request) are written as null.
 */
public final class SummaryJson {
    private SummaryJson() {
    }

    public static String write(Summary summary) {
        return write(summary.toMap());
    }

    public static String write(Map<String, Object> tree) {
        try {
            return ScenarioCodec.mapper().writeValueAsString(clean(tree)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object clean(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put((String) k, clean(x)));
            return out;
        }
        if (v instanceof Double d && !Double.isFinite(d)) {
            return null;
        }
        return v;
    }

    /**
     * Replications: every number of the summary becomes {@code {"mean": m, "halfWidth95": h, "n": n}}, with h the
     * Student-t 95% half-width over the replications' values (replications where the value is undefined are left
     * out, so n can differ per field). Text fields are taken from the first replication.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> combine(List<Map<String, Object>> runs) {
        Map<String, Object> first = runs.get(0);
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : first.keySet()) {
            Object v = first.get(key);
            if (v instanceof Map<?, ?>) {
                out.put(key, combine(runs.stream().map(r -> (Map<String, Object>) r.get(key)).toList()));
            } else if (v instanceof Number && !key.equals("seed")) {
                double[] xs = runs.stream().mapToDouble(r -> ((Number) r.get(key)).doubleValue())
                        .filter(Double::isFinite).toArray();
                Map<String, Object> stat = new LinkedHashMap<>();
                stat.put("mean", Stats.mean(xs));
                stat.put("halfWidth95", Stats.halfWidth95(xs));
                stat.put("n", xs.length);
                out.put(key, stat);
            } else {
                out.put(key, v);
            }
        }
        return out;
    }
}
