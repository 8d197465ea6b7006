package lab.overload.app.curve;

/**
 * Style-class names of the tipping-point view. Colours, widths, dashes and fonts live only in
 * {@code assets/chart.css} (the "Tipping-point curve" block); the chart also carries {@code live-chart}, so its
 * title, axes, grid and legend look like every other chart's.
 */
public final class CurveStyles {
    /** The chart region (with {@code live-chart}). */
    public static final String CHART = "curve-chart";
    /** The view: toolbar row and chart. */
    public static final String VIEW = "tipping-point-view";
    /** The toolbar row above the chart. */
    public static final String TOOLBAR = "curve-toolbar";
    /** The status text in the toolbar row. */
    public static final String STATUS = "curve-status";

    // Lines ({@code Line}: -fx-stroke, -fx-stroke-width, -fx-stroke-dash-array); point markers use the stroke.
    public static final String GOODPUT = "curve-goodput";
    public static final String THROUGHPUT = "curve-throughput";
    public static final String P99 = "curve-p99";
    /** The "goodput = offered" reference diagonal. */
    public static final String DIAGONAL = "curve-diagonal";
    /** The capacity estimate, a horizontal reference. */
    public static final String CAPACITY = "curve-capacity";
    /** The vertical tipping-point marker and its label. */
    public static final String TIPPING = "curve-tipping";
    /** The client's fixed timeout on the p99 panel: successes cannot take longer. */
    public static final String TIMEOUT = "curve-timeout";
    /** The live operating point's dot (stroke = fill colour) and its trail. */
    public static final String OPERATING_POINT = "curve-operating-point";
    /** Ghost curves by age, 1 = newest: {@code curve-ghost-1} ... {@code curve-ghost-4}. */
    public static final String GHOST_PREFIX = "curve-ghost-";
    /** The "computing…" and "no curve yet" overlay box ({@code Rectangle}: fill, stroke). */
    public static final String OVERLAY = "curve-overlay";
    /** The overlay's text ({@code Text}). */
    public static final String OVERLAY_TEXT = "curve-overlay-text";

    private CurveStyles() {
    }

    /** The style class of the ghost at position {@code index} (0 = newest). */
    public static String ghost(int index) {
        return GHOST_PREFIX + (index + 1);
    }
}
