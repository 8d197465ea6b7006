package lab.overload.app.queues;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import lab.overload.app.OverloadLabApp;
import lab.overload.engine.metrics.LaneInterval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The lane bars of a known snapshot, read back from the pixels: lanes of depth 0, 5, 10 and 20 on a scale of 20, the
 * third lane in the noisy tenant's hand; each bar's top is where its depth says, in the colour its lane calls for.
 */
@ExtendWith(ApplicationExtension.class)
class LaneBarsTest {
    private final LaneBars bars = new LaneBars();

    @Start
    void start(Stage stage) {
        Scene scene = new Scene(new StackPane(bars), 400, 300);
        scene.getStylesheets().addAll(OverloadLabApp.STYLESHEETS.stream()
                .map(s -> OverloadLabApp.class.getResource(s).toExternalForm()).toList());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void barsShowTheDepthsOfAKnownSnapshot() throws Exception {
        LaneInterval lanes = new LaneInterval(new long[] {0, 5, 10, 20, 0, 1000, 2000, 3000}, 7, new int[] {2},
                new long[0]);
        List<String> seen = WaitForAsyncUtils.asyncFx(() -> {
            bars.show(lanes);
            bars.applyCss();
            bars.layout();
            bars.redraw();
            WritableImage img = bars.snapshot(null, null);
            List<String> out = new java.util.ArrayList<>();
            out.add("scale " + bars.scale());
            double[] plot = bars.plot();
            for (int i = 0; i < 4; i++) {
                double[] b = bars.bar(i);
                int x = (int) (b[0] + b[2] / 2);
                // the bar's height in pixels: count coloured rows up from the plot's bottom
                int h = 0;
                Color first = null;
                for (int y = (int) (plot[1] + plot[3]) - 1; y >= plot[1]; y--) {
                    Color c = img.getPixelReader().getColor(x, y);
                    Color plotFill = img.getPixelReader().getColor((int) plot[0] + 1, (int) plot[1] + 1);
                    if (c.equals(plotFill)) {
                        break;
                    }
                    first = first == null ? c : first;
                    h++;
                }
                out.add(i + ": " + Math.round(h * 20.0 / plot[3]) + " " + (first == null ? "none" : first));
            }
            return out;
        }).get(30, TimeUnit.SECONDS);
        Color blue = Color.web("#56B4E9");
        Color vermillion = Color.web("#D55E00");
        assertEquals(List.of("scale 20", "0: 0 none", "1: 5 " + blue, "2: 10 " + vermillion, "3: 20 " + blue), seen);
    }

    @Test
    void theScaleStepsUpInRoundNumbers() {
        assertEquals(List.of(20L, 50L, 100L, 200L, 500L, 1000L),
                List.of(LaneBars.nextScale(10), LaneBars.nextScale(20), LaneBars.nextScale(50), LaneBars.nextScale(100),
                        LaneBars.nextScale(200), LaneBars.nextScale(500)));
    }
}
