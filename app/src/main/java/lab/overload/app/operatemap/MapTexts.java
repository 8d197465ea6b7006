package lab.overload.app.operatemap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.text.Font;
import lab.overload.app.chart.Ticks;

/**
 * The service map's texts: a box's title and its lines of numbers in each form {@link MapLayout} may choose, the
 * caption, an edge's rate; and their widths at the styled fonts, which the layout is computed from. FX thread only
 * (text is measured with a {@code Text} node).
 */
final class MapTexts {
    /** The gap between the grid form's two columns, in text sizes. */
    static final double GRID_GAP_EMS = 0.8;

    private MapTexts() {
    }

    /** The map's layout in a pane of that size at those (styled) fonts, for the numbers the map shows now. */
    static MapLayout layout(ServiceMap map, Font captionFont, Font nameFont, Font textFont, Font edgeFont,
                            double paneWidth, double paneHeight) {
        List<MapLayout.NodeTexts> texts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        if (map != null) {
            for (ServiceMap.Node n : map.nodes()) {
                ServiceMap.NodeStats st = map.stats(n);
                double[] widest = new double[MapLayout.FORMS];
                int[] count = new int[MapLayout.FORMS];
                for (int f = 0; f < MapLayout.FORMS; f++) {
                    String[] lines = lines(n, st, f);
                    widest[f] = f == MapLayout.GRID ? gridWidth(lines, textFont)
                            : MapLayout.widest(List.of(lines), t -> width(t, textFont));
                    count[f] = lines.length;
                }
                texts.add(new MapLayout.NodeTexts(n.column(), n.row(), width(n.name(), nameFont), widest, count));
            }
            map.edges().forEach(e -> labels.add(edgeLabel(map.rate(e))));
        }
        MapLayout.Sizes sizes = new MapLayout.Sizes(captionFont.getSize(), nameFont.getSize(), textFont.getSize(),
                edgeFont.getSize());
        return new MapLayout(paneWidth, paneHeight, sizes, texts,
                MapLayout.widest(List.of(caption()), t -> width(t, captionFont)),
                MapLayout.widest(labels, t -> width(t, edgeFont)));
    }

    /** The width of a grid's left column at a font: its widest left cell. */
    static double gridLeft(String[] rows, Font font) {
        return MapLayout.widest(List.of(rows), r -> width(r.split("\t", -1)[0], font));
    }

    /** The width of the grid form's rows at a font: the left column, the gap, the widest right cell. */
    static double gridWidth(String[] rows, Font font) {
        return gridLeft(rows, font) + GRID_GAP_EMS * font.getSize()
                + MapLayout.widest(List.of(rows), r -> width(r.split("\t", -1)[1], font));
    }

    /** An edge's label: its rate per second, or that the split between several callers is not measured. */
    static String edgeLabel(double rate) {
        return Double.isNaN(rate) ? "split not measured" : Ticks.formatValue(rate) + "/s";
    }

    /** The caption's two lines: the window and what counts as bad; the health thresholds. */
    static String[] caption() {
        return new String[] {
            String.format(Locale.ROOT, "last %.0f s \u00b7 bad: failed, shed, throttled, error, wasted",
                    ServiceMap.WINDOW_SECONDS),
            String.format(Locale.ROOT, "healthy < %.0f%% bad \u00b7 degraded < %.0f%% \u00b7 failing above",
                    100 * ServiceMap.DEGRADED_SHARE, 100 * ServiceMap.FAILING_SHARE)};
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

    /**
     * The four lines of numbers under a node's name: rate, with the utilisation for a stage that has workers; bad
     * share; its error and throttle (or, for a client group, rejected) shares; p99.
     */
    static String[] lines(ServiceMap.Node n, ServiceMap.NodeStats s) {
        return lines(n, s, 0);
    }

    /**
     * A node's lines of numbers in a form: 0 as {@link #lines(ServiceMap.Node, ServiceMap.NodeStats)}; 1 with the
     * error and the throttle share on lines of their own; 2 with the utilisation on its own line too (a narrow box);
     * {@link MapLayout#GRID}: three rows of two cells apart by a tab (a wide, short box): rate and utilisation, bad
     * share and p99, error and throttle share.
     */
    static String[] lines(ServiceMap.Node n, ServiceMap.NodeStats s, int form) {
        boolean client = n.section().equals("clients");
        String rate = Double.isNaN(s.ratePerSecond()) ? "\u2013" : Ticks.formatValue(s.ratePerSecond());
        String first = rate + (client ? " req/s" : " att/s");
        String bad = Double.isNaN(s.badShare()) ? "nothing ended"
                : String.format(Locale.ROOT, "%.1f%% bad", 100 * s.badShare());
        String err = Double.isNaN(s.badShare()) ? "" : String.format(Locale.ROOT, "err %.1f%%", 100 * s.errorShare());
        String thr = Double.isNaN(s.badShare()) ? "" : String.format(Locale.ROOT, "%s %.1f%%", client ? "rej" : "thr",
                100 * s.throttleShare());
        String util = client || Double.isNaN(s.utilization()) ? ""
                : String.format(Locale.ROOT, "util %.0f%%", 100 * s.utilization());
        String p99 = Double.isNaN(s.p99Millis()) ? (client ? "no successes" : "no useful answers")
                : (s.p99UpperBound() ? "p99 \u2264 " : "p99 ") + Ticks.formatValue(s.p99Millis()) + " ms";
        if (form == MapLayout.GRID) {
            return new String[] {first + "\t" + util, bad + "\t" + p99, err + "\t" + thr};
        }
        List<String> out = new ArrayList<>();
        if (form < 2 || util.isEmpty()) {
            out.add(util.isEmpty() ? first : first + " \u00b7 " + util);
        } else {
            out.add(first);
            out.add(util);
        }
        out.add(bad);
        if (form == 0 || err.isEmpty()) {
            out.add(err.isEmpty() ? "" : err + " \u00b7 " + thr);
        } else {
            out.add(err);
            out.add(thr);
        }
        out.add(p99);
        return out.toArray(String[]::new);
    }

    /** A node's name with its kind, e.g. {@code checkout  (function)}. */
    static String title(ServiceMap.Node n) {
        return n.name() + "  (" + kind(n) + ")";
    }

    /** The width of a text at a font, in pixels. */
    static double width(String text, Font font) {
        javafx.scene.text.Text probe = new javafx.scene.text.Text(text);
        probe.setFont(font);
        return probe.getLayoutBounds().getWidth();
    }
}
