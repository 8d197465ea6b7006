package lab.overload.app.chart;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The points a robust value axis left above its top (see {@link ChartModel#yTicks}): each run of consecutive clipped
 * points of a series is drawn as a small triangle at the top of the plot, in the series' colour, with the run's
 * highest value next to it, so a spike is still seen and read while the rest of the chart keeps its scale. FX thread
 * only.
 */
final class ClipMarks {
    /** Runs marked per draw at most (the newest are kept); more would only clutter the top edge. */
    static final int MAX = 24;

    private final double[] xs = new double[MAX];
    private final double[] values = new double[MAX];
    private final String[] styles = new String[MAX];
    private int count;
    private boolean open;
    private int runs;

    void clear() {
        count = 0;
        runs = 0;
        open = false;
    }

    /** A point of {@code style} at pixel column {@code x} above the axis top with this value. */
    void clipped(double x, double value, String style) {
        if (open && styles[(count - 1) % MAX].equals(style)) {
            int k = (count - 1) % MAX;
            if (value > values[k]) {
                values[k] = value;
                xs[k] = x;
            }
            return;
        }
        int k = count % MAX;
        xs[k] = x;
        values[k] = value;
        styles[k] = style;
        count++;
        runs++;
        open = true;
    }

    /** The current run (if any) ends: the series came back under the top, broke, or ended. */
    void end() {
        open = false;
    }

    /** How many runs of clipped points the last draw found. */
    int runs() {
        return runs;
    }

    /** The highest value of each marked run, oldest first. */
    List<Double> peaks() {
        List<Double> out = new ArrayList<>();
        for (int i = Math.max(0, count - MAX); i < count; i++) {
            out.add(values[i % MAX]);
        }
        return out;
    }

    void draw(GraphicsContext g, Pen pen, PlotArea area, String unit) {
        if (count == 0) {
            return;
        }
        ChartPalette pal = pen.palette;
        Font font = pal.font(ChartStyles.CLIP_LABEL);
        double size = Math.max(6, font.getSize() * 0.7);
        double top = area.y + 1;
        g.setFont(font);
        g.setTextBaseline(VPos.TOP);
        for (int i = Math.max(0, count - MAX); i < count; i++) {
            int k = i % MAX;
            double x = xs[k];
            g.setFill(pal.stroke(styles[k]));
            g.fillPolygon(new double[] {x - size / 2, x, x + size / 2}, new double[] {top + size, top, top + size}, 3);
            String text = Pen.withUnit(values[k], unit);
            double textW = pen.width(font, text);
            boolean right = x + size / 2 + 3 + textW <= area.x + area.width;
            g.setTextAlign(right ? TextAlignment.LEFT : TextAlignment.RIGHT);
            g.setFill(pal.textFill(ChartStyles.CLIP_LABEL));
            g.fillText(text, right ? x + size / 2 + 3 : x - size / 2 - 3, top);
        }
    }
}
