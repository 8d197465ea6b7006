package lab.overload.app.operatemap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import lab.overload.app.chart.CanvasPane;
import lab.overload.app.chart.ChartPalette;
import lab.overload.app.chart.Ticks;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.models.scenario.Scenario;

/**
 * The service map (titled by the Operate tab's pane): the scenario's client groups and stages as boxes in columns by
 * call depth, arrows for the calls with their rate, each box coloured by its health over the last {@link ServiceMap#WINDOW_SECONDS} s (healthy,
 * degraded, failing, idle; colours in {@code assets/chart.css}, "Service map") and showing its rate, bad share,
 * utilisation (stages) and p99 over the same window ({@link ServiceMap}: a client group's successes, a stage's useful
 * answers, a queue's message age; "p99 &le;" where it is the sole client group's, an upper bound). Clicking a box selects it and tells {@link #onSelect} its parameter-path owner (e.g.
 * {@code services.api}); clicking it again clears the selection (null). FX thread only.
 */
public final class ServiceMapPane extends CanvasPane {
    static final String PANE = "service-map";
    static final String CAPTION = "map-caption";
    static final String NAME = "map-node-name";
    static final String TEXT = "map-node-text";
    static final String EDGE = "map-edge";
    static final String EDGE_TEXT = "map-edge-text";
    static final String SELECTED = "map-node-selected";
    private static final double PAD = 10;
    /** The smallest share of the CSS font sizes the box and edge texts shrink to before a line is cut. */
    static final double MIN_TEXT_SCALE = 0.6;

    private ServiceMap map;
    private ServiceMap.Node selected;
    private Consumer<String> onSelect = owner -> { };
    private final List<String> cut = new ArrayList<>();

    public ServiceMapPane() {
        getStyleClass().add(PANE);
        setMinSize(240, 160);
        setPrefSize(800, 360);
        palette.prepare(EDGE);
        for (ServiceMap.Health h : ServiceMap.Health.values()) {
            palette.boxFill(healthClass(h)); // probes made now, so the first draw has their CSS
        }
        palette.boxStroke(SELECTED);
        for (String text : new String[] {CAPTION, NAME, TEXT, EDGE_TEXT}) {
            palette.font(text);
        }
        canvas.setOnMouseClicked(e -> select(nodeAt(e.getX(), e.getY())));
    }

    /** A new run: the map of this scenario, no numbers yet. */
    public void reset(Scenario scenario) {
        map = new ServiceMap(scenario);
        selected = null;
        markDirty();
    }

    public void add(IntervalSnapshot s) {
        if (map != null) {
            map.add(s);
            markDirty();
        }
    }

    public ServiceMap map() {
        return map;
    }

    /** Called with the selected node's owner ("services.api"), or null when the selection is cleared. */
    public void onSelect(Consumer<String> action) {
        onSelect = action == null ? owner -> { } : action;
    }

    /** Selects a node (or clears the selection when it is the selected one or null). */
    public void select(ServiceMap.Node n) {
        selected = n == null || n.equals(selected) ? null : n;
        onSelect.accept(selected == null ? null : selected.owner());
        markDirty();
    }

    public ServiceMap.Node selected() {
        return selected;
    }

    /** The box and edge texts the last draw had to cut with an ellipsis even at the smallest text scale. */
    public List<String> cutTexts() {
        return List.copyOf(cut);
    }

    /** A node's box in the pane: left, top, width, height. */
    public double[] box(ServiceMap.Node n) {
        double top = PAD + 2.8 * palette.font(CAPTION).getSize();
        int columns = map.columns();
        double colW = (getWidth() - 2 * PAD) / columns;
        double w = Math.min(colW * 0.8, 26 * palette.font(TEXT).getSize());
        int rows = map.rows(n.column());
        double rowH = (getHeight() - top - PAD) / Math.max(1, rows);
        double h = Math.min(rowH * 0.88, 7.2 * palette.font(TEXT).getSize());
        double x = PAD + n.column() * colW + (colW - w) / 2;
        double y = top + n.row() * rowH + (rowH - h) / 2;
        return new double[] {x, y, w, h};
    }

