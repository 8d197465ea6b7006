package lab.overload.app.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import lab.overload.models.scenario.TimeoutKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The p99 panel of the tipping-point chart is not capped at the top decade its values reach: successes cannot take
 * longer than the client timeout (1 s on goodput-collapse), so p99 climbs to exactly 1000 ms at the collapse, and
 * that point and the timeout line must sit inside the panel, with room above.
 */
@ExtendWith(ApplicationExtension.class)
class CurveLatencyPanelTest {
    private final CurveChart chart = new CurveChart(new OperatingPoint());

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(chart), 720, 520));
        stage.show();
    }

    @Test
    void p99AtTheClientTimeoutIsNotOnTheClippedTopEdge() throws Exception {
        assertEquals(TimeoutKind.FIXED, Fixtures.COLLAPSE.clients().get(0).timeoutKind());
        double timeout = Fixtures.COLLAPSE.clients().get(0).timeoutMillis();
        List<Curve.Point> points = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            double offered = 50 * i;
            double p99 = i < 6 ? 80 + 10 * i : i == 6 ? timeout : Double.NaN; // none succeed past the collapse
            points.add(new Curve.Point(offered, offered, i < 6 ? offered : 0, offered, p99));
        }
        Curve curve = Curve.of("preset", CurvePlan.sweptPath(Fixtures.COLLAPSE), points, 400, Fixtures.COLLAPSE, 0);
        double top = WaitForAsyncUtils.asyncFx(() -> {
            chart.setCurve(curve);
            chart.redraw();
            return chart.lastRanges()[2];
        }).get(30, TimeUnit.SECONDS);
        assertTrue(top >= CurveRenderer.LATENCY_HEADROOM * timeout, "the p99 panel reaches " + top
                + " ms, above the 1000 ms the successes top out at");
    }
}
