package lab.overload.app.platform;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import lab.overload.app.chart.ChartPalette;
import lab.overload.engine.metrics.PlatformInterval;

/**
 * The sandbox grid's title and legend: the states' swatches on one line, the functions' stripes on the next (only
 * with more than one function; as many as fit, then how many more). FX thread only.
 */
final class GridLegend {
    /** States in the order they are drawn within a function: busy, initialising, idle. */
    static final int[] ORDER = {PlatformInterval.BUSY, PlatformInterval.INITIALIZING, PlatformInterval.IDLE};
    private static final String[] STATE_NAME = {"initialising", "busy", "idle warm"};

    private GridLegend() {
    }

    /** The height the title and the legend take. */
    static double height(ChartPalette palette) {
        return 1.4 * palette.font(PlatformStyles.TITLE).getSize() + 2.8 * palette.font(PlatformStyles.LABEL).getSize();
    }

    static void draw(GraphicsContext g, ChartPalette palette, PlatformInterval shown, String head, double pad,
                     double width) {
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(palette.font(PlatformStyles.TITLE));
        g.setFill(palette.textFill(PlatformStyles.TITLE));
        g.fillText(head, pad, pad);
        double y = pad + 1.4 * palette.font(PlatformStyles.TITLE).getSize();
        double s = palette.font(PlatformStyles.LABEL).getSize();
        double x = pad;
        g.setFont(palette.font(PlatformStyles.LABEL));
        for (int state : ORDER) {
            x = swatch(g, palette, x, y, PlatformStyles.stateClass(state), STATE_NAME[state]);
        }
        x = pad;
        y += 1.3 * s;
        int n = shown.functions().size();
        for (int f = 0; f < n && n > 1; f++) {
            String name = shown.functions().get(f);
            double room = width - pad - x;
            double need = entryWidth(palette, name) + (f < n - 1 ? entryWidth(palette, "+99 more") : 0);
            if (room < need) {
                g.setFill(palette.textFill(PlatformStyles.LABEL));
                g.fillText("+" + (n - f) + " more", x, y);
                break;
            }
            x = swatch(g, palette, x, y, PlatformStyles.functionClass(f), name);
        }
    }

    private static double entryWidth(ChartPalette palette, String text) {
        Text t = new Text(text);
        t.setFont(palette.font(PlatformStyles.LABEL));
        double s = palette.font(PlatformStyles.LABEL).getSize();
        return 1.1 * s + t.getLayoutBounds().getWidth() + 0.8 * s;
    }

    private static double swatch(GraphicsContext g, ChartPalette palette, double x, double y, String boxClass,
                                 String text) {
        double s = palette.font(PlatformStyles.LABEL).getSize();
        g.setFill(palette.boxFill(boxClass));
        g.fillRect(x, y + 0.15 * s, 0.8 * s, 0.8 * s);
        g.setFill(palette.textFill(PlatformStyles.LABEL));
        g.fillText(text, x + 1.1 * s, y);
        return x + entryWidth(palette, text);
    }
}
