package lab.overload.app.curve;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import lab.overload.app.chart.ChartPalette;
import lab.overload.app.chart.ChartStyles;
import lab.overload.app.chart.Pen;
import lab.overload.app.chart.Ticks;

/**
 * Draws the data of the curve chart inside a laid-out {@link CurveFrame}: reference lines, ghosts, the current
 * curve with point markers, the tipping point, the live operating point and its trail, the overlay and the hover
 * read-out; also the legend entries and swatches. FX thread only.
 */
final class CurvePainter {
    /** How a legend swatch is drawn. */
    enum Swatch { LINE, DOT, VERTICAL, NONE }

    record LegendEntry(String styleClass, Swatch swatch, String text) {
    }

    /** Point-marker radii at the default line widths; they grow with the line (presenter mode). */
    private static final double MARKER = 3.5;
    private static final double GHOST_MARKER = 2.5;
    private static final double DOT = 7;

    private final ChartPalette pal;
    private final Pen pen;

    CurvePainter(ChartPalette palette) {
        this.pal = palette;
        this.pen = new Pen(palette);
    }

    List<LegendEntry> legend(CurveRenderer.Scene scene) {
        List<LegendEntry> out = new ArrayList<>();
        out.add(new LegendEntry(CurveStyles.GOODPUT, Swatch.LINE, "goodput"));
        out.add(new LegendEntry(CurveStyles.THROUGHPUT, Swatch.LINE, "throughput"));
        out.add(new LegendEntry(CurveStyles.DIAGONAL, Swatch.LINE, "goodput = offered"));
        if (scene.curve() != null && scene.curve().collapses()) {
            out.add(new LegendEntry(CurveStyles.TIPPING, Swatch.VERTICAL, scene.curve().tippingText()));
        } else if (scene.curve() != null && !scene.curve().points().isEmpty()) {
            out.add(new LegendEntry(CurveStyles.TIPPING, Swatch.NONE, scene.curve().tippingText()));
        }
        OperatingPoint live = scene.live();
        out.add(new LegendEntry(CurveStyles.OPERATING_POINT, Swatch.DOT, live.isEmpty() ? "now: \u2013"
                : "now: offered " + Ticks.formatValue(live.offeredPerSecond()) + ", goodput "
                + Ticks.formatValue(live.goodputPerSecond()) + " req/s"));
        for (int i = 0; i < scene.ghosts().size() && i < CurveHistory.MAX_GHOSTS; i++) {
            Curve g = scene.ghosts().get(i);
            out.add(new LegendEntry(CurveStyles.ghost(i), Swatch.LINE, g.displayLabel(scene.presetName())
                    + " (peak " + Ticks.formatValue(g.peakGoodputPerSecond()) + ")"));
        }
        return out;
    }

    void swatch(GraphicsContext g, LegendEntry e, double x, double cy, double width) {
        switch (e.swatch()) {
            case LINE -> {
                stroke(g, e.styleClass());
                g.strokeLine(x, snap(cy), x + width, snap(cy));
            }
            case VERTICAL -> {
                stroke(g, e.styleClass());
                g.strokeLine(snap(x + width / 2), cy - 7, snap(x + width / 2), cy + 7);
            }
            case DOT -> dot(g, x + width / 2, cy, 5, e.styleClass());
            case NONE -> { }
        }
    }

