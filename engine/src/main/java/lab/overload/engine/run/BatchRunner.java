package lab.overload.engine.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
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
        List<IntervalSnapshot> intervals = new ArrayList<>();
        RunResult r = run(scenario, controls, keepIntervals ? intervals::add : null);
        return new RunResult(r.summary(), List.copyOf(intervals), r.events(), r.wallSeconds());
    }

    /**
     * Runs to the scenario's duration, handing every interval snapshot to {@code intervalSink} as it is sealed (on
     * this thread) and keeping none: memory does not grow with the duration. The result's interval list is empty.
     *
     * @param intervalSink receives each interval in time order; null for none
     */
    public static RunResult run(Scenario scenario, List<ControlChange> controls,
                                Consumer<IntervalSnapshot> intervalSink) {
        long t0 = System.nanoTime();
        World world = new World(scenario);
        if (intervalSink != null) {
            world.onInterval(intervalSink);
        }
        new ControlLog(controls).runUntil(world, scenario.durationMicros(), c -> { });
        var summary = world.summary();
        summary.checkConservation();
        return new RunResult(summary, List.of(), world.eventsProcessed(),
                (System.nanoTime() - t0) / 1e9);
    }
}
