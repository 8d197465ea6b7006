package lab.overload.app.view;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import lab.overload.app.chart.LiveChart;

/**
 * The centre: an overview with the headline chart large and the others around it, one tab per chart, the policy
 * charts, the tipping-point curve (number keys 1-9 switch tabs, 0 the tenth) and, while the scenario has functions,
 * the Platform tab, while it has a queue, the Queues tab, and last the Operate tab (traces, REPORT lines, Logs
 * Insights). A chart node can only have one parent, so the overview and
 * the single-chart tabs move the
 * same chart objects when the selection changes. The tab names shrink together to fit the width
 * ({@link TabNamesFit}).
 */
public final class ChartsView extends TabPane {
    private final DashboardCharts charts;
    private final GridPane overview = new GridPane();
    private final BorderPane overviewPane = new BorderPane(overview);
    private final ChartOptionsBar options;
    /** The Operate tab, always the last: the stage kinds' tabs go before it. */
    private Tab operateTab;
    private lab.overload.app.operate.OperateView operateView;

    private final lab.overload.app.queues.QueuesView queuesView;
    private final TabNamesFit namesFit = new TabNamesFit(this);

    ChartsView(DashboardCharts charts, lab.overload.app.curve.TippingPointView tippingPoint,
               lab.overload.app.viewmodel.LabViewModel vm) {
        this.charts = charts;
        this.options = new ChartOptionsBar(charts.options());
        setId("charts");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        getTabs().add(new Tab("1 Overview", overviewPane));
        add("2 Goodput", charts.goodputChart);
        CheckBox log = new CheckBox("Logarithmic latency axis");
        log.selectedProperty().addListener((o, a, b) -> {
            charts.latencyChart.setLogScale(b);
            charts.latencyChart.markDirty();
        });
        add("3 Latency", charts.latencyChart, log);
        add("4 Concurrency", charts.concurrencyChart);
        add("5 Queue", charts.queueChart, charts.ageChart);
        add("6 Outcomes", charts.outcomesChart);
        add("7 Work", charts.workChart);
        add("8 Policies", charts.policyStateChart, charts.policyEventsChart);
        getTabs().add(new Tab("9 Tipping point", tippingPoint));
        PlatformCharts pc = charts.platform;
        var platformView = new lab.overload.app.platform.PlatformView(pc.grid, List.of(pc.concurrency, pc.scaling),
                List.of(pc.invokes, pc.latency, pc.throttles));
        Tab platformTab = new Tab("Platform");
        platformTab.setId("platform-tab");
        // in the scene only while selected, so its charts take no redraw turns from the charts on screen
        platformTab.selectedProperty().addListener((o, a, b) -> {
            platformTab.setContent(b ? platformView : null);
            charts.markDirty();
        });
        charts.platformShown().addListener((o, was, shown) -> showTab(platformTab, shown));
        showTab(platformTab, charts.platformShown().get());
        queuesView = new lab.overload.app.queues.QueuesView(charts.queues, vm);
        Tab queuesTab = new Tab("Queues");
        queuesTab.setId("queues-tab");
        // in the scene only while selected, so its charts take no redraw turns from the charts on screen
        queuesTab.selectedProperty().addListener((o, a, b) -> {
            queuesTab.setContent(b ? queuesView : null);
            charts.markDirty();
        });
        charts.queues.presentProperty().addListener((o, a, b) -> showTab(queuesTab, b));
        showTab(queuesTab, charts.queues.presentProperty().get());
        operateView = new lab.overload.app.operate.OperateView(charts.operate);
        operateView.addPane("Service map (click a box: its traces)", charts.serviceMap, () -> true, true);
        operateView.addPane("Top contributors", charts.topContributors, () -> true);
        charts.serviceMap.onSelect(operateView::filterToNode);
        operateTab = new Tab("Operate");
        operateTab.setId("operate-tab");
        operateTab.selectedProperty().addListener((o, a, b) -> operateTab.setContent(b ? operateView : null));
        getTabs().add(operateTab);
        for (int i = 0; i < 3; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100 / 3.0);
            c.setHgrow(Priority.ALWAYS);
            overview.getColumnConstraints().add(c);
        }
        for (double pct : new double[] {50, 25, 25}) {
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(pct);
            r.setVgrow(Priority.ALWAYS);
            overview.getRowConstraints().add(r);
        }
        getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> place(b.intValue()));
        place(0);
    }

    private void add(String title, LiveChart chart, Node... extra) {
        getTabs().add(tab(title, chart, extra));
    }

    private static Tab tab(String title, LiveChart chart, Node... extra) {
        Tab tab = new Tab(title);
        tab.setUserData(List.of(chart, extra));
        return tab;
    }

    /** Adds a stage kind's tab at the end, or removes it (the overview is selected when it was showing). */
    private void showTab(Tab tab, boolean show) {
        if (show && !getTabs().contains(tab)) {
            addStageTab(tab);
        } else if (!show && getTabs().contains(tab)) {
            if (getSelectionModel().getSelectedItem() == tab) {
                getSelectionModel().select(0);
            }
            getTabs().remove(tab);
        }
    }

    /** A stage kind's tab goes last, before the Operate tab (which is added after them at construction). */
    private void addStageTab(Tab tab) {
        int operate = operateTab == null ? -1 : getTabs().indexOf(operateTab);
        getTabs().add(operate < 0 ? getTabs().size() : operate, tab);
    }

    /** Fits the tab names to the width again at the next layout (the window's fonts changed: presenter mode). */
    void refitTabNames() {
        namesFit.refit();
    }

    @Override
    protected void layoutChildren() {
        namesFit.beforeLayout();
        super.layoutChildren();
    }

    /** The Operate tab's content (traces, REPORT lines, Logs Insights). */
    public lab.overload.app.operate.OperateView operateView() {
        return operateView;
    }

    /** The Queues tab's content (in the scene only while that tab is selected). */
    public lab.overload.app.queues.QueuesView queuesView() {
        return queuesView;
    }

    /** The smoothing choice shown above the live charts. */
    public javafx.scene.control.ChoiceBox<lab.overload.app.viewmodel.Smoothing> smoothingChoice() {
        return options.smoothing;
    }

    /** Puts the charts (and the options row) where the selected tab shows them. */
    private void place(int index) {
        overview.getChildren().clear();
        overviewPane.setTop(null);
        for (Tab t : getTabs().subList(1, getTabs().size())) {
            if (t.getUserData() != null) {
                t.setContent(null);
            }
        }
        if (index == 0) {
            overviewPane.setTop(options);
            overview.add(charts.goodputChart, 0, 0, 2, 1);
            overview.add(charts.latencyChart, 2, 0);
            overview.add(charts.concurrencyChart, 0, 1);
            overview.add(charts.queueChart, 1, 1);
            overview.add(charts.ageChart, 2, 1);
            overview.add(charts.outcomesChart, 0, 2, 2, 1);
            overview.add(charts.workChart, 2, 2);
        } else if (getTabs().get(index).getUserData() != null) {
            Tab tab = getTabs().get(index);
            @SuppressWarnings("unchecked")
            List<Object> data = (List<Object>) tab.getUserData();
            LiveChart chart = (LiveChart) data.get(0);
            Node[] extra = (Node[]) data.get(1);
            VBox box = new VBox(6);
            box.getChildren().addAll(options, chart);
            VBox.setVgrow(chart, Priority.ALWAYS);
            for (Node n : extra) {
                box.getChildren().add(n);
                if (n instanceof LiveChart) {
                    VBox.setVgrow(n, Priority.ALWAYS);
                }
            }
            tab.setContent(new BorderPane(box));
        }
        charts.markDirty();
    }
}
