package lab.overload.app.chart;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The header of a {@link LiveChart}: the title, then one legend entry per series (swatch, name, value as the chart's
 * smoothing gives it), wrapping onto at most as many rows as leave the plot its minimum height. Entries that do not
 * fit are left out and counted ("+2"); the read-out still lists every series. FX thread only.
 */
final class ChartHeader {
    private static final double GAP = 14;

    private final ChartModel model;
    private final ChartPalette pal;
    private final Pen pen;
    private int hidden;

    ChartHeader(ChartModel model, Pen pen) {
        this.model = model;
        this.pen = pen;
        this.pal = pen.palette;
    }

    /** Legend entries left out at the last draw for want of room. */
    int hidden() {
        return hidden;
    }

    /** Row height of the header's text. */
    double rowHeight() {
        return Math.max(pen.height(pal.font(ChartStyles.TITLE)), pen.height(pal.font(ChartStyles.LEGEND)));
    }

    /** Swatch length for text in this font ({@link Pen#swatchLength}). */
    static double swatch(Font legendFont) {
        return Pen.swatchLength(legendFont);
    }

    /** Draws title and legend in at most {@code maxRows} rows; returns the bottom of the header. */
    double draw(GraphicsContext g, double w, String title, String unit, int maxRows) {
        Font titleFont = pal.font(ChartStyles.TITLE);
        Font legendFont = pal.font(ChartStyles.LEGEND);
        double swatch = swatch(legendFont);
        double rowH = rowHeight();
        double pad = ChartRenderer.PAD;
        double x = pad;
        double y = pad;
        int row = 0;
        hidden = 0;
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        if (!title.isEmpty()) {
            String shown = pen.fit(titleFont, title, w - 2 * pad);
            g.setFont(titleFont);
            g.setFill(pal.textFill(ChartStyles.TITLE));
            g.fillText(shown, x, y + rowH / 2);
            x += pen.width(titleFont, shown) + 16;
        }
        g.setFont(legendFont);
        int n = model.series().size();
        for (int i = 0; i < n; i++) {
            TimeSeries s = model.series().get(i);
            String text = (s.isEmpty() ? s.name() : model.labelAt(s, s.lastT())) + "  "
                    + Pen.withUnit(model.legendValue(s), unit);
            double itemW = swatch + 4 + pen.width(legendFont, text) + GAP;
            boolean last = row + 1 >= maxRows;
            double reserve = last && i < n - 1 ? pen.width(legendFont, "+" + (n - i)) + 4 : 0;
            if (x + itemW + reserve > w - pad && x > pad) {
                if (last) {
                    hidden = n - i;
                    break;
                }
                row++;
                x = pad;
                y += rowH;
            }
            double cy = Pen.snap(y + rowH / 2);
            pen.stroke(g, s.styleClass(), s.isDashed());
            g.strokeLine(x, cy, x + swatch, cy);
            g.setFill(pal.textFill(ChartStyles.LEGEND));
            g.fillText(text, x + swatch + 4, y + rowH / 2);
            x += itemW;
        }
        if (hidden > 0) {
            g.setFill(pal.textFill(ChartStyles.LEGEND));
            g.fillText("+" + hidden, x, y + rowH / 2);
        }
        return y + rowH + pad + 2;
    }
}
