package lab.overload.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import lab.overload.app.chart.LiveChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The dashboard's redraw scheduling: one chart per pulse, in fair turns over the charts on screen. */
@ExtendWith(ApplicationExtension.class)
class DashboardChartsTest {
    private final DashboardCharts charts = new DashboardCharts();
    private List<LiveChart> onScreen;

    @Start
    void start(Stage stage) {
        // The first two charts in the list and the seventh; the charts between them and after them are off
        // screen (as the policy charts are on the Overview tab).
        onScreen = List.of(charts.goodputChart, charts.latencyChart, charts.workChart);
        VBox box = new VBox();
        for (LiveChart c : onScreen) {
            c.setPrefSize(300, 150);
            box.getChildren().add(c);
        }
        stage.setScene(new Scene(box, 320, 480));
        stage.show();
    }

    @Test
    void everyChartOnScreenGetsTheSameShareOfRedraws() throws Exception {
        int pulses = 90;
        int[] redraws = WaitForAsyncUtils.asyncFx(() -> {
            int[] counts = new int[onScreen.size()];
            for (int p = 0; p < pulses; p++) {
                charts.markDirty();
                charts.redrawIfDirty();
                int drawn = 0;
                for (int i = 0; i < onScreen.size(); i++) {
                    if (!onScreen.get(i).isDirty()) {
                        counts[i]++;
                        drawn++;
                    }
                }
                assertEquals(1, drawn, "exactly one chart on screen is redrawn per pulse (pulse " + p + ")");
            }
            return counts;
        }).get(10, TimeUnit.SECONDS);
        for (int i = 0; i < redraws.length; i++) {
            assertEquals(pulses / onScreen.size(), redraws[i],
                    "redraws of " + onScreen.get(i).getTitle() + " (all: " + java.util.Arrays.toString(redraws) + ")");
        }
        assertTrue(charts.charts().size() > onScreen.size(), "some charts are off screen");
    }
}
