package lab.overload.engine.run;

import lab.overload.engine.component.World;
import lab.overload.models.scenario.FieldDef;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Scenario;

/**
 * The A/B split of a live run: side B (a {@link Variant}, while the split is on) next to side A (the {@link LiveRun}),
 * run in lock step on the same seed, and the routing of every parameter change to side A, side B or both. A change
 * that can be applied live is applied on its sides at the same sim time; one that cannot restarts both sides from
 * t = 0, each with its own values ({@link #restart}).
 *
 * <p>Thread rule: owned by the runner's sim thread; other threads read only {@link #scenarioB()}, an immutable
 * scenario (null while the split is off).
 */
final class AbSplit {
    /**
     * What a change did: applied live ({@code restartA} null), or not applicable live, so both sides are to restart
     * from t = 0 with {@code restartA} and {@code restartB} (null while the split is off). {@code message} is the
     * notice for the user, possibly empty.
     */
    record Outcome(String message, Scenario restartA, Scenario restartB) {
        boolean restarts() {
            return restartA != null;
        }
    }

    private final LiveRun a;
    private final SnapshotRing ringB;
    /** Side B, or null when the runner runs one world. */
    private Variant b;
    /** B's current scenario while the split is on, else null (for other threads). */
    private volatile Scenario scenarioB;

    AbSplit(LiveRun a, SnapshotRing ringB) {
        this.a = a;
        this.ringB = ringB;
    }

    /** Side B's scenario with every change applied, or null while the split is off (read from any thread). */
    Scenario scenarioB() {
        return scenarioB;
    }

    /**
     * On: side B starts as an exact copy of side A at A's current sim time (A's start scenario and applied changes
     * re-run, every interval published to B's ring); a no-op if the split is already on. Off: side B is dropped.
     */
    void set(boolean on) {
        if (!on) {
            drop();
        } else if (b == null) {
            b = new Variant(ringB);
            long now = a.world().nowMicros();
            b.copyOf(a.runStart(), a.changesUntil(now), now, a.generation());
            scenarioB = b.scenario();
        }
    }

    void drop() {
        b = null;
        scenarioB = null;
    }

    /** Runs side B to side A's sim time (after every quantum A runs). */
    void followA() {
        if (b != null) {
            b.runTo(a.world().nowMicros());
        }
    }

    /** Side B back to t = 0 with its log waiting, in side A's generation (after a scrub back of side A). */
    void rewindB() {
        if (b != null) {
            b.rewind(a.generation());
        }
    }

    /**
     * Both sides from t = 0 with empty logs: B first, so that when the status shows the new run, B's scenario is
     * already its own.
     */
    void restart(Outcome outcome) {
        if (b != null) {
            b.restart(outcome.restartB(), a.generation() + 1);
            scenarioB = outcome.restartB();
        }
        a.restart(outcome.restartA());
    }

    /**
     * Applies a change on {@code side} (side B's share is ignored while the split is off) at the current sim time,
     * or says how both sides restart when it cannot be applied live. Throws IllegalArgumentException naming the path
     * and range when the value is not valid for a side; then nothing has changed.
     */
    Outcome change(String path, String value, AbSide side) {
        World worldA = a.world();
        boolean onA = side != AbSide.B || b == null;
        boolean onB = side != AbSide.A && b != null;
        Scenario sideScenario = onA ? worldA.scenario() : b.world().scenario();
        FieldDef def = ParameterPaths.def(sideScenario, path);
        if (!def.live()) {
            Scenario next = ParameterPaths.with(sideScenario, path, value);
            Scenario nextA = onA ? ParameterPaths.with(worldA.scenario(), path, value) : worldA.scenario();
            Scenario nextB = b == null ? null
                    : onB ? ParameterPaths.with(b.world().scenario(), path, value) : b.world().scenario();
            String message = path + " cannot change while running: restarted from t = 0 with "
                    + def.display(ParameterPaths.get(next, path)) + (b == null ? ""
                    : onA && onB ? " on both sides" : onB ? " on side B" : " on side A");
            return new Outcome(message, nextA, nextB);
        }
        if (onA) {
            ParameterPaths.with(worldA.scenario(), path, value);
        }
        if (onB) {
            ParameterPaths.with(b.world().scenario(), path, value);
        }
        a.advanceForChange();
        if (b != null && b.world().nowMicros() < worldA.nowMicros()) {
            b.world().simulation().advanceTo(worldA.nowMicros());
        }
        if (onB) {
            b.apply(path, value);
            scenarioB = b.scenario();
        }
        if (!onA) {
            a.markChange();
            return new Outcome("", null, null);
        }
        return new Outcome(a.apply(path, value), null, null);
    }
}
