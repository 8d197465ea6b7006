package lab.overload.engine.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import lab.overload.engine.component.World;

/**
 * The parameter changes of one run, in order, with a replay cursor: the changes before the cursor have been applied
 * to the current world, those after it wait for their sim time (after a scrub back, the run replays them as it
 * passes them). A change takes effect at its {@code atMicros} after every event before that time and before every
 * event at it, control events included ({@link lab.overload.engine.core.Simulation#advanceTo}): where a timeline
 * change at that time would, so a saved {@link Recording} replays exactly.
 *
 * <p>Thread rule: owned by one thread (a runner's); {@link #changes()} returns an immutable copy.
 */
final class ControlLog {
    private final List<ControlChange> changes = new ArrayList<>();
    private int cursor;

    ControlLog() {
    }

    ControlLog(List<ControlChange> recorded) {
        changes.addAll(recorded);
    }

    /**
     * Applies every waiting change at or before {@code untilMicros} at its own time, then runs the world to
     * {@code untilMicros}. Each applied change is passed to {@code applied}.
     */
    void runUntil(World world, long untilMicros, Consumer<ControlChange> applied) {
        while (cursor < changes.size() && changes.get(cursor).atMicros() <= untilMicros) {
            ControlChange c = changes.get(cursor++);
            world.simulation().advanceTo(c.atMicros());
            world.apply(c.path(), c.value());
            applied.accept(c);
        }
        world.runUntil(untilMicros);
    }

    /**
     * Records a change just applied at the world's current time. Changes recorded earlier for a later time (ahead
     * of a scrub back) are dropped: the run has left that history. Returns how many were dropped.
     */
    int record(ControlChange change) {
        int dropped = changes.size() - cursor;
        changes.subList(cursor, changes.size()).clear();
        changes.add(change);
        cursor = changes.size();
        return dropped;
    }

    /** Back to the start of the run (a scrub back re-runs from t = 0): every change waits again. */
    void rewind() {
        cursor = 0;
    }

    void clear() {
        changes.clear();
        cursor = 0;
    }

    /** Every change of the run, applied or waiting, in order. */
    List<ControlChange> changes() {
        return List.copyOf(changes);
    }
}
