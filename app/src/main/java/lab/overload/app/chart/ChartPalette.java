package lab.overload.app.chart;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Colours, widths, dashes and fonts for canvas drawing, taken from CSS.
 *
 * <p>A canvas has no style classes, so for every style class the chart needs the palette keeps one hidden probe node
 * carrying that class: a {@link Line} for strokes ({@code -fx-stroke}, {@code -fx-stroke-width},
 * {@code -fx-stroke-dash-array}), a {@link Text} for fonts and text fills, a {@link Rectangle} for box fills. The
 * probes live in {@link #probes()}, which the chart adds as an invisible child, so they get the same stylesheets as
 * the chart; the palette reads their computed properties. When CSS changes a probe (first CSS pass, a stylesheet
 * swap such as presenter mode) the palette calls its change callback so the owner can redraw.
 *
 * <p>Thread rule: FX thread only.
 */
public final class ChartPalette {
    private final Group probes = new Group();
    private final Map<String, Line> lines = new HashMap<>();
    private final Map<String, Text> texts = new HashMap<>();
    private final Map<String, Rectangle> boxes = new HashMap<>();
    private final InvalidationListener changed;

    /** @param onChange called (on the FX thread) whenever CSS changes a probe's value */
    public ChartPalette(Runnable onChange) {
        this.changed = o -> onChange.run();
        probes.setManaged(false);
        probes.setVisible(false);
        probes.setMouseTransparent(true);
        probes.sceneProperty().addListener(changed);
        for (String line : new String[] {ChartStyles.AXIS, ChartStyles.GRID, ChartStyles.CROSSHAIR}) {
            line(line);
        }
        for (String text : new String[] {ChartStyles.TITLE, ChartStyles.AXIS_LABEL, ChartStyles.LEGEND,
            ChartStyles.READOUT_TEXT, ChartStyles.MARKER_LABEL, ChartStyles.NOTICE_TEXT, ChartStyles.CLIP_LABEL}) {
            text(text);
        }
        box(ChartStyles.PLOT);
        box(ChartStyles.READOUT);
        box(ChartStyles.NOTICE);
    }

    /** The hidden node holding the probes; add it to the chart's children. */
    public Node probes() {
        return probes;
    }

    /** The {@code -fx-stroke} of a line with this style class (black when no rule matches). */
    public Paint stroke(String styleClass) {
        return line(styleClass).getStroke();
    }

    /** The {@code -fx-stroke-width} of a line with this style class. */
    public double strokeWidth(String styleClass) {
        return line(styleClass).getStrokeWidth();
    }

    /** The {@code -fx-stroke-dash-array} of a line with this style class; empty for a solid line. */
    public double[] dashes(String styleClass) {
        List<Double> list = line(styleClass).getStrokeDashArray();
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }

    /** The font of text with this style class. */
    public Font font(String styleClass) {
        return text(styleClass).getFont();
    }

    /** The {@code -fx-fill} of text with this style class. */
    public Paint textFill(String styleClass) {
        return text(styleClass).getFill();
    }

    /** The {@code -fx-fill} of a box with this style class. */
    public Paint boxFill(String styleClass) {
        return box(styleClass).getFill();
    }

    /** The {@code -fx-stroke} of a box with this style class ({@code null} for no border). */
    public Paint boxStroke(String styleClass) {
        return box(styleClass).getStroke();
    }

    /**
     * Creates the line probe for a series or marker style class now, so its CSS is ready before the first draw
     * (the chart's own chrome classes are created with the palette).
     */
    public void prepare(String styleClass) {
        line(styleClass);
    }

    private Line line(String styleClass) {
        return probe(lines, styleClass, c -> {
            Line line = new Line();
            line.strokeProperty().addListener(changed);
            line.strokeWidthProperty().addListener(changed);
            line.getStrokeDashArray().addListener(changed);
            return line;
        });
    }

    private Text text(String styleClass) {
        return probe(texts, styleClass, c -> {
            Text text = new Text();
            text.fontProperty().addListener(changed);
            text.fillProperty().addListener(changed);
            return text;
        });
    }

    private Rectangle box(String styleClass) {
        return probe(boxes, styleClass, c -> {
            Rectangle box = new Rectangle();
            box.fillProperty().addListener(changed);
            box.strokeProperty().addListener(changed);
            return box;
        });
    }

    private <N extends Node> N probe(Map<String, N> map, String styleClass, Function<String, N> create) {
        N node = map.get(styleClass);
        if (node == null) {
            node = create.apply(styleClass);
            node.getStyleClass().add(styleClass);
            map.put(styleClass, node);
            probes.getChildren().add(node);
            if (probes.getScene() != null) {
                node.applyCss();
            }
        }
        return node;
    }
}
