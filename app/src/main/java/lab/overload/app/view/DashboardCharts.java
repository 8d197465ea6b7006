package lab.overload.app.view;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import lab.overload.app.chart.ChartStyles;
import lab.overload.app.chart.LiveChart;
import lab.overload.app.chart.TimeSeries;
import lab.overload.app.curve.TippingPointView;
import lab.overload.app.operate.OperateModel;
import lab.overload.app.operatemap.ServiceMapPane;
import lab.overload.app.operatemap.TopContributorsPane;
import lab.overload.app.queues.QueueCharts;
import lab.overload.app.viewmodel.ChartModel;
import lab.overload.app.viewmodel.ChartOptions;
import lab.overload.app.viewmodel.RollingWindow;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.engine.operate.OperateData;
import lab.overload.models.scenario.Scenario;

/**
 * The dashboard's charts and the series behind them, fed from interval snapshots. Every chart shares the time axis
 * and the markers (timeline changes, where their holds and ramps end, and the user's own changes, one marker per
 * slider drag). Series colours follow the outcome, the same in every chart, and differ within a chart (see
 * assets/chart.css). Legend values and read-outs follow the smoothing of {@link #options()}. The policy charts
 * ({@link PolicyCharts}), the async queues' overview series ({@link AsyncOverview}), side B of an A/B split
 * ({@link AbSeries}) and the Platform, Queues and Operate tabs' models are parts it feeds.
 */
public final class DashboardCharts implements ChartModel {
    public final TimeSeries offered = series("offered", "offered", "series-offered");
    public final TimeSeries attempts = series("attempts", "attempts (incl. retries)", "series-attempts");
    public final TimeSeries throughput = series("throughput", "throughput", "series-throughput");
    public final TimeSeries goodput = series("goodput", "goodput", "series-goodput");
    public final TimeSeries p50 = series("p50", "p50", "series-p50");
    public final TimeSeries p99 = series("p99", "p99", "series-p99");
    public final TimeSeries attemptLatency = series("attemptLatency", "attempts at the server (mean)",
            ChartStyles.SERIES_ATTEMPT_LATENCY);
    public final TimeSeries busy = series("busy", "busy workers", "series-concurrency");
    public final TimeSeries inSystem = series("inSystem", "requests in system (L)", "series-in-system");
    public final TimeSeries littles = series("littles", "\u03bb \u00d7 W", "series-little").setDashed(true);
    public final TimeSeries workers = series("workers", "workers", "series-capacity").setDashed(true);
    public final TimeSeries queue = series("queue", "attempts in service queues", "series-queue");
    public final TimeSeries oldestAge = series("oldestAge", "oldest queued attempt", "series-oldest-age");
    private final AsyncOverview async = new AsyncOverview();
    /** The async queues' backlog (summed) and oldest message (the oldest of any queue), when the scenario has any. */
    public final TimeSeries asyncBacklog = async.backlog;
    public final TimeSeries asyncOldestAge = async.oldestAge;
    /** The async queues' processed messages per second (summed) and the mean age of the messages taken. */
    public final TimeSeries asyncProcessed = async.processed;
    public final TimeSeries asyncAge = async.age;
    public final TimeSeries succeeded = series("succeeded", "succeeded", "series-succeeded");
    public final TimeSeries timedOut = series("timedOut", "failed: timed out", "series-timeout");
    public final TimeSeries shed = series("shed", "shed (attempts)", "series-shed");
    public final TimeSeries throttled = series("throttled", "throttled (attempts)", "series-throttled");
    public final TimeSeries errors = series("errors", "errors (attempts)", "series-error");
    public final TimeSeries usefulWork = series("usefulWork", "for waiting clients", "series-useful-work");
    public final TimeSeries wastedWork = series("wastedWork", "for clients who left", "series-wasted-work");
    public final TimeSeries rejectionWork = series("rejectionWork", "rejecting", "series-rejection-work");

    /** The Operate tab's service map and top contributors, fed every interval. */
    public final ServiceMapPane serviceMap = new ServiceMapPane();
    public final TopContributorsPane topContributors = new TopContributorsPane();

    /** Side B of an A/B split: its series, drawn dashed over side A's while the split is on. */
    final AbSeries b = new AbSeries();

