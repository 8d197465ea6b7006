package lab.overload.app.chart;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** Draws a {@link LiveChart}'s event markers over its plot. FX thread only. */
final class MarkerPainter {
    private static final double MARKER_INSET = 4;

    private MarkerPainter() {
    }

    /**
     * Vertical lines with labels reading downwards from the top, for markers inside the window only. Nothing is
     * clipped: a canvas clip makes the software renderer draw through a mask texture and a blend (about a fifth of the
     * render thread's time in bench-ui while a marker was on screen). So a label longer than the plot is high is
     * shortened with an ellipsis, and a label that would stick out of the plot's right edge (a marker set just now,
     * at the newest sim time) is drawn on the left of its line. Returns how many markers were inside the window.
     */
    static int draw(GraphicsContext g, Pen pen, MarkerList markers, PlotArea area, double t1) {
        ChartPalette pal = pen.palette;
        int markersDrawn = 0;
        Font font = pal.font(ChartStyles.MARKER_LABEL);
        double room = area.height - 2 * MARKER_INSET;
        double labelH = 0;
        for (int i = 0; i < markers.size(); i++) {
            double t = markers.t(i);
            if (t < area.t0 || t > t1) {
                continue;
            }
            if (markersDrawn++ == 0) {
                labelH = pen.height(font);
                g.setFont(font);
                g.setTextAlign(TextAlignment.LEFT);
            }
            String style = markers.styleClass(i);
            double x = Pen.snap(area.xOf(t));
            pen.stroke(g, style, false);
            g.strokeLine(x, area.y, x, area.y + area.height);
            String label = pen.fit(font, markers.label(i), room);
            if (!label.isEmpty()) {
                // turned a quarter clockwise, the text runs down; glyphs above the baseline lie right of it
                boolean right = x + 2 + labelH <= area.x + area.width;
                g.save();
                g.translate(right ? x + 2 : x - 2, area.y + MARKER_INSET);
                g.rotate(90);
                g.setTextBaseline(right ? VPos.BOTTOM : VPos.TOP);
                g.setFill(pal.stroke(style));
                g.fillText(label, 0, 0);
                g.restore();
            }
        }
        return markersDrawn;
    }
}