    void draw(GraphicsContext g, CurveFrame f, CurveRenderer.Scene scene) {
        Curve curve = scene.curve();
        clip(g, f, f.rates);
        stroke(g, CurveStyles.DIAGONAL);
        g.strokeLine(f.xOf(0), f.rates.yOf(0), f.xOf(f.xMax), f.rates.yOf(f.xMax));
        if (curve != null && Double.isFinite(curve.capacityPerSecond())) {
            double y = snap(f.rates.yOf(curve.capacityPerSecond()));
            stroke(g, CurveStyles.CAPACITY);
            g.strokeLine(f.left, y, f.left + f.width, y);
            label(g, "capacity estimate " + Ticks.formatValue(curve.capacityPerSecond()) + " req/s",
                    f.left + f.width - 4, y + 2, TextAlignment.RIGHT, VPos.TOP, CurveStyles.CAPACITY);
        }
        for (int i = Math.min(scene.ghosts().size(), CurveHistory.MAX_GHOSTS) - 1; i >= 0; i--) {
            series(g, f, f.rates, scene.ghosts().get(i), Curve.Point::goodputPerSecond, CurveStyles.ghost(i),
                    GHOST_MARKER);
        }
        if (curve != null) {
            series(g, f, f.rates, curve, Curve.Point::throughputPerSecond, CurveStyles.THROUGHPUT, MARKER);
            series(g, f, f.rates, curve, Curve.Point::goodputPerSecond, CurveStyles.GOODPUT, MARKER);
        }
        drawLive(g, f, scene.live());
        g.restore();
        if (f.showLatency) {
            clip(g, f, f.latency);
            for (int i = Math.min(scene.ghosts().size(), CurveHistory.MAX_GHOSTS) - 1; i >= 0; i--) {
                series(g, f, f.latency, scene.ghosts().get(i), Curve.Point::latencyP99Millis, CurveStyles.ghost(i),
                        GHOST_MARKER);
            }
            if (curve != null) {
                series(g, f, f.latency, curve, Curve.Point::latencyP99Millis, CurveStyles.P99, MARKER);
            }
            double timeout = CurveRenderer.timeoutMillis(scene);
            if (f.latency.plottable(timeout)) {
                double y = snap(f.latency.yOf(timeout));
                stroke(g, CurveStyles.TIMEOUT);
                g.strokeLine(f.left, y, f.left + f.width, y);
                label(g, "client timeout " + Ticks.formatValue(timeout) + " ms: no success takes longer",
                        f.left + f.width - 4, y - 2, TextAlignment.RIGHT, VPos.BOTTOM, CurveStyles.TIMEOUT);
            }
            double p99 = scene.live().latencyP99Millis();
            if (!scene.live().isEmpty() && f.latency.plottable(p99)) {
                dot(g, f.xOf(scene.live().offeredPerSecond()), f.latency.yOf(p99), DOT - 2,
                        CurveStyles.OPERATING_POINT);
            }
            g.restore();
        }
        if (curve != null && curve.collapses()) {
            double x = snap(f.xOf(curve.tippingPointPerSecond()));
            stroke(g, CurveStyles.TIPPING);
            g.strokeLine(x, f.rates.top, x, f.bottom());
            boolean right = x < f.left + f.width * 0.7;
            label(g, curve.tippingText(),
                    right ? x + 4 : x - 4, f.rates.top + 2, right ? TextAlignment.LEFT : TextAlignment.RIGHT,
                    VPos.TOP, CurveStyles.TIPPING);
        }
    }

