package lab.overload.app.chart;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/**
 * A region drawn on one canvas that fills it, with colours and fonts from CSS through a {@link ChartPalette}, and the
 * lab's redraw contract: a change only marks it dirty, the owner calls {@link #redrawIfDirty()} once per pulse (it
 * draws only while on screen), and a resize redraws at once. For the views that are not time-series charts (those
 * extend {@link CanvasChart}): the sandbox grid, the lane bars, the service map.
 *
 * <p>Thread rule: FX thread only.
 */
public abstract class CanvasPane extends Region {
    protected final Canvas canvas = new Canvas();
    protected final ChartPalette palette = new ChartPalette(this::markDirty);
    private boolean dirty = true;

    protected CanvasPane() {
        getChildren().addAll(canvas, palette.probes());
        widthProperty().addListener(o -> markDirty());
        heightProperty().addListener(o -> markDirty());
    }

    /** Draws the whole view on a cleared canvas of the region's size. */
    protected abstract void draw(GraphicsContext g);

    /** Requests a redraw at the next {@link #redrawIfDirty()}. */
    public void markDirty() {
        dirty = true;
    }

    public boolean isDirty() {
        return dirty;
    }

    /** Redraws when the data or the size changed and the view is on screen; true when it drew. */
    public boolean redrawIfDirty() {
        if (!dirty || getScene() == null) {
            return false;
        }
        redraw();
        return true;
    }

    /** Redraws now, whatever the dirty flag says (for snapshots). */
    public void redraw() {
        dirty = false;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        draw(g);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        redraw();
    }
}
