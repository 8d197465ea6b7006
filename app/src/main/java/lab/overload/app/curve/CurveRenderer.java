package lab.overload.app.curve;

import java.util.ArrayList;
import java.util.List;
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
 * Lays out and draws the curve chart: header (title and legend), the shared offered-load axis, the rates panel and
 * the optional p99 panel with grids, ticks and unit captions; the {@link CurvePainter} draws the data on top. Every
 * colour and font comes from CSS through the {@link ChartPalette}. FX thread only.
 */
final class CurveRenderer {
    /** What one draw shows. */
    record Scene(Curve curve, List<Curve> ghosts, String presetName, OperatingPoint live, boolean computing,
                 boolean showLatency) {
        List<Curve> all() {
            List<Curve> out = new ArrayList<>(ghosts);
            if (curve != null) {
                out.add(curve);
            }
            return out;
        }
    }

    static final double PAD = 4;
    private static final double TICK = 4;
    private static final double GAP = 14;
    private static final String X_CAPTION = "offered load (req/s)";
    private static final String TITLE = "Goodput vs offered load";
    /** The p99 panel reaches at least this factor above its highest value. */
    static final double LATENCY_HEADROOM = 1.5;

    private final ChartPalette pal;
    private final CurvePainter painter;
    private final CurveFrame frame = new CurveFrame();
    private double[] lastRanges = {Double.NaN, Double.NaN, Double.NaN};

    CurveRenderer(ChartPalette palette) {
        this.pal = palette;
        this.painter = new CurvePainter(palette);
    }

    double[] lastRanges() {
        return lastRanges.clone();
    }

    void draw(GraphicsContext g, double w, double h, Scene scene, double hoverX, double hoverY) {
        g.clearRect(0, 0, w, h);
        frame.width = 0;
        double top = drawHeader(g, w, scene);
        Font axisFont = pal.font(ChartStyles.AXIS_LABEL);
        double axisH = painter.height(axisFont);
        double avail = h - top - TICK - axisH - PAD;
        if (avail < 40 || w < 160) {
            return;
        }
        frame.showLatency = scene.showLatency() && avail > 180;
        frame.rates.top = top;
        frame.rates.height = frame.showLatency ? (avail - GAP) * 0.68 : avail;
        frame.latency.top = top + frame.rates.height + GAP;
        frame.latency.height = frame.showLatency ? avail - GAP - frame.rates.height : 0;
        frame.latency.log = true;

        Ticks[] ticks = ranges(scene, w);
        Ticks xTicks = ticks[0];
        double labelW = 0;
        for (int p = 1; p < ticks.length; p++) {
            for (int i = 0; ticks[p] != null && i < ticks[p].count(); i++) {
                labelW = Math.max(labelW, painter.width(axisFont, ticks[p].label(i)));
            }
        }
        frame.left = PAD + axisH + PAD + labelW + TICK + 2;
        frame.width = w - frame.left - PAD - 12;
        frame.xMax = xTicks.hi();
        lastRanges = new double[] {xTicks.hi(), ticks[1].hi(), frame.showLatency ? ticks[2].hi() : Double.NaN};

        drawPanel(g, frame.rates, ticks[1], xTicks, "req/s", axisFont, axisH);
        if (frame.showLatency) {
            drawPanel(g, frame.latency, ticks[2], xTicks, "p99 of successes (ms)", axisFont, axisH);
        }
        drawXAxis(g, w, xTicks, axisFont);
        painter.draw(g, frame, scene);
        painter.drawOverlay(g, frame, scene);
        CurveReadout.draw(g, painter, pal, frame, scene, hoverX, hoverY);
    }

    /** Ticks of the offered axis, the rates panel and the latency panel, enclosing every curve and the live dot. */
    private Ticks[] ranges(Scene scene, double w) {
        double xMax = 0;
        double yMax = 0;
        double pLo = Double.POSITIVE_INFINITY;
        double pHi = 0;
        for (Curve c : scene.all()) {
            for (Curve.Point p : c.points()) {
                xMax = Math.max(xMax, p.offeredPerSecond());
                yMax = Math.max(yMax, Math.max(p.goodputPerSecond(), p.throughputPerSecond()));
                if (p.latencyP99Millis() > 0 && Double.isFinite(p.latencyP99Millis())) {
                    pLo = Math.min(pLo, p.latencyP99Millis());
                    pHi = Math.max(pHi, p.latencyP99Millis());
                }
            }
        }
        if (scene.curve() != null && Double.isFinite(scene.curve().capacityPerSecond())) {
            yMax = Math.max(yMax, scene.curve().capacityPerSecond() * 1.04); // the line clear of the top edge
        }
        OperatingPoint live = scene.live();
        if (!live.isEmpty()) {
            xMax = Math.max(xMax, live.offeredPerSecond());
            yMax = Math.max(yMax, live.goodputPerSecond());
            double p99 = live.latencyP99Millis();
            if (p99 > 0 && Double.isFinite(p99)) {
                pLo = Math.min(pLo, p99);
                pHi = Math.max(pHi, p99);
            }
        }
        xMax = xMax > 0 ? xMax : 100;
        yMax = yMax > 0 ? yMax : xMax;
        Ticks x = Ticks.linear(0, xMax, (int) Math.max(2, Math.min(10, (w - 100) / 90)));
        Ticks y = Ticks.linear(0, yMax, (int) Math.max(2, Math.min(8, frame.rates.height / 40)));
        frame.rates.lo = y.lo();
        frame.rates.hi = y.hi();
        double timeout = timeoutMillis(scene);
        if (Double.isFinite(timeout)) {
            pLo = Math.min(pLo, timeout);
            pHi = Math.max(pHi, timeout);
        }
        // Headroom above the highest p99 (often the client timeout, which caps the successes' latency), so its
        // points and the timeout line sit inside the panel, not on its clipped top edge.
        Ticks lat = pHi > 0 ? Ticks.logDecades(pLo, pHi * LATENCY_HEADROOM) : Ticks.logDecades(1, 1000);
        frame.latency.lo = Math.log10(lat.lo());
        frame.latency.hi = Math.log10(lat.hi());
        return new Ticks[] {x, y, frame.showLatency ? lat : null};
    }