    /** The node whose box holds the point (pane coordinates), or null. */
    public ServiceMap.Node nodeAt(double x, double y) {
        if (map == null) {
            return null;
        }
        for (ServiceMap.Node n : map.nodes()) {
            double[] b = box(n);
            if (x >= b[0] && x <= b[0] + b[2] && y >= b[1] && y <= b[1] + b[3]) {
                return n;
            }
        }
        return null;
    }

    /** A node's kind in a word: client, service, API, function, queue. */
    static String kind(ServiceMap.Node n) {
        return switch (n.section()) {
            case "clients" -> "client";
            case "services" -> "service";
            case "apis" -> "API";
            case "functions" -> "function";
            case "queues" -> "queue";
            default -> n.section();
        };
    }

    static String healthClass(ServiceMap.Health h) {
        return "map-node-" + h.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The four lines of numbers under a node's name: rate, with the utilisation for a stage that has workers; bad
     * share; its error and throttle (or, for a client group, rejected) shares; p99.
     */
    static String[] lines(ServiceMap.Node n, ServiceMap.NodeStats s) {
        boolean client = n.section().equals("clients");
        String rate = Double.isNaN(s.ratePerSecond()) ? "\u2013" : Ticks.formatValue(s.ratePerSecond());
        String first = rate + (client ? " req/s" : " att/s");
        String bad = Double.isNaN(s.badShare()) ? "nothing ended"
                : String.format(Locale.ROOT, "%.1f%% bad", 100 * s.badShare());
        String parts = Double.isNaN(s.badShare()) ? "" : String.format(Locale.ROOT, "err %.1f%% \u00b7 %s %.1f%%",
                100 * s.errorShare(), client ? "rej" : "thr", 100 * s.throttleShare());
        String util = client || Double.isNaN(s.utilization()) ? ""
                : String.format(Locale.ROOT, " \u00b7 util %.0f%%", 100 * s.utilization());
        String p99 = Double.isNaN(s.p99Millis()) ? (client ? "no successes" : "no useful answers")
                : (s.p99UpperBound() ? "p99 \u2264 " : "p99 ") + Ticks.formatValue(s.p99Millis()) + " ms";
        return new String[] {first + util, bad, parts, p99};
    }

    @Override
    protected void draw(GraphicsContext g) {
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        cut.clear();
        String[] caption = {
            String.format(Locale.ROOT, "last %.0f s \u00b7 bad: failed, shed, throttled, error, wasted",
                    ServiceMap.WINDOW_SECONDS),
            String.format(Locale.ROOT, "healthy < %.0f%% bad \u00b7 degraded < %.0f%% \u00b7 failing above",
                    100 * ServiceMap.DEGRADED_SHARE, 100 * ServiceMap.FAILING_SHARE)};
        double room = getWidth() - 2 * PAD;
        double captionScale = 1;
        for (String line : caption) {
            captionScale = Math.min(captionScale, room / width(line, palette.font(CAPTION)));
        }
        Font captionFont = scaled(palette.font(CAPTION), Math.max(MIN_TEXT_SCALE, captionScale));
        g.setFont(captionFont);
        g.setFill(palette.textFill(CAPTION));
        g.fillText(fit(caption[0], captionFont, room), PAD, PAD);
        g.fillText(fit(caption[1], captionFont, room), PAD, PAD + 1.3 * palette.font(CAPTION).getSize());
        if (map == null) {
            return;
        }
        double scale = textScale();
        Font nameFont = scaled(palette.font(NAME), scale);
        Font textFont = scaled(palette.font(TEXT), scale);
        Font edgeFont = scaled(palette.font(EDGE_TEXT), scale);
        g.setStroke(palette.stroke(EDGE));
        g.setLineWidth(palette.strokeWidth(EDGE));
        g.setFont(edgeFont);
        for (ServiceMap.Edge e : map.edges()) {
            double[] a = box(e.from());
            double[] b = box(e.to());
            double x1 = a[0] + a[2];
            double y1 = a[1] + a[3] / 2;
            double x2 = b[0];
            double y2 = b[1] + b[3] / 2;
            g.strokeLine(x1, y1, x2, y2);
            double ang = Math.atan2(y2 - y1, x2 - x1);
            double head = 0.6 * edgeFont.getSize();
            g.strokeLine(x2, y2, x2 - head * Math.cos(ang - 0.4), y2 - head * Math.sin(ang - 0.4));
            g.strokeLine(x2, y2, x2 - head * Math.cos(ang + 0.4), y2 - head * Math.sin(ang + 0.4));
            double rate = map.rate(e);
            g.setFill(palette.textFill(EDGE_TEXT));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.BOTTOM);
            String label = Double.isNaN(rate) ? "split not measured" : Ticks.formatValue(rate) + "/s";
            if (width(label, edgeFont) > x2 - x1 - 4) {
                cut.add(label);
            }
            g.fillText(label, (x1 + x2) / 2, (y1 + y2) / 2 - 2);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (ServiceMap.Node n : map.nodes()) {
            double[] b = box(n);
            ServiceMap.NodeStats s = map.stats(n);
            g.setFill(palette.boxFill(healthClass(s.health())));
            g.fillRoundRect(b[0], b[1], b[2], b[3], 10, 10);
            boolean sel = n.equals(selected);
            g.setStroke(palette.boxStroke(sel ? SELECTED : healthClass(s.health())));
            g.setLineWidth(sel ? 4 : 1.5);
            if (g.getStroke() != null) {
                g.strokeRoundRect(b[0], b[1], b[2], b[3], 10, 10);
            }
            double x = b[0] + 8;
            double lh = textFont.getSize() * 1.25;
            double y = b[1] + Math.max(4, (b[3] - nameFont.getSize() * 1.25 - 4 * lh) / 2);
            g.setFont(nameFont);
            g.setFill(palette.textFill(NAME));
            String title = width(title(n), nameFont) <= b[2] - 16 ? title(n) : n.name(); // the kind only if it fits
            g.fillText(fit(title, nameFont, b[2] - 16), x, y);
            g.setFont(textFont);
            g.setFill(palette.textFill(TEXT));
            String[] lines = lines(n, s);
            y += nameFont.getSize() * 1.25;
            for (int i = 0; i < lines.length; i++) {
                g.fillText(fit(lines[i], textFont, b[2] - 16), x, y + i * lh);
            }
        }
    }

    private static String title(ServiceMap.Node n) {
        return n.name() + "  (" + kind(n) + ")";
    }

    /**
     * The share of the CSS font sizes at which every box's lines and every edge's rate fit (1 when they fit as styled,
     * never below {@link #MIN_TEXT_SCALE}): a small pane, such as the Operate tab in presenter mode at 1280x720, shrinks
     * the map's text rather than cutting its numbers.
     */
    private double textScale() {
        double scale = 1;
        for (ServiceMap.Node n : map.nodes()) {
            double room = box(n)[2] - 16;
            scale = Math.min(scale, room / width(n.name(), palette.font(NAME)));
            for (String line : lines(n, map.stats(n))) {
                scale = Math.min(scale, room / width(line, palette.font(TEXT)));
            }
        }
        for (ServiceMap.Edge e : map.edges()) {
            double gap = box(e.to())[0] - box(e.from())[0] - box(e.from())[2] - 4;
            double rate = map.rate(e);
            String label = Double.isNaN(rate) ? "split not measured" : Ticks.formatValue(rate) + "/s";
            if (gap > 0) {
                scale = Math.min(scale, gap / width(label, palette.font(EDGE_TEXT)));
            }
        }
        return Math.max(MIN_TEXT_SCALE, scale);
    }

    private static Font scaled(Font f, double scale) {
        return scale >= 1 ? f : new Font(f.getName(), f.getSize() * scale);
    }

    private static double width(String text, Font font) {
        javafx.scene.text.Text probe = new javafx.scene.text.Text(text);
        probe.setFont(font);
        return probe.getLayoutBounds().getWidth();
    }

    /** The text, cut with an ellipsis to fit the width at that font (and noted in {@link #cutTexts()}). */
    private String fit(String text, Font font, double width) {
        if (width(text, font) <= width) {
            return text;
        }
        cut.add(text);
        for (int n = text.length() - 1; n > 0; n--) {
            String shorter = text.substring(0, n) + "\u2026";
            if (width(shorter, font) <= width) {
                return shorter;
            }
        }
        return "";
    }
}
