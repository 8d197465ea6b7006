package lab.overload.app.platform;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;
import lab.overload.app.chart.CanvasPane;
import lab.overload.app.chart.ChartPalette;
import lab.overload.engine.metrics.PlatformInterval;

/**
 * The account's sandboxes at the end of the newest interval, one band per worker manager: a cell per sandbox coloured
 * by state (busy, initialising, idle warm) with a stripe in its function's colour (when there is more than one
 * function), the cells of a function together.
 * When a cell would be smaller than {@link #MIN_CELL} pixels (a few thousand sandboxes), each worker manager becomes a
 * bar stacked by state instead, with a stripe per function. The scale (sandboxes a band holds) only grows during a
 * run, so cells do not jump every interval. One canvas, redrawn only for a new snapshot or a new size; colours from
 * CSS through a {@link ChartPalette}. FX thread only.
 */
public final class SandboxGrid extends CanvasPane {
    /** How it draws the sandboxes. */
    public enum Mode { CELLS, BARS }

    /** The smallest cell drawn, pixels (gap included); below it the bands become bars. */
    public static final double MIN_CELL = 6;
    /** The largest cell drawn, pixels. */
    static final double MAX_CELL = 26;
    private static final double PAD = 8;
    private static final int[] ORDER = GridLegend.ORDER;

    private PlatformInterval shown = PlatformInterval.NONE;
    private long scale = 10;
    private Mode mode = Mode.CELLS;
    private double cell;
    /** What the last redraw drew: sandboxes per worker manager and state, {@code [wm * 3 + state]}. */
    private int[] drawn = new int[0];

    public SandboxGrid() {
        getStyleClass().add(PlatformStyles.SANDBOX_GRID);
        setMinSize(200, 120);
        setPrefSize(600, 300);
    }

    /** Shows these sandboxes at the next redraw ({@link PlatformInterval#NONE}: a new run, nothing yet). */
    public void show(PlatformInterval newest) {
        if (newest.isEmpty()) {
            scale = 10;
        }
        shown = newest;
        while (newest.largestWorkerManager() > scale) {
            scale = GridScale.next(scale);
        }
        markDirty();
    }

    /** Sandboxes a band holds at the current scale. */
    public long scale() {
        return scale;
    }

    public PlatformInterval shown() {
        return shown;
    }

    /** How the last redraw drew the sandboxes. */
    public Mode mode() {
        return mode;
    }

    /** The cell size of the last redraw, pixels (gap included; 0 in bar mode). */
    public double cellSize() {
        return mode == Mode.CELLS ? cell : 0;
    }

    /** Sandboxes the last redraw drew on worker manager {@code wm} in {@code state} (cells, or a bar's segment). */
    public int drawn(int wm, int state) {
        return 3 * wm + state < drawn.length ? drawn[3 * wm + state] : 0;
    }





    private double labelSize() {
        return palette.font(PlatformStyles.LABEL).getSize();
    }

    private int total() {
        int n = 0;
        for (int wm = 0; wm < shown.workerManagers(); wm++) {
            n += shown.onWorkerManager(wm);
        }
        return n;
    }

    /** The plot area: left, top, width, height. */
    double[] plot() {
        double top = PAD + GridLegend.height(palette);
        double left = PAD + 3.2 * labelSize();
        return new double[] {left, top, Math.max(0, getWidth() - PAD - left), Math.max(0, getHeight() - PAD - top)};
    }

