package lab.overload.app.viewmodel;

import java.util.LinkedHashMap;
import java.util.Map;
import lab.overload.engine.run.AbSide;
import lab.overload.engine.run.LiveRunner;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Scenario;

/**
 * The user's parameter changes on their way to the runner: validated when asked for, coalesced until the next pulse
 * (the latest value per side and path wins, so a slider drag sends one change a pulse), then sent as commands. As it
 * sends them it keeps the scenario the runner's current run started from: a change that cannot be made live restarts
 * the run from the scenario with that change. FX thread only.
 */
final class PendingChanges {
    private record PendingChange(String path, String value, AbSide side) {
    }

    /** Changes waiting for the next pulse, by side and path (latest value wins). */
    private final Map<String, PendingChange> pending = new LinkedHashMap<>();
    /** The scenario the current run started from at t = 0 (its control log holds the changes made since). */
    private Scenario runStart;

    PendingChanges(Scenario initial) {
        this.runStart = initial;
    }

    Scenario runStart() {
        return runStart;
    }

    /** A new run from t = 0 of {@code start} (a reset or load): the changes not sent yet are dropped. */
    void restart(Scenario start) {
        pending.clear();
        runStart = start;
    }

    /**
     * Asks for a change on the side the controls change ({@code ab}), validated now against that side's scenario
     * ({@code current} for side A): an invalid value throws IllegalArgumentException naming the path and range, and
     * nothing is queued.
     */
    void request(String path, String value, AbState ab, Scenario current) {
        AbSide side = ab.onProperty().get() ? ab.sideProperty().get() : AbSide.A;
        if (side != AbSide.A && ab.scenarioB() != null) {
            ParameterPaths.with(ab.scenarioB(), path, value);
        }
        if (side != AbSide.B || ab.scenarioB() == null) {
            ParameterPaths.with(current, path, value);
        }
        pending.put(side + " " + path, new PendingChange(path, value, side));
    }

    /** Sends the waiting changes to the runner, in the order first asked for; {@code current} is side A's scenario. */
    void send(LiveRunner runner, AbState ab, Scenario current) {
        if (!pending.isEmpty()) {
            Scenario after = current;
            for (PendingChange c : pending.values()) {
                ab.sent(c.path(), c.side());
                runner.change(c.path(), c.value(), c.side());
                if (c.side() != AbSide.B) {
                    after = trackRunStart(after, c.path(), c.value());
                }
            }
            pending.clear();
        }
    }

    /** The scenario after one change sent to the runner; a change that restarts the run starts a new run from it. */
    private Scenario trackRunStart(Scenario before, String path, String value) {
        try {
            Scenario after = ParameterPaths.with(before, path, value);
            if (!ParameterPaths.def(before, path).live()) {
                runStart = after;
            }
            return after;
        } catch (IllegalArgumentException e) {
            return before; // the runner reports it
        }
    }
}
