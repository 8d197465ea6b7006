package lab.overload.app.chart;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.scene.canvas.GraphicsContext;

/**
 * A fast live time-series chart drawn on one {@link Canvas}: no node per point, at most one redraw per pulse.
 *
 * <p>The x axis is sim time in seconds over a fixed window ({@link #setWindowSeconds}, e.g. 30, 120 or 600 s) whose
 * right edge follows the newest sample. The y axis auto-scales to the visible samples with 1-2-5 ticks from 0, or
 * shows whole decades on a log scale ({@link #setLogScale}, values {@code <= 0} skipped). Series wider than the plot
 * are decimated to each pixel column's minimum and maximum, so spikes survive. The chart also draws a legend with
 * each series' newest value, dashed reference series ({@link TimeSeries#setDashed}), event markers
 * ({@link #addMarker}) and, under the pointer, a crosshair with a read-out box ({@link #readoutAt}).
 *
 * <p>Colours, line widths, dashes and fonts come only from CSS ({@code assets/chart.css}, this region's user-agent
 * stylesheet, overridable by scene stylesheets), through the style classes in {@link ChartStyles}.
 *
 * <p>Redraw contract: changing data does not draw. Call {@link #markDirty()} after adding samples and
 * {@link #redrawIfDirty()} once per pulse (from the owner's single {@code AnimationTimer}); resizing redraws at once.
 * Hover moves also mark the chart dirty, so keep calling {@code redrawIfDirty()} while paused.
 *
 * <p>Thread rule: FX thread only.
 */
public final class LiveChart extends CanvasChart {
    /** Classpath location of the default stylesheet. */
    public static final String STYLESHEET = "/assets/chart.css";
    /** The window lengths the UI offers, in seconds. */
    public static final List<Double> WINDOW_CHOICES_SECONDS = List.of(30.0, 120.0, 600.0);

    private final ChartModel model = new ChartModel();
    private final ChartRenderer renderer = new ChartRenderer(model, palette);
    private String title;
    private String unit;

    /**
     * @param title chart title, e.g. "Throughput"
     * @param unit  y-axis unit, e.g. "req/s" or "ms"; empty for a count
     */
    public LiveChart(String title, String unit) {
        super(640, 260);
        this.title = Objects.requireNonNull(title, "title");
        this.unit = Objects.requireNonNull(unit, "unit");
    }

    /** Adds a series (ids must be unique in a chart); returns it for chaining. */
    public TimeSeries addSeries(TimeSeries series) {
        model.add(Objects.requireNonNull(series, "series"));
        palette.prepare(series.styleClass());
        markDirty();
        return series;
    }

    /** The series in legend order (read-only view). */
    public List<TimeSeries> series() {
        return model.series();
    }

    /**
     * Adds a vertical event marker; only the newest 200 are kept.
     *
     * @param tSeconds   sim time of the event
     * @param label      short text drawn along the line
     * @param styleClass e.g. {@link ChartStyles#MARKER_USER} or {@link ChartStyles#MARKER_TIMELINE}
     */
    public void addMarker(double tSeconds, String label, String styleClass) {
        model.markers().add(tSeconds, Objects.requireNonNull(label, "label"), Objects.requireNonNull(styleClass));
        palette.prepare(styleClass);
        markDirty();
    }

    /** Markers held (at most 200). */
    public int markerCount() {
        return model.markers().size();
    }

    /** Markers that fell inside the window at the last draw. */
    public int markersDrawn() {
        return renderer.markersDrawn();
    }

    /** Empties every series and drops every marker (for a simulation reset). */
    public void clearData() {
        for (TimeSeries s : model.series()) {
            s.clear();
        }
        model.markers().clear();
        markDirty();
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = Objects.requireNonNull(title, "title");
        markDirty();
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = Objects.requireNonNull(unit, "unit");
        markDirty();
    }

    public double getWindowSeconds() {
        return model.windowSeconds();
    }

    /** Sets the visible time window; must be positive (the UI offers {@link #WINDOW_CHOICES_SECONDS}). */
    public void setWindowSeconds(double seconds) {
        model.setWindowSeconds(seconds);
        markDirty();
    }

    public boolean isLogScale() {
        return model.logScale();
    }

    /** Switches the value axis between linear from 0 and log10 decades. */
    public void setLogScale(boolean log) {
        model.setLogScale(log);
        markDirty();
    }

    /** Colours and fonts in use, read from CSS. */
    @Override
    protected void draw(GraphicsContext g, double width, double height, double hoverX, double hoverY) {
        renderer.draw(g, width, height, title, unit, hoverX, hoverY);
    }

    /** The time window and value-axis range the next draw will show. */
    public VisibleRange visibleRange() {
        double t1 = model.windowEnd();
        double t0 = t1 - model.windowSeconds();
        Ticks y = model.yTicks(t0, t1, renderer.yTickTarget());
        return new VisibleRange(t0, t1, y.lo(), y.hi());
    }

    /**
     * What the hover box shows for a pointer at sim time {@code tSeconds}: the nearest sample time over all series
     * and each series' value there (exact sample, else linear between its neighbours; {@code NaN} outside its
     * samples or next to a gap). Empty when the chart has no samples.
     */
    public Optional<Readout> readoutAt(double tSeconds) {
        return model.readoutAt(tSeconds);
    }

    /** Sim time under a point in this chart's coordinates at the last draw, or {@code NaN} outside the plot. */
    public double timeAt(double x, double y) {
        return renderer.area().timeAt(x - canvas.getLayoutX(), y - canvas.getLayoutY());
    }
}