    /**
     * The first client's fixed timeout in ms, the most a success can take (NaN without a curve or a fixed timeout).
     */
    static double timeoutMillis(Scene scene) {
        if (scene.curve() == null) {
            return Double.NaN;
        }
        var client = scene.curve().scenario().clients().get(0);
        return client.timeoutKind() == lab.overload.models.scenario.TimeoutKind.FIXED ? client.timeoutMillis()
                : Double.NaN;
    }

    /** Title with the current curve's label, then legend entries, wrapping; returns the bottom. */
    private double drawHeader(GraphicsContext g, double w, Scene scene) {
        Font titleFont = pal.font(ChartStyles.TITLE);
        Font legendFont = pal.font(ChartStyles.LEGEND);
        double rowH = Math.max(painter.height(titleFont), painter.height(legendFont));
        double x = PAD;
        double y = PAD;
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        String title = scene.curve() == null ? TITLE
                : TITLE + " \u00b7 " + scene.curve().displayLabel(scene.presetName());
        g.setFont(titleFont);
        g.setFill(pal.textFill(ChartStyles.TITLE));
        g.fillText(title, x, y + rowH / 2);
        x += painter.width(titleFont, title) + 16;
        g.setFont(legendFont);
        double swatch = Pen.swatchLength(legendFont);
        for (CurvePainter.LegendEntry e : painter.legend(scene)) {
            double itemW = swatch + 4 + painter.width(legendFont, e.text()) + 14;
            if (x + itemW > w - PAD && x > PAD) {
                x = PAD;
                y += rowH;
            }
            painter.swatch(g, e, x, y + rowH / 2, swatch);
            g.setFill(pal.textFill(ChartStyles.LEGEND));
            g.fillText(e.text(), x + swatch + 4, y + rowH / 2);
            x += itemW;
        }
        return y + rowH + PAD + 2;
    }

    private void drawPanel(GraphicsContext g, CurveFrame.Panel panel, Ticks yTicks, Ticks xTicks, String unit,
                           Font font, double axisH) {
        Paint plotFill = pal.boxFill(ChartStyles.PLOT);
        if (plotFill != null) {
            g.setFill(plotFill);
            g.fillRect(frame.left, panel.top, frame.width, panel.height);
        }
        painter.stroke(g, ChartStyles.GRID);
        for (int i = 0; i < yTicks.count(); i++) {
            double y = CurvePainter.snap(panel.yOf(yTicks.value(i)));
            g.strokeLine(frame.left, y, frame.left + frame.width, y);
        }
        for (int i = 0; i < xTicks.count(); i++) {
            double x = CurvePainter.snap(frame.xOf(xTicks.value(i)));
            g.strokeLine(x, panel.top, x, panel.bottom());
        }
        painter.stroke(g, ChartStyles.AXIS);
        double left = CurvePainter.snap(frame.left);
        double bottom = CurvePainter.snap(panel.bottom());
        g.strokeLine(left, panel.top, left, bottom);
        g.strokeLine(frame.left, bottom, frame.left + frame.width, bottom);
        g.setFont(font);
        g.setFill(pal.textFill(ChartStyles.AXIS_LABEL));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < yTicks.count(); i++) {
            double y = CurvePainter.snap(panel.yOf(yTicks.value(i)));
            g.strokeLine(left - TICK, y, left, y);
            g.fillText(yTicks.label(i), left - TICK - 2, y);
        }
        g.save();
        g.translate(PAD + axisH / 2, panel.top + panel.height / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(painter.fit(font, unit, panel.height), 0, 0);
        g.restore();
    }

    private void drawXAxis(GraphicsContext g, double w, Ticks xTicks, Font font) {
        double bottom = CurvePainter.snap(frame.bottom());
        painter.stroke(g, ChartStyles.AXIS);
        g.setFont(font);
        g.setFill(pal.textFill(ChartStyles.AXIS_LABEL));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(X_CAPTION, w - PAD, bottom + TICK);
        double captionLeft = w - PAD - painter.width(font, X_CAPTION) - 8;
        g.setTextAlign(TextAlignment.CENTER);
        for (int i = 0; i < xTicks.count(); i++) {
            double x = CurvePainter.snap(frame.xOf(xTicks.value(i)));
            g.strokeLine(x, bottom, x, bottom + TICK);
            String label = xTicks.label(i);
            if (x + painter.width(font, label) / 2 < captionLeft) {
                g.fillText(label, x, bottom + TICK);
            }
        }
    }
}