    public final LiveChart goodputChart = chart("Offered vs throughput vs goodput", "req/s",
            offered, attempts, throughput, goodput);
    public final LiveChart latencyChart = chart("Latency of successes", "ms", p50, p99, attemptLatency);
    public final LiveChart concurrencyChart = chart("Concurrency, Little's law", "requests",
            busy, inSystem, littles, workers);
    public final LiveChart queueChart = chart("Queue length", "waiting", queue);
    public final LiveChart ageChart = chart("Oldest queued age", "ms", oldestAge);
    public final LiveChart outcomesChart = chart("Outcomes per second by cause", "per s",
            succeeded, timedOut, shed, throttled, errors);
    public final LiveChart workChart = chart("Busy workers: whom they serve", "workers",
            usefulWork, wastedWork, rejectionWork);

    private final PolicyCharts policy = new PolicyCharts();
    /** Policy state (token buckets, limits, breaker state) and policy events, one series per entry, made lazily. */
    public final LiveChart policyStateChart = policy.state;
    public final LiveChart policyEventsChart = policy.events;

    /** The Platform tab's charts, shown while the scenario has functions ({@link #platformShown()}). */
    public final PlatformCharts platform = new PlatformCharts();
    private final BooleanProperty platformShown = new SimpleBooleanProperty(false);
    /** The Queues tab's charts, lane bars and overlap table (shown when the scenario has a queue). */
    public final QueueCharts queues = new QueueCharts();
    /** The Operate tab's traces, REPORT lines and per-second concurrency. */
    public final OperateModel operate = new OperateModel();

    private final List<LiveChart> charts = List.of(goodputChart, latencyChart, concurrencyChart, queueChart, ageChart,
            outcomesChart, workChart, policyStateChart, policyEventsChart, queues.backlogChart, queues.ageChart,
            queues.dropsChart);
    /** The dashboard's charts, the Queues tab's and the Platform tab's: those drawn, marked and windowed. */
    private final List<LiveChart> all = Stream.concat(charts.stream(), platform.charts.stream()).toList();
    /** Charts redrawn per pulse at most: spreads the software renderer's work evenly over frames. */
    static final int REDRAWS_PER_PULSE = 1;
    /** The charts on screen, then the sandbox grid, each redrawn in turn when its data changed. */
    private final RedrawTurns redraws = new RedrawTurns(
            Stream.concat(all.stream().map(DashboardCharts::redrawOnScreen),
                    Stream.of((BooleanSupplier) platform.grid::redrawIfDirty)).toList(), REDRAWS_PER_PULSE);
    private final RollingWindow window = new RollingWindow(10);
    private final ChartOptions options = new ChartOptions();
    private TippingPointView tippingPoint;

    /** The latency chart says there were no successes once there were none for this long. */
    public static final double NO_SUCCESS_NOTICE_SECONDS = 1;
    private final LatencyNotice noSuccesses = new LatencyNotice(latencyChart, NO_SUCCESS_NOTICE_SECONDS);
    static final String POLICIES_NOT_YET = PolicyCharts.NOT_YET;
    static final String NO_POLICIES = PolicyCharts.NONE;

    public DashboardCharts() {
        options.smoothingProperty().addListener((o, a, b) -> applySmoothing());
        applySmoothing();
    }

    @Override
    public ChartOptions options() {
        return options;
    }

    private void applySmoothing() {
        for (LiveChart c : charts) {
            c.setSmoothingSeconds(options.getSmoothing().seconds());
        }
        for (LiveChart c : platform.charts) {
            c.setSmoothingSeconds(options.getSmoothing().seconds());
        }
    }

    /** True while the scenario has functions: the Platform tab is shown then. */
    public ReadOnlyBooleanProperty platformShown() {
        return platformShown;
    }

    /** Feeds the tipping-point view the same runs and intervals as the time-series charts. */
    public void attach(TippingPointView view) {
        tippingPoint = view;
    }

    private static TimeSeries series(String id, String name, String style) {
        return new TimeSeries(id, name, style);
    }

    private static LiveChart chart(String title, String unit, TimeSeries... series) {
        LiveChart c = new LiveChart(title, unit);
        for (TimeSeries s : series) {
            c.addSeries(s);
        }
        return c;
    }