    /** One polyline (NaN and, on a log panel, non-positive values break it) with a marker at every point. */
    private void series(GraphicsContext g, CurveFrame f, CurveFrame.Panel panel, Curve curve,
                        ToDoubleFunction<Curve.Point> value, String style, double marker) {
        stroke(g, style);
        g.beginPath();
        boolean penDown = false;
        for (Curve.Point p : curve.points()) {
            double v = value.applyAsDouble(p);
            if (!panel.plottable(v)) {
                penDown = false;
                continue;
            }
            double x = f.xOf(p.offeredPerSecond());
            double y = panel.yOf(v);
            if (penDown) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
                penDown = true;
            }
        }
        g.stroke();
        g.setFill(pal.stroke(style));
        double r = Math.max(marker, pal.strokeWidth(style) * 1.2);
        for (Curve.Point p : curve.points()) {
            double v = value.applyAsDouble(p);
            if (panel.plottable(v)) {
                g.fillOval(f.xOf(p.offeredPerSecond()) - r, panel.yOf(v) - r, 2 * r, 2 * r);
            }
        }
    }

    /** The trail fading in from the oldest position, then the big dot at the newest. */
    private void drawLive(GraphicsContext g, CurveFrame f, OperatingPoint live) {
        if (live.isEmpty()) {
            return;
        }
        int n = live.trailSize();
        g.setFill(pal.stroke(CurveStyles.OPERATING_POINT));
        for (int i = 0; i < n - 1; i++) {
            g.setGlobalAlpha(0.1 + 0.5 * i / n);
            g.fillOval(f.xOf(live.trailOffered(i)) - 2.5, f.rates.yOf(live.trailGoodput(i)) - 2.5, 5, 5);
        }
        g.setGlobalAlpha(1);
        double x = f.xOf(live.offeredPerSecond());
        double y = f.rates.yOf(live.goodputPerSecond());
        double r = Math.max(DOT, pal.strokeWidth(CurveStyles.OPERATING_POINT) * 3);
        dot(g, x, y, r, CurveStyles.OPERATING_POINT);
        label(g, "now", x + r + 3, y - r, TextAlignment.LEFT, VPos.BOTTOM, CurveStyles.OPERATING_POINT);
    }

    void drawOverlay(GraphicsContext g, CurveFrame f, CurveRenderer.Scene scene) {
        String text = scene.computing() ? "computing the curve\u2026"
                : scene.curve() == null ? "no curve yet: press Recompute" : null;
        if (text == null || f.width <= 0) {
            return;
        }
        Font font = pal.font(CurveStyles.OVERLAY_TEXT);
        double w = width(font, text) + 24;
        double h = height(font) + 14;
        double x = f.left + (f.width - w) / 2;
        double y = f.rates.top + (f.rates.height - h) / 4;
        box(g, CurveStyles.OVERLAY, x, y, w, h);
        g.setFont(font);
        g.setFill(pal.textFill(CurveStyles.OVERLAY_TEXT));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, x + w / 2, y + h / 2);
    }

    void stroke(GraphicsContext g, String styleClass) {
        pen.stroke(g, styleClass, false);
    }

    double width(Font font, String text) {
        return pen.width(font, text);
    }

    String fit(Font font, String text, double room) {
        return pen.fit(font, text, room);
    }

    double height(Font font) {
        return pen.height(font);
    }

    static double snap(double coordinate) {
        return Pen.snap(coordinate);
    }

    private void clip(GraphicsContext g, CurveFrame f, CurveFrame.Panel panel) {
        g.save();
        g.beginPath();
        g.rect(f.left, panel.top, f.width, panel.height);
        g.clip();
    }

    /** A filled dot ringed in the plot's background colour, so it stands out on top of lines. */
    private void dot(GraphicsContext g, double x, double y, double r, String style) {
        Paint ring = pal.boxFill(ChartStyles.PLOT);
        if (ring != null) {
            g.setFill(ring);
            g.fillOval(x - r - 2, y - r - 2, 2 * r + 4, 2 * r + 4);
        }
        g.setFill(pal.stroke(style));
        g.fillOval(x - r, y - r, 2 * r, 2 * r);
    }

    void box(GraphicsContext g, String style, double x, double y, double w, double h) {
        Paint fill = pal.boxFill(style);
        if (fill != null) {
            g.setFill(fill);
            g.fillRect(x, y, w, h);
        }
        Paint border = pal.boxStroke(style);
        if (border != null) {
            g.setStroke(border);
            g.setLineWidth(1);
            g.setLineDashes(null);
            g.strokeRect(snap(x), snap(y), Math.round(w), Math.round(h));
        }
    }

    private void label(GraphicsContext g, String text, double x, double y, TextAlignment align, VPos baseline,
                       String style) {
        g.setFont(pal.font(ChartStyles.MARKER_LABEL));
        g.setFill(pal.stroke(style));
        g.setTextAlign(align);
        g.setTextBaseline(baseline);
        g.fillText(text, x, y);
    }
}
