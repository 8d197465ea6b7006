package lab.overload.app.queues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import lab.overload.app.OverloadLabApp;
import lab.overload.app.chart.LiveChart;
import lab.overload.app.chart.TimeSeries;
import lab.overload.app.viewmodel.PresetCatalog;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.engine.metrics.LaneInterval;
import lab.overload.engine.run.BatchRunner;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.theory.ShardOverlap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Queues tab in the whole window: present only for a scenario with a queue, its overlap table's exact column
 * equal to the hypergeometric table and its measured column filled from the snapshots, and readable at 1280x720 in
 * presenter mode (every chart a plot and time numbers, bars a plot, the table every row); the most affected tenants
 * those of the newest second with the noisy tenant marked and highlighted; every queue of a scenario shown on request
 * with its run so far, and the overview's queue charts counting the async backlog.
 */
@ExtendWith(ApplicationExtension.class)
class QueuesTabTest {
    private static final Scenario COLLAPSE = PresetCatalog.bundled("goodput-collapse.json");
    private static final Scenario SHARDED = sharded();
    private static final double MIN_PLOT_PX = 40;

    private OverloadLabApp.Lab lab;

    static Scenario sharded() {
        Scenario s = PresetCatalog.bundled("shuffle-sharding.json");
        s = ParameterPaths.with(s, "queues.events.mapping", "SHUFFLE_SHARD");
        return ParameterPaths.with(s, "queues.events.pollersPerLane", "1");
    }