    public List<LiveChart> charts() {
        return charts;
    }

    @Override
    public void reset(Scenario scenario) {
        window.clear();
        noSuccesses.reset();
        policy.reset();
        if (tippingPoint != null) {
            tippingPoint.reset(scenario);
        }
        for (LiveChart c : charts) {
            c.clearData();
        }
        b.clear();
        serviceMap.reset(scenario);
        topContributors.clear();
        queues.reset(scenario);
        operate.reset(scenario);
        async.reset(scenario, goodputChart, latencyChart, queueChart, ageChart);
        ChartMarkers.timeline(charts, scenario);
        platform.reset();
        ChartMarkers.timeline(platform.charts, scenario);
        platformShown.set(!scenario.functions().isEmpty());
    }

    @Override
    public void add(IntervalSnapshot s) {
        double t = s.endMicros() / 1e6;
        offered.add(t, s.offeredPerSecond());
        attempts.add(t, s.attemptsPerSecond());
        throughput.add(t, s.throughputPerSecond());
        goodput.add(t, s.goodputPerSecond());
        p50.add(t, s.latencyP50Millis());
        p99.add(t, s.latencyP99Millis());
        attemptLatency.add(t, s.attemptLatencyMeanMillis());
        noSuccesses.add(s, t);
        busy.add(t, s.concurrencyMean());
        inSystem.add(t, s.inSystemMean());
        window.add(s);
        littles.add(t, window.lambdaTimesW());
        workers.add(t, s.workers());
        queue.add(t, s.queueLengthMean());
        oldestAge.add(t, s.oldestQueuedAgeMillis());
        async.add(s, t);
        double sec = s.seconds();
        succeeded.add(t, s.succeeded() / sec);
        timedOut.add(t, s.failedTimeout() / sec);
        shed.add(t, s.shed() / sec);
        throttled.add(t, s.throttled() / sec);
        errors.add(t, s.completedError() / sec);
        usefulWork.add(t, s.busyClientWaitingMean());
        wastedWork.add(t, s.busyClientGoneMean());
        rejectionWork.add(t, s.rejectingMean());
        policy.add(s, t);
        platform.add(s, t);
        serviceMap.add(s);
        topContributors.add(s);
        queues.add(s);
        operate.add(s);
        if (tippingPoint != null) {
            tippingPoint.onSnapshot(s);
        }
    }

    @Override
    public void setAb(boolean on) {
        b.show(on, this);
    }

    @Override
    public void addB(IntervalSnapshot s) {
        b.add(s);
    }

    @Override
    public void addOperate(OperateData data) {
        operate.add(data);
    }

    /** {@code label} is {@code "path = value"}: a slider drag becomes one marker (see {@link ChartMarkers}). */
    @Override
    public void addUserMarker(double tSeconds, String label) {
        ChartMarkers.user(all, tSeconds, label);
    }

    @Override
    public void markDirty() {
        for (LiveChart c : all) {
            c.markDirty();
        }
        queues.bars.markDirty();
        platform.grid.markDirty();
    }

    /**
     * Redraws charts whose data changed, at most {@link #REDRAWS_PER_PULSE} per pulse in turn (so each chart still
     * refreshes several times a second even with all nine on screen; the Platform tab's sandbox grid takes its turn
     * like a chart); charts not on screen are skipped ({@link RedrawTurns}).
     */
    public void redrawIfDirty() {
        redraws.redraw();
        queues.bars.redrawIfDirty();
        operate.refreshView(false);
        serviceMap.redrawIfDirty();
        topContributors.refreshIfDirty();
    }

    /** Redraws every chart now (for snapshots). */
    public void redrawAll() {
        for (LiveChart c : all) {
            c.redraw();
        }
        queues.bars.redraw();
        platform.grid.redraw();
        operate.refreshView(true);
        serviceMap.redraw();
        topContributors.refresh();
    }

    private static BooleanSupplier redrawOnScreen(LiveChart c) {
        return () -> c.getScene() != null && c.isDirty() && c.redrawIfDirty();
    }

    public void setWindowSeconds(double seconds) {
        for (LiveChart c : all) {
            c.setWindowSeconds(seconds);
        }
    }
}
