package lab.overload.app.curve;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import lab.overload.app.chart.ChartPalette;
import lab.overload.app.chart.ChartStyles;
import lab.overload.app.chart.Ticks;

/** The curve chart's hover read-out, kept inside the canvas. FX thread only. */
final class CurveReadout {
    private CurveReadout() {
    }

    /** Crosshair on the sweep step nearest the pointer and a box with its numbers. */
    static void draw(GraphicsContext g, CurvePainter painter, ChartPalette pal, CurveFrame f, CurveRenderer.Scene scene,
                     double hx, double hy) {
        Curve curve = scene.curve();
        boolean inside = f.containsX(hx) && (f.rates.contains(hy) || (f.showLatency && f.latency.contains(hy)));
        if (curve == null || curve.points().isEmpty() || !inside) {
            return;
        }
        Curve.Point best = curve.points().get(0);
        for (Curve.Point p : curve.points()) {
            if (Math.abs(f.xOf(p.offeredPerSecond()) - hx) < Math.abs(f.xOf(best.offeredPerSecond()) - hx)) {
                best = p;
            }
        }
        double x = CurvePainter.snap(f.xOf(best.offeredPerSecond()));
        painter.stroke(g, ChartStyles.CROSSHAIR);
        g.strokeLine(x, f.rates.top, x, f.bottom());
        String swept = curve.sweptPath().substring(curve.sweptPath().lastIndexOf('.') + 1);
        List<String> lines = List.of(swept + " " + Ticks.formatValue(best.sweptValue()),
                "offered " + Ticks.formatValue(best.offeredPerSecond()) + " req/s",
                "goodput " + Ticks.formatValue(best.goodputPerSecond()) + " req/s",
                "throughput " + Ticks.formatValue(best.throughputPerSecond()) + " req/s",
                "p99 " + Ticks.formatValue(best.latencyP99Millis()) + " ms");
        Font font = pal.font(ChartStyles.READOUT_TEXT);
        double lineH = painter.height(font);
        double w = 0;
        for (String s : lines) {
            w = Math.max(w, painter.width(font, s));
        }
        w += 16;
        double h = lineH * lines.size() + 10;
        double bx = x + 12 + w > f.left + f.width ? x - 12 - w : x + 12;
        bx = Math.max(0, Math.min(bx, f.left + f.width + 12 - w)); // inside the canvas whichever side it is on
        double by = Math.max(f.rates.top, Math.min(hy - h / 2, f.bottom() - h));
        painter.box(g, ChartStyles.READOUT, bx, by, w, h);
        g.setFont(font);
        g.setFill(pal.textFill(ChartStyles.READOUT_TEXT));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < lines.size(); i++) {
            g.fillText(lines.get(i), bx + 8, by + 5 + i * lineH);
        }
    }
}
