package lab.overload.engine.platform;

import java.util.ArrayList;
import java.util.List;
import lab.overload.engine.component.World;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.Scenario;

/** Scenario text and trace helpers for the platform tests. */
final class PlatformTraces {
    private PlatformTraces() {
    }

    /** A scenario from JSON with single quotes (easier to read in a test). */
    static Scenario scenario(String json) {
        return ScenarioCodec.read(json.replace('\'', '"'));
    }

    /** The trace lines up to {@code untilSeconds}, after checking the run's conservation. */
    static List<String> trace(Scenario s, double untilSeconds) {
        World world = new World(s);
        List<String> lines = new ArrayList<>();
        world.onTrace(e -> lines.add(e.toString()));
        world.runUntil(Math.round(untilSeconds * 1e6));
        world.summary().checkConservation();
        return lines;
    }
}
