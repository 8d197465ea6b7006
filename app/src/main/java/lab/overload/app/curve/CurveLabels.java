package lab.overload.app.curve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lab.overload.models.scenario.Parameter;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Scenario;

/**
 * Names a curve by what its settings change from the preset as loaded: every parameter path whose value differs
 * (the swept load excepted, since the curve covers every load), e.g. {@code "workersPerHost 8, queueCapacity 16"}, or
 * {@link #PRESET} when nothing differs. Paths are shortened to the field ({@code workersPerHost},
 * {@code retry.maxAttempts}); with several clients or services the group name stays ({@code api.workersPerHost}).
 */
public final class CurveLabels {
    /** The label of a curve for the preset's own settings. */
    public static final String PRESET = "preset";
    /** Differences named before the label is cut short with "+N more". */
    static final int MAX_NAMED = 3;

    private CurveLabels() {
    }

    /** The label of {@code scenario}'s curve relative to {@code loaded}. */
    public static String describe(Scenario loaded, Scenario scenario) {
        List<String> diffs = differences(loaded, scenario);
        if (diffs.isEmpty()) {
            return PRESET;
        }
        if (diffs.size() <= MAX_NAMED) {
            return String.join(", ", diffs);
        }
        return String.join(", ", diffs.subList(0, MAX_NAMED)) + " +" + (diffs.size() - MAX_NAMED) + " more";
    }

    /** Each differing parameter as "name value", in parameter-list order (clients first); the seed last. */
    public static List<String> differences(Scenario loaded, Scenario scenario) {
        String swept = CurvePlan.sweptPath(scenario);
        Map<String, Double> before = new HashMap<>();
        if (loaded != null) {
            for (Parameter p : ParameterPaths.list(loaded)) {
                before.put(p.path(), p.value());
            }
        }
        boolean keepGroup = scenario.clients().size() > 1 || scenario.services().size() > 1;
        List<Parameter> changed = new ArrayList<>();
        for (Parameter p : ParameterPaths.list(scenario)) {
            Double was = before.get(p.path());
            if (!p.path().equals(swept) && was != null && Double.compare(was, p.value()) != 0) {
                changed.add(p);
            }
        }
        List<String> out = new ArrayList<>();
        for (Parameter p : changed) {
            out.add(shortName(p.path(), keepGroup) + " " + p.displayValue());
        }
        if (loaded != null && loaded.seed() != scenario.seed()) {
            out.add("seed " + scenario.seed());
        }
        return out;
    }

    /** {@code services.api.workersPerHost} → {@code workersPerHost} (or {@code api.workersPerHost}). */
    static String shortName(String path, boolean keepGroup) {
        int first = path.indexOf('.');
        String rest = path.substring(first + 1);
        return keepGroup ? rest : rest.substring(rest.indexOf('.') + 1);
    }
}
