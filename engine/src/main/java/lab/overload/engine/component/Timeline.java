package lab.overload.engine.component;

import java.util.List;
import lab.overload.engine.core.Phase;
import lab.overload.engine.core.Simulation;
import lab.overload.models.scenario.FieldDef;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.scenario.TimelineChange;

/**
 * A scenario's timeline: each change at its time, as a step or as a ramp of one step per interval, and after its hold
 * the return to the value before it. Its events are the world's (types {@link #STEP} and {@link #RESTORE}, handed on
 * by {@link World#handle}); every change goes through the world's parameter paths, as a user's does, with the source
 * {@code timeline}.
 */
final class Timeline {
    /** The world's event types of a step of change {@code a} (step number {@code b}) and of its restore. */
    static final int STEP = 1;
    static final int RESTORE = 2;

    private final World world;
    private final Simulation sim;
    private final int handlerId;
    private final long intervalMicros;
    /** By change: the value before it, to ramp from and to restore after its hold. */
    private final double[] rampFrom;

    /** Schedules the first step of every change of the scenario's timeline. */
    Timeline(World world, int handlerId, long intervalMicros, List<TimelineChange> changes) {
        this.world = world;
        this.sim = world.sim;
        this.handlerId = handlerId;
        this.intervalMicros = intervalMicros;
        rampFrom = new double[changes.size()];
        for (int i = 0; i < changes.size(); i++) {
            sim.schedule(Math.round(changes.get(i).atSeconds() * 1e6), Phase.CONTROL, handlerId, STEP, i, 0);
        }
    }

    /** Step k of timeline change i: a step change, or one step of a ramp (one interval per step). */
    void step(int i, int k, long now) {
        Scenario scenario = world.scenario();
        TimelineChange c = scenario.timeline().get(i);
        FieldDef def = ParameterPaths.def(scenario, c.path());
        if (k == 0) {
            rampFrom[i] = ParameterPaths.get(scenario, c.path());
        }
        long rampMicros = Math.round(c.rampSeconds() * 1e6);
        long endOfChange = now;
        if (rampMicros <= 0) {
            world.apply(c.path(), c.value(), "timeline");
        } else {
            double target = def.parse(c.path(), c.value());
            long elapsed = Math.min(rampMicros, (long) k * intervalMicros);
            double v = rampFrom[i] + (target - rampFrom[i]) * elapsed / rampMicros;
            if (def.kind() == FieldDef.Kind.INTEGER) {
                v = Math.round(v);
            }
            if (k > 0) {
                world.apply(c.path(), v, "timeline");
            }
            if (elapsed < rampMicros) {
                sim.schedule(now + intervalMicros, Phase.CONTROL, handlerId, STEP, i, k + 1);
                return;
            }
            endOfChange = now;
        }
        if (c.holdSeconds() > 0) {
            sim.schedule(endOfChange + Math.round(c.holdSeconds() * 1e6), Phase.CONTROL, handlerId, RESTORE, i, 0);
        }
    }

    /** Change i's hold is over: its path gets back the value it had before the change. */
    void restore(int i) {
        TimelineChange c = world.scenario().timeline().get(i);
        world.apply(c.path(), rampFrom[i], "timeline");
    }
}
