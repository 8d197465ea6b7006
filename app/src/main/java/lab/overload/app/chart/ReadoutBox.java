package lab.overload.app.chart;

import java.util.Optional;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Paints the hover read-out: a crosshair at the sample time nearest the pointer, a dot on each series there and a
 * box listing every series' value (from {@link ChartModel#readoutAt}). FX thread only.
 */
final class ReadoutBox {
    private static final double SWATCH = 18;

    private ReadoutBox() {
    }

    static void draw(GraphicsContext g, Pen pen, ChartModel model, PlotArea area, String unit, double hoverX,
            double hoverY) {
        double t = area.timeAt(hoverX, hoverY);
        Optional<Readout> found = Double.isNaN(t) ? Optional.empty() : model.readoutAt(t);
        if (found.isEmpty() || found.get().tSeconds() < area.t0) {
            return;
        }
        Readout r = found.get();
        ChartPalette pal = pen.palette;
        double x = Pen.snap(area.xOf(r.tSeconds()));
        pen.stroke(g, ChartStyles.CROSSHAIR, false);
        g.strokeLine(x, area.y, x, area.y + area.height);

        Font font = pal.font(ChartStyles.READOUT_TEXT);
        double lineH = pen.height(font);
        String header = "t = " + Ticks.formatValue(r.tSeconds()) + " s";
        double textW = pen.width(font, header);
        for (Readout.Row row : r.rows()) {
            textW = Math.max(textW, SWATCH + 4 + pen.width(font, row.name() + "  " + Pen.withUnit(row.value(), unit)));
        }
        double boxW = textW + 12;
        double boxH = lineH * (r.rows().size() + 1) + 8;
        double bx = x + 10 + boxW <= area.x + area.width ? x + 10 : x - 10 - boxW;
        double by = area.y + 6;
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
            g.strokeLine(bx + 6, cy, bx + 6 + SWATCH, cy);
            g.setFill(textFill);
            g.fillText(row.name() + "  " + Pen.withUnit(row.value(), unit), bx + 10 + SWATCH, cy);
            if (!Double.isNaN(row.value()) && (!area.log || row.value() > 0)) {
                g.setFill(pal.stroke(row.styleClass()));
                g.fillOval(x - 3.5, area.yOf(row.value()) - 3.5, 7, 7);
            }
        }
    }
}
