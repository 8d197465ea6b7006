package lab.overload.app.chart;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A sentence centred in a rectangle of a chart, word-wrapped to its width, on a box: why a chart has nothing to
 * show, or a notice such as "no successes in the last 12 s". Font and colours come from CSS
 * ({@link ChartStyles#NOTICE_TEXT}, {@link ChartStyles#NOTICE}). FX thread only.
 */
final class NoticeBox {
    private NoticeBox() {
    }

    /** Draws {@code text} centred in {@code [x, x + w] × [y, y + h]}; returns the lines drawn. */
    static int draw(GraphicsContext g, Pen pen, String text, double x, double y, double w, double h) {
        return draw(g, pen, text, x, y, w, h, 0.5);
    }

    /** As {@link #draw}, with the box's free space split {@code above : 1 - above} over and under it. */
    static int draw(GraphicsContext g, Pen pen, String text, double x, double y, double w, double h, double above) {
        ChartPalette pal = pen.palette;
        Font font = pal.font(ChartStyles.NOTICE_TEXT);
        double lineH = pen.height(font);
        double maxW = Math.max(40, w - 32);
        List<String> lines = wrap(pen, font, text, maxW);
        int fit = (int) Math.max(1, Math.min(lines.size(), Math.floor((h - 12) / lineH)));
        if (fit < lines.size()) {
            lines = new ArrayList<>(lines.subList(0, fit));
            lines.set(fit - 1, pen.fit(font, lines.get(fit - 1) + "\u2026", maxW));
        }
        double textW = 0;
        for (String line : lines) {
            textW = Math.max(textW, pen.width(font, line));
        }
        double boxW = textW + 20;
        double boxH = lineH * lines.size() + 12;
        double bx = x + (w - boxW) / 2;
        double by = y + Math.max(0, (h - boxH) * above);
        Paint fill = pal.boxFill(ChartStyles.NOTICE);
        if (fill != null) {
            g.setFill(fill);
            g.fillRect(bx, by, boxW, boxH);
        }
        Paint border = pal.boxStroke(ChartStyles.NOTICE);
        if (border != null) {
            g.setStroke(border);
            g.setLineWidth(1);
            g.setLineDashes((double[]) null);
            g.strokeRect(Pen.snap(bx), Pen.snap(by), Math.round(boxW), Math.round(boxH));
        }
        g.setFont(font);
        g.setFill(pal.textFill(ChartStyles.NOTICE_TEXT));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < lines.size(); i++) {
            g.fillText(lines.get(i), bx + boxW / 2, by + 6 + i * lineH);
        }
        return lines.size();
    }

    /** Greedy word wrap; a word longer than the width is shortened with an ellipsis. */
    static List<String> wrap(Pen pen, Font font, String text, double maxW) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (pen.width(font, candidate) <= maxW || line.length() == 0) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        lines.replaceAll(l -> pen.fit(font, l, maxW));
        return lines;
    }
}
