package lab.overload.app.operate;

import lab.overload.engine.operate.SpanKind;

/** Style classes of the Operate tab; their colours and fonts are in {@code assets/chart.css} ("Operate tab"). */
public final class OperateStyles {
    private OperateStyles() {
    }

    /** The tab's content. */
    public static final String OPERATE_VIEW = "operate-view";
    /** One pane of the tab (traces, log lines, Logs Insights). */
    public static final String OPERATE_PANE = "operate-pane";
    /** A pane's title. */
    public static final String PANE_TITLE = "operate-pane-title";
    /** The trace list. */
    public static final String TRACE_LIST = "trace-list";
    /** The waterfall view (a region holding one canvas). */
    public static final String WATERFALL = "waterfall";
    /** The waterfall's plot area, its labels, its time axis and its title. */
    public static final String WATERFALL_PLOT = "waterfall-plot";
    public static final String WATERFALL_LABEL = "waterfall-label";
    public static final String WATERFALL_AXIS = "waterfall-axis";
    public static final String WATERFALL_TITLE = "waterfall-title";
    /** The REPORT lines text. */
    public static final String REPORT_TEXT = "report-text";
    /** The Logs Insights table and the sentence under it. */
    public static final String INSIGHTS_TABLE = "insights-table";
    public static final String INSIGHTS_NOTE = "insights-note";

    /** The fill of a span of that kind, e.g. {@code span-queue-wait}. */
    public static String span(SpanKind kind) {
        return "span-" + kind.cssName();
    }
}
