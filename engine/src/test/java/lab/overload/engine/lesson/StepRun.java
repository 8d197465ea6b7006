package lab.overload.engine.lesson;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lab.overload.engine.component.World;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.engine.run.BatchRunner;
import lab.overload.engine.run.ControlChange;
import lab.overload.engine.run.Hysteresis;
import lab.overload.engine.run.RunResult;
import lab.overload.models.scenario.Scenario;

/**
 * A headless run of a preset with a step's changes: those before play applied to the scenario (as after pressing R),
 * the timed ones through the batch runner's change path at their sim time. Runs once, on first use; fixed seed (the
 * preset's), no threads, no wall clock.
 */
final class StepRun {
    final Scenario scenario;
    final List<ControlChange> controls;
    private RunResult result;
    private Hysteresis.Result hysteresis;
    private final Map<String, int[][]> workerManagers = new HashMap<>();

    StepRun(Scenario scenario, List<ControlChange> controls) {
        this.scenario = scenario;
        this.controls = List.copyOf(controls);
    }

    RunResult result() {
        if (result == null) {
            result = BatchRunner.run(scenario, controls, true);
        }
        return result;
    }

    /** The intervals that lie within [fromSeconds, toSeconds] of sim time. */
    List<IntervalSnapshot> window(double fromSeconds, double toSeconds) {
        long from = Math.round(fromSeconds * 1e6);
        long to = Math.round(toSeconds * 1e6);
        List<IntervalSnapshot> w = result().intervals().stream()
                .filter(s -> s.startMicros() >= from && s.endMicros() <= to).toList();
        if (w.isEmpty()) {
            throw new IllegalArgumentException("no interval in " + fromSeconds + "-" + toSeconds + " s");
        }
        return w;
    }

    /** What the command {@code overload-lab metastability NAME --hysteresis --steps 19} computes. */
    Hysteresis.Result hysteresis() {
        if (hysteresis == null) {
            hysteresis = Hysteresis.run(scenario, Hysteresis.loadTrigger(scenario), Hysteresis.Plan.of(19), 1);
        }
        return hysteresis;
    }

    /**
     * A function's sandboxes on each worker manager at a sim time, {@code [workerManager][state]} (initialising,
     * busy, idle), from a run of the same scenario to that time (the platform's own count, as the Platform tab's bands
     * show it). Only for runs without timed changes (the timeline plays as in the batch run).
     */
    int[][] sandboxesByWorkerManager(String function, double atSeconds) {
        if (!controls.isEmpty()) {
            throw new IllegalArgumentException("worker-manager counts are read on runs without timed changes");
        }
        return workerManagers.computeIfAbsent(function + "@" + atSeconds, k -> {
            World world = new World(scenario);
            world.runUntil(Math.round(atSeconds * 1e6));
            return world.functionStats(function).sandboxesByWorkerManager();
        });
    }
}
