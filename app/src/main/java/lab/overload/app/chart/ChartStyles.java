package lab.overload.app.chart;

/**
 * Style-class names used by {@link LiveChart}. Colours, line widths, dashes and fonts live only in
 * {@code assets/chart.css}; code refers to them by these names.
 */
public final class ChartStyles {
    /** The chart region itself (background, padding). */
    public static final String LIVE_CHART = "live-chart";

    // Chrome: read from hidden probe nodes by ChartPalette.
    /** Title text ({@code Text}: font, fill). */
    public static final String TITLE = "chart-title";
    /** Axis tick labels and axis captions ({@code Text}). */
    public static final String AXIS_LABEL = "chart-axis-label";
    /** Legend entries ({@code Text}). */
    public static final String LEGEND = "chart-legend";
    /** Axis lines and tick marks ({@code Line}: stroke, width). */
    public static final String AXIS = "chart-axis";
    /** Grid lines ({@code Line}). */
    public static final String GRID = "chart-grid";
    /** Plot area ({@code Rectangle}: fill, stroke). */
    public static final String PLOT = "chart-plot";
    /** Hover crosshair ({@code Line}). */
    public static final String CROSSHAIR = "chart-crosshair";
    /** Hover read-out box ({@code Rectangle}: fill, stroke). */
    public static final String READOUT = "chart-readout";
    /** Hover read-out text ({@code Text}). */
    public static final String READOUT_TEXT = "chart-readout-text";
    /** Event marker labels ({@code Text}: font; the colour is the marker's stroke). */
    public static final String MARKER_LABEL = "chart-marker-label";
    /** Box behind a sentence in the plot (a notice, or why a chart is empty) ({@code Rectangle}). */
    public static final String NOTICE = "chart-notice";
    /** The sentence itself ({@code Text}). */
    public static final String NOTICE_TEXT = "chart-notice-text";
    /** The value next to a clipped spike's triangle ({@code Text}). */
    public static final String CLIP_LABEL = "chart-clip-label";

    // Series ({@code Line}: -fx-stroke, -fx-stroke-width, -fx-stroke-dash-array for dashed series).
    public static final String SERIES_OFFERED = "series-offered";
    public static final String SERIES_THROUGHPUT = "series-throughput";
    public static final String SERIES_GOODPUT = "series-goodput";
    public static final String SERIES_ATTEMPTS = "series-attempts";
    public static final String SERIES_P50 = "series-p50";
    public static final String SERIES_P99 = "series-p99";
    public static final String SERIES_CONCURRENCY = "series-concurrency";
    public static final String SERIES_IN_SYSTEM = "series-in-system";
    /** The worker count, a dashed reference line. */
    public static final String SERIES_CAPACITY = "series-capacity";
    /**
     * Mean latency of attempts at the server (sent to answered, useful, wasted or error): the attempt side of latency,
     * drawn next to the successes' percentiles.
     */
    public static final String SERIES_ATTEMPT_LATENCY = "series-attempt-latency";
    /** Little's law λ×W, drawn dashed next to the measured concurrency. */
    public static final String SERIES_LITTLE = "series-little";
    public static final String SERIES_QUEUE = "series-queue";
    public static final String SERIES_OLDEST_AGE = "series-oldest-age";
    /** The async queues' backlog and oldest message in the overview's queue charts (dashed). */
    public static final String SERIES_ASYNC = "series-async-queue";
    /** The async queues' processed messages and message age, next to goodput and the latency percentiles. */
    public static final String SERIES_ASYNC_MESSAGES = "series-async-messages";
    public static final String SERIES_SUCCEEDED = "series-succeeded";
    public static final String SERIES_TIMEOUT = "series-timeout";
    public static final String SERIES_SHED = "series-shed";
    public static final String SERIES_THROTTLED = "series-throttled";
    public static final String SERIES_ERROR = "series-error";
    public static final String SERIES_USEFUL_WORK = "series-useful-work";
    public static final String SERIES_WASTED_WORK = "series-wasted-work";
    public static final String SERIES_REJECTION_WORK = "series-rejection-work";
    public static final String SERIES_ABANDONED_WORK = "series-abandoned-work";

    // Event markers ({@code Line}).
    /** A change the user made (slider, button). */
    public static final String MARKER_USER = "marker-user";
    /** A step of the preset's timeline. */
    public static final String MARKER_TIMELINE = "marker-timeline";
    /** Where a held spike or a ramp of the timeline ends. */
    public static final String MARKER_TIMELINE_END = "marker-timeline-end";
    /** Prefix of the policy series' classes: {@code series-policy-0} to {@code series-policy-7}. */
    public static final String SERIES_POLICY_PREFIX = "series-policy-";
    /** How many policy hues chart.css defines. */
    public static final int POLICY_HUES = 8;

    private ChartStyles() {
    }
}
