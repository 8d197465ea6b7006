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
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.models.scenario.Scenario;

/**
 * The service map (titled by the Operate tab's pane): the scenario's client groups and stages as boxes in columns by
 * call depth, arrows for the calls with their rate, each box coloured by its health over the last
 * {@link ServiceMap#WINDOW_SECONDS} s (healthy, degraded, failing, idle; colours in {@code assets/chart.css},
 * "Service map") and showing its rate, bad share,
 * utilisation (stages) and p99 over the same window ({@link ServiceMap}: a client group's successes, a stage's useful
 * answers, a queue's message age; "p99 &le;" where it is the sole client group's, an upper bound). In a small pane
 * the texts shrink together and a box's lines take another form ({@link MapLayout}) before anything is cut. Clicking a
 * box selects it and tells {@link #onSelect} its parameter-path owner (e.g. {@code services.api}); clicking it again
 * clears the selection (null). FX thread only.
 */
public final class ServiceMapPane extends CanvasPane {
    static final String PANE = "service-map";
    static final String CAPTION = "map-caption";
    static final String NAME = "map-node-name";
    static final String TEXT = "map-node-text";
    static final String EDGE = "map-edge";
    static final String EDGE_TEXT = "map-edge-text";
    static final String SELECTED = "map-node-selected";

    private ServiceMap map;
    private ServiceMap.Node selected;
    private Consumer<String> onSelect = owner -> { };
    private final List<String> cut = new ArrayList<>();
    private final List<String> overflowing = new ArrayList<>();
    private MapLayout layout;

    public ServiceMapPane() {
        getStyleClass().add(PANE);
        setMinWidth(240);
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
        layout = null;
        requestLayout(); // its least height follows its rows
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

    /** The box lines the last draw placed (partly) below the bottom of their box. */
    public List<String> overflowingTexts() {
        return List.copyOf(overflowing);
    }

    /** A node's box in the pane: left, top, width, height. */
    public double[] box(ServiceMap.Node n) {
        return mapLayout().box(n.column(), n.row());
    }

    /** The layout at the pane's size for the numbers shown now (measured once per draw). */
    private MapLayout mapLayout() {
        if (layout == null) {
            layout = MapTexts.layout(map, palette.font(CAPTION), palette.font(NAME), palette.font(TEXT),
                    palette.font(EDGE_TEXT), getWidth(), getHeight());
        }
        return layout;
    }

    /** The scale of the box texts and edge rates at the pane's size, of the CSS sizes (1 as styled). */
    public double textScale() {
        return mapLayout().scale();
    }

    /** How the boxes show their lines at the pane's size: 0 as styled, 1 and 2 split over more lines, 3 the grid. */
    public int lineForm() {
        return mapLayout().form();
    }

    /**
     * The least height that shows the boxes in their styled form at the smallest text scale, but never more than half
     * the window's height (a scenario of many client groups leaves the panes beside and above it some room).
     */
    @Override
    protected double computeMinHeight(double width) {
        int mostRows = 1;
        if (map != null) {
            for (int c = 0; c < map.columns(); c++) {
                mostRows = Math.max(mostRows, map.rows(c));
            }
        }
        double least = MapLayout.minHeight(sizes(), mostRows, 4);
        return getScene() == null || getScene().getHeight() <= 0 ? least : Math.min(least, getScene().getHeight() / 2);
    }

    private MapLayout.Sizes sizes() {
        return new MapLayout.Sizes(palette.font(CAPTION).getSize(), palette.font(NAME).getSize(),
                palette.font(TEXT).getSize(), palette.font(EDGE_TEXT).getSize());
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

    static String healthClass(ServiceMap.Health h) {
        return "map-node-" + h.name().toLowerCase(Locale.ROOT);
    }

    @Override
    protected void draw(GraphicsContext g) {
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        cut.clear();
        overflowing.clear();
        layout = null; // measured again: the size or the numbers may have changed
        MapLayout at = mapLayout();
        double pad = MapLayout.PAD;
        Font captionFont = scaled(palette.font(CAPTION), at.captionScale());
        g.setFont(captionFont);
        g.setFill(palette.textFill(CAPTION));
        String[] caption = MapTexts.caption();
        for (int i = 0; i < caption.length; i++) {
            g.fillText(fit(caption[i], captionFont, getWidth() - 2 * pad), pad, pad + i * 1.3 * captionFont.getSize());
        }
        if (map == null) {
            return;
        }
        double scale = at.scale();
        Font nameFont = scaled(palette.font(NAME), scale);
        Font textFont = scaled(palette.font(TEXT), scale);
        Font edgeFont = scaled(palette.font(EDGE_TEXT), scale);
        g.setStroke(palette.stroke(EDGE));
        g.setLineWidth(palette.strokeWidth(EDGE));
        g.setFont(edgeFont);
        for (ServiceMap.Edge e : map.edges()) {
            drawEdge(g, e, edgeFont);
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
            String[] lines = MapTexts.lines(n, s, at.form());
            double room = b[2] - 2 * at.inset();
            double x = b[0] + at.inset();
            double lh = textFont.getSize() * MapLayout.LINE;
            double block = nameFont.getSize() * MapLayout.LINE + lines.length * lh;
            double y = b[1] + Math.max(at.inset() / 2, (b[3] - block) / 2);
            g.setFont(nameFont);
            g.setFill(palette.textFill(NAME));
            String title = MapTexts.title(n);
            title = MapTexts.width(title, nameFont) <= room ? title : n.name(); // the kind only if it fits
            g.fillText(fit(title, nameFont, room), x, y);
            g.setFont(textFont);
            g.setFill(palette.textFill(TEXT));
            y += nameFont.getSize() * MapLayout.LINE;
            double left = at.form() == MapLayout.GRID ? MapTexts.gridLeft(lines, textFont) : room;
            double right = left + MapTexts.GRID_GAP_EMS * textFont.getSize();
            for (int i = 0; i < lines.length; i++) {
                String[] cells = lines[i].split("\t", -1);
                g.fillText(fit(cells[0], textFont, left), x, y + i * lh);
                if (cells.length > 1) {
                    g.fillText(fit(cells[1], textFont, room - right), x + right, y + i * lh);
                }
                if (y + i * lh + textFont.getSize() > b[1] + b[3]) {
                    overflowing.add(lines[i].replace('\t', ' '));
                }
            }
        }
    }

    /** An arrow from box to box, its rate centred above it in the gap between the columns. */
    private void drawEdge(GraphicsContext g, ServiceMap.Edge e, Font edgeFont) {
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
        g.setFill(palette.textFill(EDGE_TEXT));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        String label = MapTexts.edgeLabel(map.rate(e));
        if (MapTexts.width(label, edgeFont) > x2 - x1 - 4) {
            cut.add(label);
        }
        g.fillText(label, (x1 + x2) / 2, (y1 + y2) / 2 - 2);
    }

    private static Font scaled(Font f, double scale) {
        return scale >= 1 ? f : new Font(f.getName(), f.getSize() * scale);
    }

    /** The text, cut with an ellipsis to fit the width at that font (and noted in {@link #cutTexts()}). */
    private String fit(String text, Font font, double width) {
        if (MapTexts.width(text, font) <= width) {
            return text;
        }
        cut.add(text);
        for (int n = text.length() - 1; n > 0; n--) {
            String shorter = text.substring(0, n) + "\u2026";
            if (MapTexts.width(shorter, font) <= width) {
                return shorter;
            }
        }
        return "";
    }
}
