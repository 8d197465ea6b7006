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
 * shows whole decades on a log scale ({@link #setLogScale}, values {@code <= 0} skipped). A linear axis is robust:
 * a spike of an interval or two does not take it over; it is drawn on the top edge and marked with a triangle and its
 * value. Legend values and read-outs can be averaged over a few seconds ({@link #setSmoothingSeconds}); the lines stay
 * raw. Series wider than the plot
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

    /** Minimum width in pixels (see {@link #computeMinWidth}). */
    public static final double MIN_WIDTH = 160;

    private final ChartModel model = new ChartModel();
    private final ChartRenderer renderer = new ChartRenderer(model, palette);
    private String title;
    private String unit;
    private String notice = "";
    private String emptyText = "";

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

    /** Removes a series (its data stays with it); returns whether the chart had it. */
    public boolean removeSeries(TimeSeries series) {
        boolean had = model.remove(series);
        markDirty();
        return had;
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

    /**
     * Adds a marker for a change of {@code key} (a parameter path), or updates the newest marker of that key when
     * it last changed at most {@code coalesceSeconds} before: a slider drag becomes one marker, placed at the drag's
     * start and labelled with its final value.
     */
    public void addMarker(double tSeconds, String label, String styleClass, String key, double coalesceSeconds) {
        model.markers().add(tSeconds, Objects.requireNonNull(label, "label"), Objects.requireNonNull(styleClass),
                Objects.requireNonNull(key, "key"), coalesceSeconds);
        palette.prepare(styleClass);
        markDirty();
    }

    /** The labels of the markers held, oldest first (for tests and exports). */
    public List<String> markerLabels() {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < model.markers().size(); i++) {
            out.add(model.markers().label(i));
        }
        return out;
    }

    /** The times of the markers held, oldest first. */
    public List<Double> markerTimes() {
        List<Double> out = new java.util.ArrayList<>();
        for (int i = 0; i < model.markers().size(); i++) {
            out.add(model.markers().t(i));
        }
        return out;
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

    /**
     * Averages legend values and read-outs over this many seconds of sim time (0: the raw samples). The lines stay
     * raw.
     */
    public void setSmoothingSeconds(double seconds) {
        if (seconds != model.smoothingSeconds()) {
            model.setSmoothingSeconds(seconds);
            markDirty();
        }
    }

    public double getSmoothingSeconds() {
        return model.smoothingSeconds();
    }

    /** A sentence drawn over the middle of the plot ("" for none), e.g. "no successes in the last 12 s". */
    public void setNotice(String notice) {
        if (!this.notice.equals(Objects.requireNonNull(notice, "notice"))) {
            this.notice = notice;
            markDirty();
        }
    }

    public String getNotice() {
        return notice;
    }

    /** What the chart says instead of empty axes while no series has samples ("" draws empty axes). */
    public void setEmptyText(String text) {
        if (!emptyText.equals(Objects.requireNonNull(text, "text"))) {
            emptyText = text;
            markDirty();
        }
    }

    /** The sentence drawn in the plot at the last draw (the notice, or the empty text), or "" for none. */
    public String sentenceDrawn() {
        return renderer.noticeShown();
    }

    /** Whether the last draw had a plot area (axes and lines), not only a header or a sentence. */
    public boolean hasPlotArea() {
        return renderer.area().ready();
    }

    /** The plot's height in pixels at the last draw (0 when it had none). */
    public double plotHeight() {
        return hasPlotArea() ? renderer.area().height : 0;
    }

    /** Time-axis numbers drawn at the last draw. */
    public int timeLabelsDrawn() {
        return renderer.xLabelsDrawn();
    }

    /** Legend entries left out at the last draw for want of room (the read-out still lists them). */
    public int legendEntriesHidden() {
        return renderer.legendHidden();
    }

    /**
     * The highest value of each run of points the last draw left above a robust value axis and marked with a
     * triangle (empty when nothing was clipped).
     */
    public List<Double> clippedPeaks() {
        return renderer.clips().peaks();
    }

    /** Where the hover read-out was drawn at the last draw, in this chart's coordinates; null for none. */
    public javafx.geometry.Rectangle2D readoutBounds() {
        javafx.geometry.Rectangle2D b = renderer.readoutBox();
        return b == null ? null : new javafx.geometry.Rectangle2D(b.getMinX() + canvas.getLayoutX(),
                b.getMinY() + canvas.getLayoutY(), b.getWidth(), b.getHeight());
    }

    public boolean isLogScale() {
        return model.logScale();
    }

    /** Switches the value axis between linear from 0 and log10 decades. */
    public void setLogScale(boolean log) {
        model.setLogScale(log);
        markDirty();
    }

    /**
     * The smallest width that still shows a plot with its value and time numbers.
     */
    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + snappedRightInset() + MIN_WIDTH;
    }

    /**
     * The smallest height that shows one header row, a plot of the minimum height and the time axis, in the fonts
     * CSS gives now (larger in presenter mode).
     */
    @Override
    protected double computeMinHeight(double width) {
        return snappedTopInset() + snappedBottomInset() + renderer.minHeight();
    }

    /** Colours and fonts in use, read from CSS. */
    @Override
    protected void draw(GraphicsContext g, double width, double height, double hoverX, double hoverY) {
        renderer.draw(g, width, height, title, unit, notice, emptyText, hoverX, hoverY);
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
