package lab.overload.engine.run;

import java.util.ArrayList;
import java.util.List;
import lab.overload.engine.component.World;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.models.scenario.Scenario;

/** Runs a scenario as fast as possible, optionally replaying a recording of parameter changes. */
public final class BatchRunner {
    private BatchRunner() {
    }

    public static RunResult run(Scenario scenario) {
        return run(scenario, List.of(), false);
    }

    /**
     * Runs to the scenario's duration. Each control change is applied at its time before every event at that time,
     * as the live runner does (and as a timeline change at that time would), so a live recording replays exactly.
     *
     * @param keepIntervals whether to keep every interval snapshot (memory grows with the duration)
     */
    public static RunResult run(Scenario scenario, List<ControlChange> controls, boolean keepIntervals) {
        long t0 = System.nanoTime();
        World world = new World(scenario);
        List<IntervalSnapshot> intervals = new ArrayList<>();
        if (keepIntervals) {
            world.onInterval(intervals::add);
        }
        new ControlLog(controls).runUntil(world, scenario.durationMicros(), c -> { });
        var summary = world.summary();
        summary.checkConservation();
        return new RunResult(summary, List.copyOf(intervals), world.eventsProcessed(),
                (System.nanoTime() - t0) / 1e9);
    }
}
