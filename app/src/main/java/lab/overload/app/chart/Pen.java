package lab.overload.app.chart;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Drawing helpers shared by the chart painters (time series and tipping-point curves): CSS-driven strokes and text
 * measurement. FX thread only.
 */
public final class Pen {
    private static final double[] DEFAULT_DASHES = {8, 6};
    private static final String ELLIPSIS = "\u2026";

    final ChartPalette palette;
    private final Text measure = new Text();

    public Pen(ChartPalette palette) {
        this.palette = palette;
    }

    /** Sets stroke colour, width and dashes from a style class's line probe; {@code dashed} forces a dash. */
    public void stroke(GraphicsContext g, String styleClass, boolean dashed) {
        g.setStroke(palette.stroke(styleClass));
        g.setLineWidth(palette.strokeWidth(styleClass));
        double[] dashes = palette.dashes(styleClass);
        if (dashes.length == 0 && dashed) {
            dashes = DEFAULT_DASHES;
        }
        g.setLineDashes(dashes.length == 0 ? null : dashes);
        g.setLineCap(StrokeLineCap.BUTT);
        g.setLineJoin(StrokeLineJoin.BEVEL);
    }

    public double width(Font font, String text) {
        measure.setFont(font);
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }

    /**
     * The text as it fits in {@code room} pixels: whole, or its longest prefix that fits followed by an ellipsis, or
     * empty when not even the ellipsis fits.
     */
    public String fit(Font font, String text, double room) {
        if (width(font, text) <= room) {
            return text;
        }
        int lo = 0; // the longest prefix known to fit with the ellipsis
        int hi = text.length(); // a prefix known not to fit
        if (width(font, ELLIPSIS) > room) {
            return "";
        }
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (width(font, text.substring(0, mid).stripTrailing() + ELLIPSIS) <= room) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return text.substring(0, lo).stripTrailing() + ELLIPSIS;
    }

    /** Length of a legend swatch for text in this font: about one and a half em, so it grows with presenter fonts. */
    public static double swatchLength(Font font) {
        return Math.round(font.getSize() * 1.4);
    }

    /** Line height of a font. */
    public double height(Font font) {
        measure.setFont(font);
        measure.setText("Ag");
        return Math.ceil(measure.getLayoutBounds().getHeight());
    }

    /** Centre of the pixel containing a coordinate, so 1 px lines are crisp. */
    public static double snap(double coordinate) {
        return Math.floor(coordinate) + 0.5;
    }

    static String withUnit(double value, String unit) {
        return unit.isEmpty() ? Ticks.formatValue(value) : Ticks.formatValue(value) + " " + unit;
    }
}