    @Start
    void start(Stage stage) {
        lab = OverloadLabApp.Lab.create(COLLAPSE, 1280, 720);
        stage.setScene(lab.scene());
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            lab.view().tippingPoint().close();
            lab.vm().close();
        }).get(90, TimeUnit.SECONDS); // a hang guard, not a speed claim
    }

    private List<String> tabTitles() {
        return lab.view().chartsView().getTabs().stream().map(Tab::getText).toList();
    }

    @Test
    void theTabAppearsOnlyForAScenarioWithAQueue() throws Exception {
        List<List<String>> titles = WaitForAsyncUtils.asyncFx(() -> {
            List<List<String>> out = new ArrayList<>();
            out.add(tabTitles());
            lab.vm().load(PresetCatalog.bundled("shuffle-sharding.json"));
            out.add(tabTitles());
            lab.vm().load(COLLAPSE);
            out.add(tabTitles());
            return out;
        }).get(90, TimeUnit.SECONDS); // a hang guard, not a speed claim
        assertFalse(titles.get(0).contains("Queues"), "goodput-collapse: " + titles.get(0));
        assertTrue(titles.get(1).contains("Queues"), "shuffle-sharding: " + titles.get(1));
        assertFalse(titles.get(2).contains("Queues"), "back to goodput-collapse: " + titles.get(2));
    }

    @Test
    void theOverlapTableIsExactNextToMeasuredAndTheTabReadsAt1280x720() throws Exception {
        List<IntervalSnapshot> run = BatchRunner.run(SHARDED, List.of(), true).intervals();
        WaitForAsyncUtils.asyncFx(() -> {
            lab.view().presenterProperty().set(true);
            lab.vm().load(SHARDED);
            for (int i = 0; i < 3; i++) {
                lab.pulse();
            }
        }).get(90, TimeUnit.SECONDS); // a hang guard, not a speed claim
        List<String> problems = WaitForAsyncUtils.asyncFx(() -> {
            List<String> out = new ArrayList<>();
            lab.charts().reset(SHARDED);
            for (IntervalSnapshot s : run) {
                lab.charts().add(s);
            }
            var tabs = lab.view().chartsView();
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> t.getText().equals("Queues"))
                    .findFirst().orElseThrow());
            for (int i = 0; i < 3; i++) { // a table settles its column widths over a few layout passes
                lab.scene().getRoot().applyCss();
                lab.scene().getRoot().layout();
            }
            lab.charts().redrawAll();
            QueueCharts q = lab.charts().queues;
            double[] exact = ShardOverlap.overlapDistribution(8, 2);
            var table = ((QueuesView) lab.scene().lookup("#queues")).table();
            if (!tabs.getSelectionModel().getSelectedItem().getText().equals("Queues")) {
                out.add("the Queues tab is not showing");
            }
            if (table.getItems().size() != 3) {
                out.add("rows: " + table.getItems());
            }
            long tenants = 0;
            for (int m = 0; m < table.getItems().size(); m++) {
                OverlapRow r = table.getItems().get(m);
                tenants += r.tenants();
                String cell = QueuesView.cellText(column(table, QueuesView.EXACT), r);
                if (r.exactPercent() != 100 * exact[m]
                        || !cell.equals(String.format(Locale.ROOT, "%.1f", 100 * exact[m]))) {
                    out.add("exact row " + m + ": " + r + " shows " + cell);
                }
                if (Double.isNaN(r.measuredPercent())) {
                    out.add("no measured share in row " + m);
                }
            }
            List<String> talk = List.of("53.6", "42.9", "3.6");
            for (int m = 0; m < Math.min(3, table.getItems().size()); m++) {
                String cell = QueuesView.cellText(column(table, QueuesView.EXACT), table.getItems().get(m));
                if (!cell.equals(talk.get(m))) {
                    out.add("exact row " + m + " shows " + cell + ", the talk's table says " + talk.get(m));
                }
            }
            if (tenants != 999) {
                out.add("measured tenants add up to " + tenants + ", not 999");
            }
            LaneInterval last = run.get(run.size() - 1).lanes().get("events");
            if (q.bars.lanes() != last) {
                out.add("the bars do not show the newest snapshot's lanes");
            }
            for (LiveChart c : q.charts()) {
                if (c.getScene() == null || !c.hasPlotArea() || c.plotHeight() < MIN_PLOT_PX
                        || c.timeLabelsDrawn() < 2) {
                    out.add(String.format(Locale.ROOT, "%s (%.0fx%.0f): plot %.0f px, %d time numbers",
                            c.getTitle(), c.getWidth(), c.getHeight(), c.plotHeight(), c.timeLabelsDrawn()));
                }
            }
            List<TenantAgeRow> ages = TenantAgeRow.of(last.tenantAges());
            var agesTable = ((QueuesView) lab.scene().lookup("#queues")).agesTable();
            if (ages.isEmpty() || !agesTable.getItems().equals(ages)) {
                out.add("the most affected tenants are not the newest second's: " + agesTable.getItems());
            }
            List<TenantAgeRow> noisy = ages.stream().filter(TenantAgeRow::noisy).toList();
            if (noisy.size() != 1 || noisy.get(0).tenant() != 7
                    || !QueuesView.cellText(column(agesTable, QueuesView.TENANT), noisy.get(0)).equals("7 noisy")) {
                out.add("the noisy tenant 7 is not marked once: " + noisy);
            }
            if (agesTable.lookupAll("." + QueueStyles.NOISY_ROW).size() != 1) {
                out.add("the noisy tenant's row is not highlighted: "
                        + agesTable.lookupAll("." + QueueStyles.NOISY_ROW).size() + " rows");
            }
            if (q.bars.plot()[3] < MIN_PLOT_PX || q.bars.plot()[2] < 8 * 20) {
                out.add("lane bars plot " + q.bars.plot()[2] + "x" + q.bars.plot()[3]);
            }
            var header = table.lookup(".column-header-background");
            var cell = table.lookup(".table-row-cell");
            double needed = header.getBoundsInLocal().getHeight() + 3 * cell.getBoundsInLocal().getHeight();
            if (table.getHeight() < needed) {
                out.add("the table shows less than its 3 rows: " + table.getHeight() + " < " + needed);
            }
            for (var n : table.lookupAll(".column-header .label")) {
                var label = (javafx.scene.control.Labeled) n;
                for (var c : table.getColumns()) {
                    if (c.getText().equals(label.getText()) && c.getWidth() < label.prefWidth(-1)) {
                        out.add("column title cut: " + c.getText() + " " + c.getWidth() + " < "
                                + label.prefWidth(-1) + " (table " + table.getWidth() + ")");
                    }
                }
            }
            return out;
        }).get(90, TimeUnit.SECONDS); // a hang guard, not a speed claim
        assertEquals(List.of(), problems);
    }

    @SuppressWarnings("unchecked")
    private static <R> javafx.scene.control.TableColumn<R, String> column(
            javafx.scene.control.TableView<R> table, String title) {
        return (javafx.scene.control.TableColumn<R, String>) table.getColumns().stream()
                .filter(c -> c.getText().equals(title)).findFirst().orElseThrow();
    }

    /** Two queues in front of one service: {@code a} overloaded (one poller, 60/s against 50/s), {@code b} light. */
    static final Scenario TWO_QUEUES = ScenarioCodec.read("{\"name\": \"two queues\", "
            + "\"seed\": 3, \"durationSeconds\": 20, \"warmupSeconds\": 0, \"clients\": [{\"name\": \"ca\", "
            + "\"target\": \"a\", \"ratePerSecond\": 60, \"timeoutKind\": \"NONE\"}, {\"name\": \"cb\", "
            + "\"target\": \"b\", \"ratePerSecond\": 10, \"timeoutKind\": \"NONE\"}], \"services\": [{\"name\": "
            + "\"svc\", \"workersPerHost\": 8, \"serviceTimeMillis\": 20, \"serviceTimeDistribution\": "
            + "\"CONSTANT\"}], \"queues\": [{\"name\": \"a\", \"target\": \"svc\", \"pollersPerLane\": 1}, "
            + "{\"name\": \"b\", \"target\": \"svc\", \"pollersPerLane\": 2}]}");

    private static double policy(IntervalSnapshot s, String key) {
        return s.policy().get(key);
    }

    @Test
    void everyQueueCanBeShownWithItsRunSoFarAndTheOverviewCountsTheAsyncBacklog() throws Exception {
        List<IntervalSnapshot> run = BatchRunner.run(TWO_QUEUES, List.of(), true).intervals();
        IntervalSnapshot end = run.get(run.size() - 1);
        assertTrue(policy(end, "queues.a.inQueue") > 100, "queue a is overloaded: " + policy(end, "queues.a.inQueue"));
        assertTrue(policy(end, "queues.a.processed") > 0 && policy(end, "queues.a.ageMillis") > 1000,
                "queue a's one poller is busy and its messages are old: " + end.policy());
        List<String> problems = WaitForAsyncUtils.asyncFx(() -> {
            List<String> out = new ArrayList<>();
            lab.vm().load(TWO_QUEUES);
            lab.charts().reset(TWO_QUEUES);
            for (IntervalSnapshot s : run) {
                lab.charts().add(s);
            }
            QueueCharts q = lab.charts().queues;
            QueueControls controls = lab.view().chartsView().queuesView().controls();
            if (!q.queueNames().equals(List.of("a", "b")) || !controls.selector().isVisible()) {
                out.add("selector: " + q.queueNames() + " visible " + controls.selector().isVisible());
            }
            if (!q.queue().name().equals("a") || q.backlogChart.series().get(0).lastValue()
                    != policy(end, "queues.a.inQueue")) {
                out.add("first shown: " + q.queue().name() + " backlog " + q.backlogChart.series().get(0).lastValue());
            }
            controls.selector().setValue("b");
            TimeSeries backlog = q.backlogChart.series().get(0);
            if (!q.queue().name().equals("b") || backlog.lastValue() != policy(end, "queues.b.inQueue")
                    || backlog.size() != run.size() || q.bars.lanes() != end.lanes().get("b")) {
                out.add("after picking b: " + q.queue().name() + " backlog " + backlog.lastValue() + " over "
                        + backlog.size() + " intervals, bars " + q.bars.lanes());
            }
            var charts = lab.charts();
            double waiting = policy(end, "queues.a.inQueue") + policy(end, "queues.b.inQueue");
            double oldest = Math.max(policy(end, "queues.a.oldestAgeMillis"), policy(end, "queues.b.oldestAgeMillis"));
            if (!charts.queueChart.series().contains(charts.asyncBacklog)
                    || charts.asyncBacklog.lastValue() != waiting) {
                out.add("overview backlog: " + charts.queueChart.series() + " " + charts.asyncBacklog.lastValue()
                        + " != " + waiting);
            }
            if (!charts.ageChart.series().contains(charts.asyncOldestAge)
                    || charts.asyncOldestAge.lastValue() != oldest) {
                out.add("overview oldest: " + charts.asyncOldestAge.lastValue() + " != " + oldest);
            }
            double processed = (policy(end, "queues.a.processed") + policy(end, "queues.b.processed")) / end.seconds();
            if (!charts.goodputChart.series().contains(charts.asyncProcessed)
                    || charts.asyncProcessed.lastValue() != processed) {
                out.add("overview processed: " + charts.asyncProcessed.lastValue() + " != " + processed);
            }
            double age = Math.max(policy(end, "queues.a.ageMillis"), policy(end, "queues.b.ageMillis"));
            if (!charts.latencyChart.series().contains(charts.asyncAge) || charts.asyncAge.lastValue() != age) {
                out.add("overview message age: " + charts.asyncAge.lastValue() + " != " + age);
            }
            lab.vm().load(COLLAPSE);
            lab.charts().reset(COLLAPSE);
            if (charts.queueChart.series().contains(charts.asyncBacklog)
                    || charts.ageChart.series().contains(charts.asyncOldestAge)
                    || charts.goodputChart.series().contains(charts.asyncProcessed)
                    || charts.latencyChart.series().contains(charts.asyncAge)) {
                out.add("a scenario without queues lists no async series");
            }
            return out;
        }).get(90, TimeUnit.SECONDS); // a hang guard, not a speed claim
        assertEquals(List.of(), problems);
    }
}
