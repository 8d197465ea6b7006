package lab.overload.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import lab.overload.app.OverloadLabApp;
import lab.overload.app.chart.LiveChart;
import lab.overload.app.fx.Styles;
import lab.overload.app.viewmodel.PresetCatalog;
import lab.overload.app.viewmodel.Smoothing;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.engine.run.BatchRunner;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole window at 1280x720 in presenter mode, the overview showing goodput-collapse after 90 s: every chart keeps
 * a plot area of a readable height and its time-axis numbers (the legends give way first).
 */
@ExtendWith(ApplicationExtension.class)
class PresenterLayoutTest {
    private static final Scenario COLLAPSE = PresetCatalog.bundled("goodput-collapse.json");
    /** The smallest plot height the test accepts, in pixels: a few ticks and a line still read. */
    private static final double MIN_PLOT_PX = 40;

    private OverloadLabApp.Lab lab;

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

    @Test
    void everyOverviewChartHasAPlotAndTimeNumbersAt1280x720() throws Exception {
        List<IntervalSnapshot> run = BatchRunner.run(COLLAPSE, List.of(), true).intervals();
        List<String> problems = WaitForAsyncUtils.asyncFx(() -> {
            lab.view().getStyleClass().add(Styles.PRESENTER);
            lab.view().chartsView().getSelectionModel().select(0);
            lab.charts().reset(COLLAPSE);
            for (IntervalSnapshot s : run) {
                lab.charts().add(s);
            }
            lab.scene().getRoot().applyCss();
            lab.scene().getRoot().layout();
            lab.charts().redrawAll();
            List<String> out = new ArrayList<>();
            int shown = 0;
            for (LiveChart c : lab.charts().charts()) {
                if (c.getScene() == null) {
                    continue;
                }
                shown++;
                String size = String.format(Locale.ROOT, "%s (%.0fx%.0f): plot %.0f px, %d time numbers",
                        c.getTitle(), c.getWidth(), c.getHeight(), c.plotHeight(), c.timeLabelsDrawn());
                if (!c.hasPlotArea() || c.plotHeight() < MIN_PLOT_PX || c.timeLabelsDrawn() < 2) {
                    out.add(size);
                }
            }
            if (shown != 7) {
                out.add("the overview shows " + shown + " charts, not 7");
            }
            return out;
        }).get(60, TimeUnit.SECONDS);
        assertEquals(List.of(), problems);
    }

    /** The smoothing row above the charts: a 1 s mean by default, and the choice reaches every chart. */
    @Test
    void theSmoothingChoiceIsVisibleAndReachesEveryChart() throws Exception {
        List<Double> seconds = WaitForAsyncUtils.asyncFx(() -> {
            var choice = lab.view().chartsView().smoothingChoice();
            List<Double> out = new ArrayList<>();
            out.add(choice.isVisible() && choice.getScene() != null ? choice.getValue().seconds() : -1);
            out.add(lab.charts().goodputChart.getSmoothingSeconds());
            choice.setValue(Smoothing.FIVE_SECONDS);
            for (LiveChart c : lab.charts().charts()) {
                out.add(c.getSmoothingSeconds());
            }
            choice.setValue(Smoothing.RAW);
            out.add(lab.charts().outcomesChart.getSmoothingSeconds());
            out.add(lab.charts().options().getSmoothing() == Smoothing.RAW ? 0.0 : -1);
            return out;
        }).get(30, TimeUnit.SECONDS);
        assertEquals(1.0, seconds.get(0), "shown on the overview, 1 s by default");
        assertEquals(1.0, seconds.get(1));
        for (double s : seconds.subList(2, seconds.size() - 2)) {
            assertEquals(5.0, s, "every chart follows the choice");
        }
        assertEquals(List.of(0.0, 0.0), seconds.subList(seconds.size() - 2, seconds.size()), "raw, in the view model");
    }
}
