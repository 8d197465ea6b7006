package lab.overload.app.operatemap;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Where the service map puts its boxes in a pane of a given size, and how large it draws its texts: one scale of the
 * styled font sizes for the box texts and the edge rates, the largest in steps of {@value #STEP} (never below
 * {@value #MIN_SCALE}) at which every box's name and lines fit its width, every box's lines fit its height and every
 * edge rate fits the gap between the columns; the caption shrinks with them, and further only as its own width asks.
 *
 * <p>A box shows its lines in one of four forms. Three have one column: as styled (rate and utilisation, bad share,
 * error and throttle shares, p99), then with the error and the throttle share on lines of their own, then with the
 * utilisation on its own line too; the first of them that fits at the largest scale is taken, so a narrow box (three
 * columns in a small pane) trades height for width before it shrinks its numbers. The fourth, the {@link #GRID}, has
 * two columns and three rows of numbers, for a wide and short box; it is taken only when it lets the texts be at
 * least {@value #GRID_GAIN} of the styled size larger. The gaps between the columns are as wide as the widest edge
 * rate needs, the boxes take the rest of the width (at most {@value #MAX_BOX_EMS} text sizes each) and are as high as
 * their lines, centred in their rows. Widths are measured once at the styled sizes and scale with the font.
 */
final class MapLayout {
    static final double PAD = 10;
    static final double MIN_SCALE = 0.6;
    static final double STEP = 0.02;
    /** The forms of a box's lines: three of one column, then the grid. */
    static final int FORMS = 4;
    /** The form of two columns: three rows of numbers instead of four. */
    static final int GRID = 3;
    /** How much larger the grid must let the texts be to be chosen over a form of one column. */
    static final double GRID_GAIN = 0.1;
    /** Line height as a share of the font size. */
    static final double LINE = 1.2;
    /** The share of a row a box may fill; the rest keeps the rows apart. */
    static final double ROW_FILL = 0.9;
    /** Text inset from a box's sides, and from its top and bottom, at scale 1. */
    private static final double INSET = 8;
    private static final double INSET_TOP = 4;
    private static final double MAX_BOX_EMS = 26;
    /** Room either side of an edge rate in its gap, at scale 1. */
    private static final double EDGE_MARGIN = 8;

    /** The styled font sizes (px) of the caption, a box's name, a box's lines and an edge rate. */
    record Sizes(double caption, double name, double text, double edge) {
    }

    /**
     * What one node shows, measured at the styled sizes: its name's width and, per form, its widest line and its
     * number of lines.
     */
    record NodeTexts(int column, int row, double nameWidth, double[] widestLine, int[] lineCount) {
    }

    private final double width;
    private final double height;
    private final Sizes sizes;
    private final List<NodeTexts> nodes;
    private final int columns;
    private final int[] rows;
    private final double widestEdge;
    private final double captionFit;
    private double scale = MIN_SCALE;
    private int form;

    /**
     * @param captionWidth the caption's widest line at its styled size
     * @param widestEdge   the widest edge rate at its styled size (0 without edges)
     */
    MapLayout(double width, double height, Sizes sizes, List<NodeTexts> nodes, double captionWidth,
              double widestEdge) {
        this.width = width;
        this.height = height;
        this.sizes = sizes;
        this.nodes = nodes;
        this.widestEdge = widestEdge;
        this.captionFit = captionWidth > 0 ? (width - 2 * PAD) / captionWidth : 1;
        columns = nodes.stream().mapToInt(NodeTexts::column).max().orElse(0) + 1;
        rows = new int[columns];
        nodes.forEach(n -> rows[n.column()]++);
        choose();
    }

    private void choose() {
        double best = -1;
        for (int f = 0; f < FORMS; f++) {
            double s = largestFit(f);
            if (s > best && (f != GRID || best < 0 || s >= best + GRID_GAIN - 1e-9)) {
                best = s;
                form = f;
            }
        }
        if (best >= 0) {
            scale = best;
            return;
        }
        int least = Integer.MAX_VALUE;
        for (int f = 0; f < FORMS; f++) {
            int m = misfits(MIN_SCALE, f);
            if (m < least) {
                least = m;
                form = f;
            }
        }
        scale = MIN_SCALE;
    }

    /** The largest scale, in steps from 1 down to the floor, at which form f fits; -1 when none does. */
    private double largestFit(int f) {
        int steps = (int) Math.round((1 - MIN_SCALE) / STEP);
        for (int i = 0; i <= steps; i++) {
            double s = i == steps ? MIN_SCALE : 1 - i * STEP;
            if (misfits(s, f) == 0) {
                return s;
            }
        }
        return -1;
    }

    /** How many names, lines (by box), box heights and the edge gap do not fit at scale s in form f. */
    private int misfits(double s, int f) {
        int out = 0;
        double room = boxWidth(s) - 2 * INSET * s;
        for (NodeTexts n : nodes) {
            out += n.nameWidth() * s > room ? 1 : 0;
            out += n.widestLine()[f] * s > room ? 1 : 0;
        }
        for (int c = 0; c < columns; c++) {
            out += rows[c] > 0 && textHeight(c, s, f) > ROW_FILL * rowHeight(c, s) ? 1 : 0;
        }
        return out;
    }

    /** The scale of the box texts and edge rates. */
    double scale() {
        return scale;
    }

    /** The form of the box lines: 0 as styled, 1 error and throttle apart, 2 utilisation apart too, 3 the grid. */
    int form() {
        return form;
    }

    /** The caption's scale: the text scale, or less where the caption's own width asks (not below the floor). */
    double captionScale() {
        return captionScale(scale);
    }

    private double captionScale(double s) {
        return Math.max(MIN_SCALE, Math.min(s, captionFit));
    }

    /** Where the boxes start: under the caption's two lines. */
    double top() {
        return top(scale);
    }

    private double top(double s) {
        return PAD + 2.8 * sizes.caption() * captionScale(s);
    }

    /** The text's inset in a box. */
    double inset() {
        return INSET * scale;
    }

    private double gap(double s) {
        return columns > 1 ? widestEdge * s + 2 * EDGE_MARGIN * s : 0;
    }

    private double boxWidth(double s) {
        double share = (width - 2 * PAD - (columns - 1) * gap(s)) / columns;
        return Math.max(0, Math.min(MAX_BOX_EMS * sizes.text(), share));
    }

    private double rowHeight(int column, double s) {
        return Math.max(0, height - top(s) - PAD) / Math.max(1, rows[column]);
    }

    /** The height of the tallest text block of a column's boxes, insets included. */
    private double textHeight(int column, double s, int f) {
        int lines = 0;
        for (NodeTexts n : nodes) {
            if (n.column() == column) {
                lines = Math.max(lines, n.lineCount()[f]);
            }
        }
        return (sizes.name() + lines * sizes.text()) * LINE * s + 2 * INSET_TOP * s;
    }

    /** A node's box: left, top, width, height. */
    double[] box(int column, int row) {
        double w = boxWidth(scale);
        double pitch = Math.max((width - 2 * PAD) / columns, w + gap(scale)); // boxes apart by at least the gap
        double x = PAD + (width - 2 * PAD - (columns - 1) * pitch - w) / 2 + column * pitch;
        double rowH = rowHeight(column, scale);
        double h = Math.min(ROW_FILL * rowH, textHeight(column, scale, form));
        double y = top() + row * rowH + (rowH - h) / 2;
        return new double[] {x, y, w, h};
    }

    /**
     * The height a pane needs to show its boxes (in their styled form) at the smallest scale: the least a container
     * should give the map.
     */
    static double minHeight(Sizes sizes, int mostRows, int styledLines) {
        double top = PAD + 2.8 * sizes.caption() * MIN_SCALE;
        double box = (sizes.name() + styledLines * sizes.text()) * LINE * MIN_SCALE + 2 * INSET_TOP * MIN_SCALE;
        return Math.ceil(top + mostRows * box / ROW_FILL + PAD);
    }

    /** The widest of some texts by a measure. */
    static double widest(List<String> texts, ToDoubleFunction<String> measure) {
        double w = 0;
        for (String t : texts) {
            w = Math.max(w, measure.applyAsDouble(t));
        }
        return w;
    }
}
