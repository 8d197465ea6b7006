package lab.overload.app.curve;

import java.util.ArrayList;
import java.util.List;

/**
 * The current curve and the ghosts of earlier ones. A new curve for other settings pushes the current one to the
 * front of the ghosts; a new curve for the same settings (a recompute) simply replaces it; a ghost for the new
 * curve's settings is dropped (the curve itself now shows them). At most {@link #MAX_GHOSTS} ghosts are kept, the
 * oldest going first.
 *
 * <p>Thread rule: FX thread only.
 */
final class CurveHistory {
    static final int MAX_GHOSTS = 4;

    private Curve current;
    private final List<Curve> ghosts = new ArrayList<>();

    /** Makes {@code next} the current curve; returns whether the previous one became a ghost. */
    boolean accept(Curve next) {
        var key = next.settingsKey();
        boolean ghosted = current != null && !current.settingsKey().equals(key);
        ghosts.removeIf(g -> g.settingsKey().equals(key));
        if (ghosted) {
            ghosts.add(0, current);
        }
        while (ghosts.size() > MAX_GHOSTS) {
            ghosts.remove(ghosts.size() - 1);
        }
        current = next;
        return ghosted;
    }

    Curve current() {
        return current;
    }

    /** Newest first. */
    List<Curve> ghosts() {
        return List.copyOf(ghosts);
    }

    void clearGhosts() {
        ghosts.clear();
    }
}
