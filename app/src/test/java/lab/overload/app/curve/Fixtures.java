package lab.overload.app.curve;

import java.util.ArrayList;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import lab.overload.app.viewmodel.PresetCatalog;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Scenario;

/** Presets, scenario variants, synthetic curves and interval snapshots for the curve tests. */
final class Fixtures {
    static final Scenario COLLAPSE = PresetCatalog.bundled("goodput-collapse.json");
    static final Scenario SHEDDING = PresetCatalog.bundled("load-shedding.json");

    private Fixtures() {
    }

    /** The scenario with each (path, value) pair applied, e.g. {@code with(s, "services.api.workersPerHost", "8")}. */
    static Scenario with(Scenario s, String... pathValues) {
        for (int i = 0; i < pathValues.length; i += 2) {
            s = ParameterPaths.with(s, pathValues[i], pathValues[i + 1]);
        }
        return s;
    }

    /** A curve without a sweep: goodput rising to {@code peak} at 300 req/s, then falling. */
    static Curve curve(String label, Scenario scenario, double peak) {
        List<Curve.Point> points = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            double offered = 100 * i;
            double goodput = offered <= 300 ? peak * offered / 300 : peak * (600 - offered) / 300;
            points.add(new Curve.Point(offered, offered, goodput, Math.min(offered, peak), 50 * i));
        }
        return Curve.of(label, CurvePlan.sweptPath(scenario), points, 400, scenario, 0);
    }

    /**
     * A 100 ms interval with the given counts, every other field zero (or empty), built by component name so the
     * fixture survives new snapshot fields.
     */
    static IntervalSnapshot snapshot(int index, long offered, long succeeded, long completed, double p99Millis) {
        long start = index * 100_000L;
        Map<String, Object> values = Map.of("index", index, "startMicros", start, "endMicros", start + 100_000,
                "offered", offered, "attempts", offered, "succeeded", succeeded, "completedUseful", completed,
                "latencyP99Millis", p99Millis);
        RecordComponent[] components = IntervalSnapshot.class.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> type = components[i].getType();
            types[i] = type;
            Object v = values.get(components[i].getName());
            args[i] = type == int.class ? (Object) (v == null ? 0 : ((Number) v).intValue())
                    : type == long.class ? (Object) (v == null ? 0L : ((Number) v).longValue())
                    : type == double.class ? (Object) (v == null ? 0.0 : ((Number) v).doubleValue())
                    : type == Map.class ? Map.of()
                    : type == List.class ? List.of() : null;
        }
        try {
            return IntervalSnapshot.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build an IntervalSnapshot", e);
        }
    }
}
