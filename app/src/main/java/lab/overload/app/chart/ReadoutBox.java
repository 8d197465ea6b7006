package lab.overload.app.chart;

import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Paints the hover read-out: a crosshair at the sample time nearest the pointer, a dot on each series there and a
 * box listing every series' value (from {@link ChartModel#readoutAt}, smoothed as the legend is). FX thread only.
 */
final class ReadoutBox {
    private ReadoutBox() {
    }

    /**
     * Draws the read-out for a pointer at {@code (hoverX, hoverY)}. The box sits right of the crosshair, or left of it
     * when it would cross the plot's right edge, and is kept inside the canvas ({@code width × height}) either way.
     */
    static Rectangle2D draw(GraphicsContext g, Pen pen, ChartModel model, PlotArea area, String unit, double width,
            double height, double hoverX, double hoverY) {
        double t = area.timeAt(hoverX, hoverY);
        Optional<Readout> found = Double.isNaN(t) ? Optional.empty() : model.readoutAt(t);
        if (found.isEmpty() || found.get().tSeconds() < area.t0) {
            return null;
        }
        Readout r = found.get();
        ChartPalette pal = pen.palette;
        double x = Pen.snap(area.xOf(r.tSeconds()));
        pen.stroke(g, ChartStyles.CROSSHAIR, false);
        g.strokeLine(x, area.y, x, area.y + area.height);

        Font font = pal.font(ChartStyles.READOUT_TEXT);
        double swatch = ChartHeader.swatch(font);
        double lineH = pen.height(font);
        double smoothing = model.smoothingSeconds();
        // Every line is shortened (ellipsis in the name, never the value) to what fits in the chart's width.
        double room = Math.max(20, width - 14);
        String header = pen.fit(font, "t = " + Ticks.formatValue(r.tSeconds()) + " s"
                + (smoothing > 0 ? String.format(java.util.Locale.ROOT, " (%s s mean)",
                        smoothing == Math.rint(smoothing) ? Long.toString((long) smoothing)
                                : Ticks.formatValue(smoothing)) : ""), room);
        double textW = pen.width(font, header);
        String[] texts = new String[r.rows().size()];
        for (int i = 0; i < texts.length; i++) {
            Readout.Row row = r.rows().get(i);
            String value = "  " + Pen.withUnit(row.value(), unit);
            texts[i] = pen.fit(font, row.name(), room - swatch - 4 - pen.width(font, value)) + value;
            textW = Math.max(textW, swatch + 4 + pen.width(font, texts[i]));
        }
        double boxW = textW + 12;
        double boxH = lineH * (r.rows().size() + 1) + 8;
        double bx = x + 10 + boxW <= area.x + area.width ? x + 10 : x - 10 - boxW;
        bx = Math.max(0, Math.min(bx, width - boxW - 1));
        double by = Math.max(0, Math.min(area.y + 6, height - boxH - 1));
        g.setFill(pal.boxFill(ChartStyles.READOUT));
        g.fillRect(bx, by, boxW, boxH);
        Paint border = pal.boxStroke(ChartStyles.READOUT);
        if (border != null) {
            g.setStroke(border);
            g.setLineWidth(1);
            g.setLineDashes((double[]) null);
            g.strokeRect(Pen.snap(bx), Pen.snap(by), boxW, boxH);
        }
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        Paint textFill = pal.textFill(ChartStyles.READOUT_TEXT);
        g.setFill(textFill);
        g.fillText(header, bx + 6, by + 4 + lineH / 2);
        for (int i = 0; i < r.rows().size(); i++) {
            Readout.Row row = r.rows().get(i);
            double cy = Pen.snap(by + 4 + lineH * (i + 1.5));
            pen.stroke(g, row.styleClass(), false);
            g.strokeLine(bx + 6, cy, bx + 6 + swatch, cy);
            g.setFill(textFill);
            g.fillText(texts[i], bx + 10 + swatch, cy);
            if (!Double.isNaN(row.value()) && (!area.log || row.value() > 0)) {
                double dotR = Math.max(3.5, pal.strokeWidth(row.styleClass()) + 1.5);
                double dotY = Math.max(area.y, Math.min(area.y + area.height, area.yOf(row.value())));
                g.setFill(pal.stroke(row.styleClass()));
                g.fillOval(x - dotR, dotY - dotR, 2 * dotR, 2 * dotR);
            }
        }
        return new Rectangle2D(bx, by, boxW, boxH);
    }
}
