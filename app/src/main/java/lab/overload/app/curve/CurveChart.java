package lab.overload.app.curve;

import java.util.List;
import java.util.Objects;
import javafx.scene.canvas.GraphicsContext;
import lab.overload.app.chart.CanvasChart;
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
public final class CurveChart extends CanvasChart {
    private final CurveRenderer renderer = new CurveRenderer(palette);
    private final OperatingPoint live;
    private Curve curve;
    private List<Curve> ghosts = List.of();
    private String presetName = "";
    private boolean computing;
    private boolean showLatency = true;

    /** @param live the operating point to draw (read at every draw; owned by the caller) */
    public CurveChart(OperatingPoint live) {
        super(720, 420);
        this.live = Objects.requireNonNull(live, "live");
        getStyleClass().add(CurveStyles.CHART);
        for (String s : new String[] {CurveStyles.GOODPUT, CurveStyles.THROUGHPUT, CurveStyles.P99,
            CurveStyles.DIAGONAL, CurveStyles.CAPACITY, CurveStyles.TIPPING, CurveStyles.OPERATING_POINT,
            CurveStyles.TIMEOUT}) {
            palette.prepare(s);
        }
        for (int i = 0; i < CurveHistory.MAX_GHOSTS; i++) {
            palette.prepare(CurveStyles.ghost(i));
        }
        palette.font(CurveStyles.OVERLAY_TEXT);
        palette.boxFill(CurveStyles.OVERLAY);
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

    @Override
    protected void draw(GraphicsContext g, double width, double height, double hoverX, double hoverY) {
        renderer.draw(g, width, height,
                new CurveRenderer.Scene(curve, ghosts, presetName, live, computing, showLatency), hoverX, hoverY);
    }


    /**
     * The ranges of the last draw: the top of the offered-load axis (req/s), of the rates panel (req/s) and of the
     * p99 panel (ms; NaN when it was not shown).
     */
    public double[] lastRanges() {
        return renderer.lastRanges();
    }
}
