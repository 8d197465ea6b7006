package lab.overload.app.chart;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Draws a {@link ChartModel} onto a canvas: header (title and legend), grid, axes with units, decimated series,
 * event markers and the hover read-out. Every colour, width and font comes from CSS through the
 * {@link ChartPalette}. Keeps the plot geometry of the last draw for hit-testing and tick density. FX thread only.
 */
final class ChartRenderer {
    static final double PAD = 4;
    private static final double TICK = 4;
    private static final String X_CAPTION = "sim time (s)";
    /**
     * The plot height the header leaves at least: the legend is shortened (entries counted as "+N") before the plot
     * gets smaller than this, and the value axis drops to fewer ticks (about one per 40 px) as it shrinks.
     */
    static final double MIN_PLOT_HEIGHT = 56;
    /** Below this the chart draws only its header. */
    static final double MIN_DRAWN_PLOT_HEIGHT = 16;

    private final ChartModel model;
    private final ChartPalette pal;
    private final Pen pen;
    private final ChartHeader header;
    private final ClipMarks clips = new ClipMarks();
    private final Decimator decimator = new Decimator();
    private final PlotArea area = new PlotArea();
    private int markersDrawn;
    private int xLabelsDrawn;
    private String noticeShown = "";
    private javafx.geometry.Rectangle2D readoutBox;

    ChartRenderer(ChartModel model, ChartPalette palette) {
        this.model = model;
        this.pal = palette;
        this.pen = new Pen(palette);
        this.header = new ChartHeader(model, pen);
    }

    /** One header row, the minimum plot and the time axis, in the current fonts. */
    double minHeight() {
        double axisH = pen.height(pal.font(ChartStyles.AXIS_LABEL));
        return PAD + header.rowHeight() + PAD + 2 + MIN_PLOT_HEIGHT + TICK + axisH + PAD;
    }

    /** How many value-axis intervals suit the current plot height (about one per 40 px, at least one). */
    int yTickTarget() {
        return (int) Math.max(1, Math.min(8, area.height / 40));
    }

    int markersDrawn() {
        return markersDrawn;
    }

    /** Time-axis numbers drawn at the last draw. */
    int xLabelsDrawn() {
        return xLabelsDrawn;
    }

    /** Legend entries left out at the last draw for want of room. */
    int legendHidden() {
        return header.hidden();
    }

    /** The sentence drawn in the plot at the last draw (a notice or the empty text), or "". */
    String noticeShown() {
        return noticeShown;
    }

    /** Where the hover read-out box was drawn at the last draw, in canvas coordinates; null for none. */
    javafx.geometry.Rectangle2D readoutBox() {
        return readoutBox;
    }

    ClipMarks clips() {
        return clips;
    }

    PlotArea area() {
        return area;
    }

    /**
     * Draws the chart. {@code notice} is a sentence over the plot ("" for none); {@code emptyText}, when the chart
     * has no samples in any series, replaces the axes with a sentence saying why.
     */
    void draw(GraphicsContext g, double w, double h, String title, String unit, String notice, String emptyText,
              double hoverX, double hoverY) {
        g.clearRect(0, 0, w, h);
        markersDrawn = 0;
        xLabelsDrawn = 0;
        noticeShown = "";
        readoutBox = null;
        clips.clear();
        Font axisFont = pal.font(ChartStyles.AXIS_LABEL);
        double axisH = pen.height(axisFont);
        double below = TICK + axisH + PAD;
        area.pxPerSecond = 0;
        if (!emptyText.isEmpty() && model.series().stream().allMatch(TimeSeries::isEmpty)) {
            double top = header.draw(g, w, title, unit, 1);
            area.y = top;
            area.height = 0;
            NoticeBox.draw(g, pen, emptyText, 0, top, w, h - top);
            noticeShown = emptyText;
            return;
        }
        int maxRows = (int) Math.max(1, Math.floor((h - below - MIN_PLOT_HEIGHT - PAD - 2) / header.rowHeight()));
        double top = header.draw(g, w, title, unit, maxRows);
        area.y = top;
        area.height = h - top - below;
        if (area.height < MIN_DRAWN_PLOT_HEIGHT || w < 80) {
            return;
        }
        double window = model.windowSeconds();
        double t1 = model.windowEnd();
        area.t0 = t1 - window;
        area.log = model.logScale();
        Ticks yTicks = model.yTicks(area.t0, t1, yTickTarget());
        area.yLo = area.log ? Math.log10(yTicks.lo()) : yTicks.lo();
        area.yHi = area.log ? Math.log10(yTicks.hi()) : yTicks.hi();
        double labelW = 0;
        for (int i = 0; i < yTicks.count(); i++) {
            labelW = Math.max(labelW, pen.width(axisFont, yTicks.label(i)));
        }
        area.x = PAD + (unit.isEmpty() ? 0 : axisH + PAD) + labelW + TICK + 2;
        area.width = w - area.x - PAD - 12;
        area.pxPerSecond = area.width / window;
        Ticks xTicks = Ticks.within(area.t0, t1, (int) Math.max(2, Math.min(10, area.width / 90)));

        Paint plotFill = pal.boxFill(ChartStyles.PLOT);
        if (plotFill != null) {
            g.setFill(plotFill);
            g.fillRect(area.x, area.y, area.width, area.height);
        }
        pen.stroke(g, ChartStyles.GRID, false);
        for (int i = 0; i < yTicks.count(); i++) {
            double y = Pen.snap(area.yOf(yTicks.value(i)));
            g.strokeLine(area.x, y, area.x + area.width, y);
        }
        for (int i = 0; i < xTicks.count(); i++) {
            double x = Pen.snap(area.xOf(xTicks.value(i)));
            g.strokeLine(x, area.y, x, area.y + area.height);
        }
        drawAxes(g, w, unit, axisFont, axisH, yTicks, xTicks);

        // Series are not clipped: a clip makes the software renderer draw everything under it through a mask
        // (measured with bench-ui: frame time p95 about 30 -> 21-24 ms without it). They stay inside the plot by
        // themselves, up to half a line width over its edges (a line at 0 sits on the axis): points above a robust
        // axis's top are drawn on the top edge and marked (ClipMarks), and the one sample before the window is
        // replaced by the line's crossing of the left edge. Markers are not clipped either (see drawMarkers).
        for (TimeSeries s : model.series()) {
            drawSeries(g, s, yTicks.hi());
        }
        clips.draw(g, pen, area, unit);
        markersDrawn = MarkerPainter.draw(g, pen, model.markers(), area, t1);
        if (!notice.isEmpty()) {
            NoticeBox.draw(g, pen, notice, area.x, area.y, area.width, area.height, 0.25);
            noticeShown = notice;
        }
        readoutBox = ReadoutBox.draw(g, pen, model, area, unit, w, h, hoverX, hoverY);
    }

