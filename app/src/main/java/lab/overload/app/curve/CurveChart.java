package lab.overload.app.curve;

import java.net.URL;
import java.util.List;
import java.util.Objects;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import lab.overload.app.chart.ChartPalette;
import lab.overload.app.chart.ChartStyles;
import lab.overload.app.chart.LiveChart;

/**
 * The tipping-point curve on one {@link Canvas}: goodput and throughput against offered load for the current
 * settings (with a point marker per sweep step), the "goodput = offered" diagonal, the capacity estimate, the tipping
 * point, faded dashed ghosts of earlier settings, the live operating point with a short trail, and optionally a
 * second panel with p99 latency on a log axis. A "computing…" overlay shows while a sweep runs. Hovering shows the
 * nearest sweep step's numbers.
 *
 * <p>Redraw contract (as {@link LiveChart}): setters only mark the chart dirty; call {@link #redrawIfDirty()} once per
 * pulse. Colours come from CSS through the style classes in {@link CurveStyles}.
 *
 * <p>Thread rule: FX thread only.
 */
public final class CurveChart extends Region {
    private static final String USER_AGENT_STYLESHEET = resource(LiveChart.STYLESHEET);

    private final Canvas canvas = new Canvas();
    private final ChartPalette palette = new ChartPalette(this::markDirty);
    private final CurveRenderer renderer = new CurveRenderer(palette);
    private final OperatingPoint live;
    private Curve curve;
    private List<Curve> ghosts = List.of();
    private String presetName = "";
    private boolean computing;
    private boolean showLatency = true;
    private boolean dirty = true;
    private long draws;
    private double hoverX = Double.NaN;
    private double hoverY = Double.NaN;

    /** @param live the operating point to draw (read at every draw; owned by the caller) */
    public CurveChart(OperatingPoint live) {
        this.live = Objects.requireNonNull(live, "live");
        getStyleClass().addAll(ChartStyles.LIVE_CHART, CurveStyles.CHART);
        getChildren().addAll(canvas, palette.probes());
        for (String s : new String[] {CurveStyles.GOODPUT, CurveStyles.THROUGHPUT, CurveStyles.P99,
            CurveStyles.DIAGONAL, CurveStyles.CAPACITY, CurveStyles.TIPPING, CurveStyles.OPERATING_POINT}) {
            palette.prepare(s);
        }
        for (int i = 0; i < CurveHistory.MAX_GHOSTS; i++) {
            palette.prepare(CurveStyles.ghost(i));
        }
        palette.font(CurveStyles.OVERLAY_TEXT);
        palette.boxFill(CurveStyles.OVERLAY);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX() - canvas.getLayoutX(),
                e.getY() - canvas.getLayoutY()));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(Double.NaN, Double.NaN));
    }

    /** The current curve (null for none). */
    public void setCurve(Curve curve) {
        this.curve = curve;
        markDirty();
    }

    public Curve curve() {
        return curve;
    }

    /** Earlier curves, newest first; at most {@link CurveHistory#MAX_GHOSTS} are drawn. */
    public void setGhosts(List<Curve> ghosts) {
        this.ghosts = List.copyOf(ghosts);
        markDirty();
    }

    public List<Curve> ghosts() {
        return ghosts;
    }

    /** The preset now loaded: curves of other presets carry their preset's name in the legend. */
    public void setPresetName(String name) {
        if (!Objects.equals(presetName, name)) {
            presetName = Objects.requireNonNull(name, "name");
            markDirty();
        }
    }

    /** Shows or hides the "computing…" overlay. */
    public void setComputing(boolean computing) {
        if (this.computing != computing) {
            this.computing = computing;
            markDirty();
        }
    }

    public boolean isComputing() {
        return computing;
    }

    /** Shows or hides the p99 latency panel under the curve. */
    public void setShowLatency(boolean show) {
        if (showLatency != show) {
            showLatency = show;
            markDirty();
        }
    }

    public boolean isShowLatency() {
        return showLatency;
    }

    public OperatingPoint operatingPoint() {
        return live;
    }

    public ChartPalette palette() {
        return palette;
    }

    public void markDirty() {
        dirty = true;
    }

    public boolean isDirty() {
        return dirty;
    }

    /** Redraws if anything changed since the last draw; returns whether it drew. */
    public boolean redrawIfDirty() {
        if (!dirty) {
            return false;
        }
        redraw();
        return true;
    }

    /** Redraws now. */
    public void redraw() {
        dirty = false;
        draws++;
        renderer.draw(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(),
                new CurveRenderer.Scene(curve, ghosts, presetName, live, computing, showLatency), hoverX, hoverY);
    }

    /** How many times the chart has drawn. */
    public long drawCount() {
        return draws;
    }

    /** The x and y ranges of the last draw: offered load (req/s) and the main panel's rates (req/s). */
    public double[] lastRanges() {
        return renderer.lastRanges();
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
        return 720;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 420;
    }

    @Override
    public String getUserAgentStylesheet() {
        return USER_AGENT_STYLESHEET;
    }

    private static String resource(String path) {
        URL url = CurveChart.class.getResource(path);
        return url == null ? null : url.toExternalForm();
    }
}
