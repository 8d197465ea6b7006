package lab.overload.app.operate;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.text.TextAlignment;
import lab.overload.app.chart.ChartPalette;
import lab.overload.engine.operate.Span;
import lab.overload.engine.operate.SpanKind;
import lab.overload.engine.operate.Trace;

/**
 * One sampled request as a waterfall, on one canvas: a row per span in start order, the client's attempts and
 * backoffs at the left edge and each stage's spans indented under them, bars on a time axis from the request's
 * arrival to the last span's end, coloured by kind (from CSS, through a {@link ChartPalette}). A refusal has no
 * length and is drawn as a narrow mark. Rows that do not fit are left off and the title says how many. FX thread only.
 */
public final class Waterfall extends Region {
    private static final double PAD = 8;
    private final Canvas canvas = new Canvas();
    private final ChartPalette palette = new ChartPalette(this::redraw);
    private Trace trace;
    private int rowsDrawn;

    public Waterfall() {
        getStyleClass().add(OperateStyles.WATERFALL);
        getChildren().addAll(canvas, palette.probes());
        setMinSize(200, 120);
        setPrefSize(700, 320);
    }

    /** Shows this trace (null: none selected). */
    public void show(Trace t) {
        trace = t;
        redraw();
    }

    public Trace trace() {
        return trace;
    }

    /** The rows the last drawing showed (one per span that fitted). */
    public int rowsDrawn() {
        return rowsDrawn;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        redraw();
    }

    /** A span's text in its row: where it happened, what it was. */
    static String label(Span s) {
        return "  ".repeat(s.depth()) + (s.stage() == null ? "" : s.stage() + ": ") + s.label();
    }

    public void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        rowsDrawn = 0;
        double labelSize = palette.font(OperateStyles.WATERFALL_LABEL).getSize();
        double titleSize = palette.font(OperateStyles.WATERFALL_TITLE).getSize();
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(palette.font(OperateStyles.WATERFALL_TITLE));
        g.setFill(palette.textFill(OperateStyles.WATERFALL_TITLE));
        if (trace == null) {
            g.fillText("Select a trace to see its spans", PAD, PAD);
            return;
        }
        double rowH = Math.max(labelSize * 1.45, 12);
        double top = PAD + titleSize * 1.4 + labelSize * 1.5;
        double bottom = getHeight() - PAD;
        int fit = (int) Math.max(0, Math.floor((bottom - top) / rowH));
        int n = Math.min(fit, trace.spans().size());
        String head = OperateModel.describe(trace) + (n < trace.spans().size()
                ? String.format(Locale.ROOT, "  (first %d of %d spans)", n, trace.spans().size()) : "");
        g.fillText(head, PAD, PAD);
        double labelW = Math.min(getWidth() * 0.42, labelSize * 19);
        double left = PAD + labelW;
        double width = Math.max(10, getWidth() - PAD - left - labelSize * 4);
        long t0 = trace.arrivalMicros();
        long span = Math.max(1, trace.lastMicros() - t0);
        g.setFill(palette.boxFill(OperateStyles.WATERFALL_PLOT));
        g.fillRect(left, top, width, n * rowH);
        axis(g, left, width, top, span, labelSize);
        for (int i = 0; i < n; i++) {
            Span s = trace.spans().get(i);
            double y = top + i * rowH;
            double x = left + width * (s.startMicros() - t0) / span;
            double w = Math.max(3, width * s.durationMicros() / span);
            g.setFill(palette.boxFill(OperateStyles.span(s.kind())));
            g.fillRect(x, y + rowH * 0.15, w, rowH * 0.7);
            g.setFont(palette.font(OperateStyles.WATERFALL_LABEL));
            g.setFill(palette.textFill(OperateStyles.WATERFALL_LABEL));
            g.setTextBaseline(VPos.CENTER);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(label(s), PAD, y + rowH / 2, labelW - 6);
            String ms = s.kind() == SpanKind.THROTTLE ? "" : millis(s.durationMicros());
            g.fillText(ms, Math.min(x + w + 4, left + width + 4), y + rowH / 2);
            rowsDrawn++;
        }
    }

    private void axis(GraphicsContext g, double left, double width, double top, long spanMicros, double labelSize) {
        g.setFont(palette.font(OperateStyles.WATERFALL_AXIS));
        g.setFill(palette.textFill(OperateStyles.WATERFALL_AXIS));
        g.setTextBaseline(VPos.BOTTOM);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("0", left, top - 2);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(millis(spanMicros), left + width, top - 2);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(millis(spanMicros / 2), left + width / 2, top - 2);
    }

    static String millis(long micros) {
        double ms = micros / 1000.0;
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f ms", ms) : String.format(Locale.ROOT, "%.1f ms", ms);
    }
}
