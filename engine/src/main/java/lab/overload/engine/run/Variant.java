package lab.overload.engine.run;

import java.util.ArrayList;
import java.util.List;
import lab.overload.engine.component.World;
import lab.overload.models.scenario.Scenario;

/**
 * The second side (B) of an A/B split in a {@link LiveRunner}: its own start scenario, control log and world, run in
 * lock step with side A on the same seed, so both draw the same random numbers (common random numbers) until a
 * change makes them differ. B starts as an exact copy of A: a deterministic re-run of A's start scenario and the
 * changes A had applied, to A's current sim time, publishing every interval (the first part of B's series equals
 * A's). From then on B applies only the changes made on its side or on both.
 *
 * <p>Thread rule: owned by the runner's sim thread; other threads read only the {@link #ring()} and
 * {@link #scenario()} (immutable).
 */
final class Variant {
    private final SnapshotRing ring;
    private Scenario runStart;
    private ControlLog log;
    private World world;
    private List<ControlChange> pendingFrameChanges = new ArrayList<>();
    private volatile Scenario scenario;

    Variant(SnapshotRing ring) {
        this.ring = ring;
    }

    SnapshotRing ring() {
        return ring;
    }

    /** B's scenario with every change applied so far (read from any thread). */
    Scenario scenario() {
        return scenario;
    }

    World world() {
        return world;
    }

    /**
     * Starts B as a copy of side A: {@code start} and A's {@code applied} changes replayed to {@code untilMicros}
     * (every interval published as generation {@code generation}).
     */
    void copyOf(Scenario start, List<ControlChange> applied, long untilMicros, int generation) {
        runStart = start;
        log = new ControlLog(applied);
        startWorld(start, generation);
        if (untilMicros > 0) {
            log.runUntil(world, untilMicros, c -> { }); // A's own changes: not B's markers
        }
        scenario = world.scenario();
    }

    /** A new run of B from t = 0 of {@code start} with an empty control log (both sides restarted together). */
    void restart(Scenario start, int generation) {
        runStart = start;
        log = new ControlLog();
        startWorld(start, generation);
    }

    /** Back to t = 0 with B's start scenario and its log waiting (a scrub back re-runs both sides). */
    void rewind(int generation) {
        log.rewind();
        startWorld(runStart, generation);
    }

    /** Runs B to A's sim time, applying its logged changes as it passes them. */
    void runTo(long untilMicros) {
        if (untilMicros > world.nowMicros()) {
            log.runUntil(world, untilMicros, pendingFrameChanges::add);
            scenario = world.scenario();
        }
    }

    /**
     * Applies a change to B at its current time (the same time as side A's copy of it, when made on both sides) and
     * records it in B's log. The caller has validated it and advanced the world past the events at this time.
     */
    ControlChange apply(String path, String value) {
        world.apply(path, value);
        var applied = world.appliedChanges().get(world.appliedChanges().size() - 1);
        ControlChange cc = new ControlChange(world.nowMicros(), path, applied.value());
        log.record(cc);
        pendingFrameChanges.add(cc);
        scenario = world.scenario();
        return cc;
    }

    /** B's start scenario and its control log, replayable like side A's recording. */
    Recording recording() {
        return new Recording(runStart, log.changes());
    }

    private void startWorld(Scenario start, int generation) {
        world = new World(start);
        scenario = start;
        pendingFrameChanges = new ArrayList<>();
        world.onInterval(snapshot -> {
            List<ControlChange> changes = pendingFrameChanges.isEmpty() ? List.of() : List.copyOf(pendingFrameChanges);
            pendingFrameChanges.clear();
            ring.publish(new LiveFrame(ring.published(), generation, snapshot, changes));
        });
    }
}
