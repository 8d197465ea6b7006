package lab.overload.models.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The structural rules of a scenario's sections: names are unique within each section and, for stages, across every
 * stage section; every target names a stage (a client's {@code target} must, an onward target may be empty); and
 * the stages' onward targets form no cycle. Messages name the parts by their parameter-path owner, e.g.
 * {@code stages form a cycle: services.a -> services.b -> services.a}.
 */
final class StageGraph {
    /**
     * One element of a section, as the rules see it.
     *
     * @param section its section's property, e.g. "services"
     * @param stage   whether it is a stage (it can be named as a target)
     * @param targets what its target fields name, in declaration order
     */
    record Part(String section, boolean stage, String name, List<Section.Target> targets) {
        String owner() {
            return section + "." + name;
        }
    }

    /** Stage name to its owner ("services.api"), in declaration order. */
    private final Map<String, String> stages = new LinkedHashMap<>();
    /** Stage owner to the owners of the stages it calls. */
    private final Map<String, List<String>> calls = new LinkedHashMap<>();
    private final List<String> stageSections;

    private StageGraph(List<String> stageSections) {
        this.stageSections = stageSections;
    }

    /** The parts of every modelled section, in registry order, from the section contents. */
    static List<Part> parts(Function<Section, List<? extends Record>> contents) {
        List<Part> parts = new ArrayList<>();
        for (Section section : Section.modelled()) {
            for (Record r : contents.apply(section)) {
                parts.add(new Part(section.property(), section.isStage(), section.name(r), section.targets(r)));
            }
        }
        return parts;
    }

    /** The properties of the modelled stage sections, in registry order. */
    static List<String> stageSections() {
        return Section.modelled().stream().filter(Section::isStage).map(Section::property).toList();
    }

    /**
     * Checks the rules; throws IllegalArgumentException naming the problem.
     *
     * @param stageSections the stage sections a target is searched in (named in the message when it finds none)
     */
    static void check(List<Part> parts, List<String> stageSections) {
        StageGraph g = new StageGraph(stageSections);
        Map<String, List<String>> namesBySection = new LinkedHashMap<>();
        for (Part p : parts) {
            List<String> names = namesBySection.computeIfAbsent(p.section(), k -> new ArrayList<>());
            if (names.contains(p.name())) {
                throw new IllegalArgumentException(p.section() + ": duplicate name '" + p.name() + "'");
            }
            names.add(p.name());
            if (p.stage()) {
                String other = g.stages.putIfAbsent(p.name(), p.owner());
                if (other != null) {
                    throw new IllegalArgumentException("stage name '" + p.name() + "' is used by " + other + " and "
                            + p.owner() + "; stage names are unique across " + String.join(", ", stageSections));
                }
            }
        }
        for (Part p : parts) {
            List<String> out = new ArrayList<>();
            for (Section.Target t : p.targets()) {
                if (t.stage().isEmpty()) {
                    continue; // an optional onward target left empty; a client's target cannot be empty
                }
                String callee = g.stages.get(t.stage());
                if (callee == null) {
                    throw new IllegalArgumentException(p.owner() + "." + t.field() + " names no stage: '"
                            + t.stage() + "' (searched " + g.searched() + ")");
                }
                out.add(callee);
            }
            if (p.stage()) {
                g.calls.put(p.owner(), out);
            }
        }
        g.rejectCycles();
    }

    /** "services: api, db; functions: none", so a misspelt target shows what exists. */
    private String searched() {
        List<String> out = new ArrayList<>();
        for (String section : stageSections) {
            String prefix = section + ".";
            List<String> names = stages.values().stream().filter(o -> o.startsWith(prefix))
                    .map(o -> o.substring(prefix.length())).sorted().toList();
            out.add(section + ": " + (names.isEmpty() ? "none" : String.join(", ", names)));
        }
        return String.join("; ", out);
    }

    /** Depth-first search in declaration order; the first cycle found is reported from its first stage. */
    private void rejectCycles() {
        Map<String, Boolean> done = new LinkedHashMap<>();
        for (String start : calls.keySet()) {
            visit(start, done, new ArrayList<>());
        }
    }

    /** {@code done} maps a stage to true once every path from it is checked, false while it is on the path. */
    private void visit(String owner, Map<String, Boolean> done, List<String> path) {
        Boolean state = done.get(owner);
        if (Boolean.TRUE.equals(state)) {
            return;
        }
        if (state != null) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(owner), path.size()));
            cycle.add(owner);
            throw new IllegalArgumentException("stages form a cycle: " + String.join(" -> ", cycle)
                    + " (a stage may not call itself, directly or through others)");
        }
        done.put(owner, false);
        path.add(owner);
        for (String next : calls.getOrDefault(owner, List.of())) {
            visit(next, done, path);
        }
        path.remove(path.size() - 1);
        done.put(owner, true);
    }
}
