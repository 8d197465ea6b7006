package lab.overload.app.queues;

/** Style classes of the Queues tab; their colours and fonts are in {@code assets/chart.css} ("Queues tab"). */
public final class QueueStyles {
    private QueueStyles() {
    }

    /** The lane bars view (a region holding one canvas). */
    public static final String LANE_BARS = "lane-bars";
    /** A lane's bar. */
    public static final String LANE_BAR = "lane-bar";
    /** A lane in the noisy tenant's hand. */
    public static final String LANE_BAR_NOISY = "lane-bar-noisy";
    /** The plot area behind the bars. */
    public static final String LANE_PLOT = "lane-plot";
    /** Titles and labels drawn on the canvas. */
    public static final String LANE_TITLE = "lane-title";
    public static final String LANE_LABEL = "lane-label";
    /** The line naming the noisy tenant's hand (in the hand's colour). */
    public static final String LANE_NOISY_LABEL = "lane-noisy-label";
    /** The overlap table. */
    public static final String OVERLAP_TABLE = "overlap-table";
    /** The sentence above the overlap table. */
    public static final String OVERLAP_CAPTION = "overlap-caption";
    /** The Queues tab's content. */
    public static final String QUEUES_VIEW = "queues-view";
    /** Drop series: expired (TTL) and throttled (backpressure) per second; backlog. */
    public static final String SERIES_EXPIRED = "series-expired";
    public static final String SERIES_BACKLOG = "series-queue";
    public static final String SERIES_OLDEST = "series-oldest-age";
    public static final String SERIES_THROTTLED = "series-throttled";
    public static final String SERIES_DEAD_LETTERED = "series-dead-lettered";
    /** The most affected tenants' table, its caption, and the noisy tenant's row in it. */
    public static final String TENANT_AGES_TABLE = "tenant-ages-table";
    public static final String NOISY_ROW = "noisy-tenant-row";
    /** The row of controls above the tab: the queue selector and the noisy-neighbour button. */
    public static final String QUEUE_CONTROLS = "queue-controls";
}