    private void drawAxes(GraphicsContext g, double w, String unit, Font font, double axisH, Ticks yTicks,
            Ticks xTicks) {
        pen.stroke(g, ChartStyles.AXIS, false);
        double left = Pen.snap(area.x);
        double bottom = Pen.snap(area.y + area.height);
        g.strokeLine(left, area.y, left, bottom);
        g.strokeLine(area.x, bottom, area.x + area.width, bottom);
        g.setFont(font);
        g.setFill(pal.textFill(ChartStyles.AXIS_LABEL));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < yTicks.count(); i++) {
            double y = Pen.snap(area.yOf(yTicks.value(i)));
            g.strokeLine(left - TICK, y, left, y);
            g.fillText(yTicks.label(i), left - TICK - 2, y);
        }
        g.setTextBaseline(VPos.TOP);
        // The caption stays only while it leaves at least two numbers visible; in a narrow chart the numbers win
        // and the last one carries the unit instead ("100 s").
        double captionLeft = w - PAD - pen.width(font, X_CAPTION) - 8;
        int besideCaption = 0;
        for (int i = 0; i < xTicks.count(); i++) {
            double x = area.xOf(xTicks.value(i));
            besideCaption += x + pen.width(font, xTicks.label(i)) / 2 < captionLeft ? 1 : 0;
        }
        boolean caption = besideCaption >= Math.min(2, xTicks.count());
        if (caption) {
            g.fillText(X_CAPTION, w - PAD, bottom + TICK);
        }
        double right = caption ? captionLeft : w - PAD;
        double previousEnd = Double.NEGATIVE_INFINITY;
        g.setTextAlign(TextAlignment.CENTER);
        for (int i = 0; i < xTicks.count(); i++) {
            double x = Pen.snap(area.xOf(xTicks.value(i)));
            g.strokeLine(x, bottom, x, bottom + TICK);
            String label = xTicks.label(i) + (!caption && i == xTicks.count() - 1 ? " s" : "");
            double half = pen.width(font, label) / 2;
            double cx = caption ? x : Math.min(x, right - half);
            if (cx + half <= right && cx - half >= previousEnd + 6) {
                g.fillText(label, cx, bottom + TICK);
                previousEnd = cx + half;
                xLabelsDrawn++;
            }
        }
        if (!unit.isEmpty()) {
            g.save();
            g.translate(PAD + axisH / 2, area.y + area.height / 2);
            g.rotate(-90);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(unit, 0, 0);
            g.restore();
        }
    }

    /**
     * Width in pixels of a decimation column. Two: the line is 2 px wide, so a column's minimum and maximum still
     * draw every spike, and the path has half the vertices of one-pixel columns (stroking a noisy series is most of a
     * chart's rendering time in the software pipeline).
     */
    static final double COLUMN_PX = 2;

    /**
     * One polyline from the sample before the window to the newest, at most two points per column; points above
     * {@code top} (a robust linear axis's top) are drawn on the plot's top edge and handed to the clip marks.
     */
    private void drawSeries(GraphicsContext g, TimeSeries s, double top) {
        int from = Math.max(0, s.lowerBound(area.t0) - 1);
        int n = decimator.run(s, from, s.size(), area.t0, area.pxPerSecond / COLUMN_PX, area.log);
        pen.stroke(g, s.styleClass(), s.isDashed());
        g.beginPath();
        boolean penDown = false;
        double left = area.x;
        double ceiling = area.y;
        for (int i = 0; i < n; i++) {
            double v = decimator.v(i);
            if (Double.isNaN(v)) {
                penDown = false;
                clips.end();
                continue;
            }
            double x = area.xOf(decimator.t(i));
            double y = Math.max(ceiling, area.yOf(v));
            if (x < left) {
                // before the window: start where the line to the next point crosses the left edge, if it does
                if (i + 1 >= n || Double.isNaN(decimator.v(i + 1))) {
                    continue;
                }
                double x1 = area.xOf(decimator.t(i + 1));
                if (x1 < left) {
                    continue;
                }
                double y1 = Math.max(ceiling, area.yOf(decimator.v(i + 1)));
                y = Math.max(area.y, Math.min(area.y + area.height, y + (y1 - y) * (left - x) / (x1 - x)));
                x = left;
                penDown = false;
            } else if (!area.log && v > top) {
                clips.clipped(x, v, s.styleClass());
            } else {
                clips.end();
            }
            if (penDown) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
                penDown = true;
            }
        }
        g.stroke();
        clips.end();
    }
}
