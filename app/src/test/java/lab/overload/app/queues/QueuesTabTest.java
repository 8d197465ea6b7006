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
import lab.overload.app.viewmodel.PresetCatalog;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.engine.metrics.LaneInterval;
import lab.overload.engine.run.BatchRunner;
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
 * presenter mode (every chart a plot and time numbers, bars a plot, the table every row).
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
        }).get(30, TimeUnit.SECONDS);
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
        }).get(30, TimeUnit.SECONDS);
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
        }).get(30, TimeUnit.SECONDS);
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
        }).get(60, TimeUnit.SECONDS);
        assertEquals(List.of(), problems);
    }

    @SuppressWarnings("unchecked")
    private static javafx.scene.control.TableColumn<OverlapRow, String> column(
            javafx.scene.control.TableView<OverlapRow> table, String title) {
        return (javafx.scene.control.TableColumn<OverlapRow, String>) table.getColumns().stream()
                .filter(c -> c.getText().equals(title)).findFirst().orElseThrow();
    }
}