    @Override
    protected void draw(GraphicsContext g) {
        int wms = shown.workerManagers();
        drawn = new int[3 * wms];
        double[] p = plot();
        double band = wms == 0 ? 0 : p[3] / wms;
        double gap = Math.min(6, band * 0.12);
        cell = GridScale.cell(scale, p[2], band - gap, MAX_CELL);
        mode = cell >= MIN_CELL ? Mode.CELLS : Mode.BARS;
        String head = shown.isEmpty() ? "Sandboxes" : "Sandboxes: " + total();
        if (!shown.isEmpty() && mode == Mode.BARS) {
            head += String.format(Locale.ROOT, " (full bar %d)", scale);
        }
        GridLegend.draw(g, palette, shown, head, PAD, getWidth());
        if (wms == 0 || p[2] <= 0 || p[3] <= 0) {
            return;
        }
        for (int wm = 0; wm < wms; wm++) {
            double top = p[1] + wm * band;
            g.setFill(palette.boxFill(PlatformStyles.BAND));
            g.fillRect(p[0], top, p[2], band - gap);
            g.setFont(palette.font(PlatformStyles.LABEL));
            g.setFill(palette.textFill(PlatformStyles.LABEL));
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("wm" + wm, p[0] - 4, top + (band - gap) / 2 - (band > 2.4 * labelSize() ? 0.55 * labelSize() : 0));
            if (band > 2.4 * labelSize()) {
                g.fillText(Integer.toString(shown.onWorkerManager(wm)), p[0] - 4, top + (band - gap) / 2
                        + 0.55 * labelSize());
            }
            if (mode == Mode.CELLS) {
                drawCells(g, wm, p[0], top, p[2]);
            } else {
                drawBar(g, wm, p[0], top, p[2], band - gap);
            }
        }
    }

    /**
     * Cells in rows from the band's top left: function by function, busy then initialising then idle. A run of cells
     * of one state and function is filled row by row (a rectangle per row, not per cell), then the gaps between the
     * cells are drawn over it in the band's colour, so a few thousand cells cost a few hundred rectangles.
     */
    private void drawCells(GraphicsContext g, int wm, double left, double top, double width) {
        int cols = (int) Math.floor(width / cell);
        double stripe = Math.max(1, Math.floor((cell - 1) / 4));
        int k = 0;
        for (int f = 0; f < shown.functions().size(); f++) {
            for (int state : ORDER) {
                int n = shown.sandboxes(wm, f, state);
                g.setFill(palette.boxFill(PlatformStyles.stateClass(state)));
                fillRun(g, left, top, cols, k, n, cell);
                if (shown.functions().size() > 1) {
                    g.setFill(palette.boxFill(PlatformStyles.functionClass(f)));
                    fillRun(g, left, top, cols, k, n, stripe);
                }
                drawn[3 * wm + state] += n;
                k += n;
            }
        }
        int rows = (k + cols - 1) / cols;
        g.setFill(palette.boxFill(PlatformStyles.BAND));
        for (int c = 1; c <= Math.min(cols, k); c++) {
            g.fillRect(left + c * cell - 1, top, 1, rows * cell);
        }
        for (int r = 1; r <= rows; r++) {
            g.fillRect(left, top + r * cell - 1, Math.min(cols, k) * cell, 1);
        }
    }

    /** Cells {@code k} to {@code k + n - 1} in rows of {@code cols}, each {@code height} from its row's top. */
    private void fillRun(GraphicsContext g, double left, double top, int cols, int k, int n, double height) {
        if (n == 0) {
            return;
        }
        int last = k + n - 1;
        for (int r = k / cols; r <= last / cols; r++) {
            int c0 = r == k / cols ? k % cols : 0;
            int c1 = r == last / cols ? last % cols : cols - 1;
            g.fillRect(left + c0 * cell, top + r * cell, (c1 - c0 + 1) * cell, height);
        }
    }

    /** A bar stacked by state (busy, initialising, idle) with a thin stripe per function on top of it. */
    private void drawBar(GraphicsContext g, int wm, double left, double top, double width, double height) {
        double perSandbox = width / scale;
        double stripe = Math.max(2, Math.floor(height / 6));
        double x = left;
        for (int state : ORDER) {
            int n = shown.onWorkerManager(wm, state);
            g.setFill(palette.boxFill(PlatformStyles.stateClass(state)));
            g.fillRect(x, top + stripe, n * perSandbox, height - stripe);
            drawn[3 * wm + state] += n;
            x += n * perSandbox;
        }
        x = left;
        for (int f = 0; f < shown.functions().size() && shown.functions().size() > 1; f++) {
            int n = 0;
            for (int state = 0; state < PlatformInterval.STATES; state++) {
                n += shown.sandboxes(wm, f, state);
            }
            g.setFill(palette.boxFill(PlatformStyles.functionClass(f)));
            g.fillRect(x, top, n * perSandbox, stripe);
            x += n * perSandbox;
        }
    }
}
