package lab.overload.app.chart;

import java.net.URL;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;

/**
 * What every chart of the lab shares: one {@link Canvas} that fills the region, colours read from CSS through a
 * {@link ChartPalette}, the hover position, and the redraw contract: changes only mark the chart dirty, the owner
 * calls {@link #redrawIfDirty()} once per pulse, and a resize redraws at once.
 *
 * <p>Thread rule: FX thread only.
 */
public abstract class CanvasChart extends Region {
    private static final String USER_AGENT_STYLESHEET = resource(LiveChart.STYLESHEET);

    protected final Canvas canvas = new Canvas();
    protected final ChartPalette palette = new ChartPalette(this::markDirty);
    private final double prefWidth;
    private final double prefHeight;
    private boolean dirty = true;
    private long lastDrawNanos;
    private long draws;
    private double hoverX = Double.NaN;
    private double hoverY = Double.NaN;

    protected CanvasChart(double prefWidth, double prefHeight) {
        this.prefWidth = prefWidth;
        this.prefHeight = prefHeight;
        getStyleClass().add(ChartStyles.LIVE_CHART);
        getChildren().addAll(canvas, palette.probes());
        addEventHandler(MouseEvent.MOUSE_MOVED,
                e -> hover(e.getX() - canvas.getLayoutX(), e.getY() - canvas.getLayoutY()));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(Double.NaN, Double.NaN));
    }

    /** Draws the whole chart; {@code hoverX}/{@code hoverY} are canvas coordinates, NaN when the mouse is away. */
    protected abstract void draw(GraphicsContext g, double width, double height, double hoverX, double hoverY);

    public ChartPalette palette() {
        return palette;
    }

    /** Requests a redraw at the next {@link #redrawIfDirty()}. */
    public void markDirty() {
        dirty = true;
    }

    public boolean isDirty() {
        return dirty;
    }

    /** Redraws if anything changed since the last draw; call once per pulse. Returns whether it drew. */
    public boolean redrawIfDirty() {
        if (!dirty) {
            return false;
        }
        redraw();
        return true;
    }

    /** Redraws now, whatever the dirty flag says. */
    public void redraw() {
        long start = System.nanoTime();
        dirty = false;
        draws++;
        draw(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(), hoverX, hoverY);
        lastDrawNanos = System.nanoTime() - start;
    }

    /**
     * How long the last draw took, in nanoseconds. This is the time to record the canvas commands on the FX thread;
     * rasterising them happens later in the pulse, on the render thread.
     */
    public long lastDrawNanos() {
        return lastDrawNanos;
    }

    /** How many times the chart has drawn. */
    public long drawCount() {
        return draws;
    }

    private void hover(double x, double y) {
        hoverX = x;
        hoverY = y;
        markDirty();
    }

    @Override
    protected void layoutChildren() {
        double left = snappedLeftInset();
        double top = snappedTopInset();
        double w = Math.max(0, snapSizeX(getWidth()) - left - snappedRightInset());
        double h = Math.max(0, snapSizeY(getHeight()) - top - snappedBottomInset());
        canvas.relocate(left, top);
        if (w != canvas.getWidth() || h != canvas.getHeight()) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return prefWidth;
    }

    @Override
    protected double computePrefHeight(double width) {
        return prefHeight;
    }

    @Override
    public String getUserAgentStylesheet() {
        return USER_AGENT_STYLESHEET;
    }

    private static String resource(String path) {
        URL url = CanvasChart.class.getResource(path);
        return url == null ? null : url.toExternalForm();
    }
}
