package lab.overload.app.view;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Takes turns among views that redraw when their data changed, at most {@link #perPulse} redraws a pulse, which
 * spreads the software renderer's work evenly over frames: each view still refreshes several times a second with
 * all of them on screen. A view that had nothing to draw (its data unchanged, or it is off screen) does not use a
 * turn; the next turn goes to the view after the last one drawn, so a view that follows views off screen gets no
 * extra turns.
 */
final class RedrawTurns {
    private final List<BooleanSupplier> views;
    private final int perPulse;
    private int next;

    /** {@code views} each redraw if they need to and say whether they drew. */
    RedrawTurns(List<BooleanSupplier> views, int perPulse) {
        this.views = List.copyOf(views);
        this.perPulse = perPulse;
    }

    /** One pulse's redraws. */
    void redraw() {
        int drawn = 0;
        int n = views.size();
        for (int i = 0; i < n && drawn < perPulse; i++) {
            int k = (next + i) % n;
            if (views.get(k).getAsBoolean()) {
                drawn++;
                next = (k + 1) % n;
            }
        }
    }
}
