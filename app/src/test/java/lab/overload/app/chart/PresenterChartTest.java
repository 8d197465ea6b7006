package lab.overload.app.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import lab.overload.app.fx.Styles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Presenter mode and small charts: the sizes the room reads come from chart.css under {@code .presenter}, and a small
 * chart keeps a plot, its time-axis numbers and its read-out inside its bounds.
 */
@ExtendWith(ApplicationExtension.class)
class PresenterChartTest {
    private static final List<String> TEXTS = List.of(ChartStyles.TITLE, ChartStyles.AXIS_LABEL, ChartStyles.LEGEND,
            ChartStyles.MARKER_LABEL, ChartStyles.READOUT_TEXT, ChartStyles.NOTICE_TEXT, ChartStyles.CLIP_LABEL);
    private static final List<String> LINES = List.of(ChartStyles.SERIES_GOODPUT, ChartStyles.SERIES_OFFERED,
            ChartStyles.SERIES_P99, ChartStyles.SERIES_LITTLE, ChartStyles.MARKER_USER, ChartStyles.MARKER_TIMELINE);

    private final StackPane root = new StackPane();
    private LiveChart chart;

    @Start
    void start(Stage stage) {
        chart = new LiveChart("Offered vs throughput vs goodput", "req/s");
        root.getChildren().add(chart);
        stage.setScene(new Scene(root, 800, 400));
        stage.show();
    }

    @Test
    void presenterModeEnlargesTextAndLinesAndTurnsBack() {
        double[][] sizes = onFx(() -> {
            double[] plain = measure();
            root.getStyleClass().add(Styles.PRESENTER);
            root.applyCss();
            double[] presenter = measure();
            root.getStyleClass().remove(Styles.PRESENTER);
            root.applyCss();
            return new double[][] {plain, presenter, measure()};
        });
        for (int i = 0; i < TEXTS.size(); i++) {
            assertTrue(sizes[1][i] >= 1.3 * sizes[0][i],
                    TEXTS.get(i) + " font: " + sizes[0][i] + " -> " + sizes[1][i]);
        }
        for (int i = 0; i < LINES.size(); i++) {
            int k = TEXTS.size() + i;
            assertTrue(sizes[1][k] >= 1.5 * sizes[0][k],
                    LINES.get(i) + " width: " + sizes[0][k] + " -> " + sizes[1][k]);
        }
        assertEquals(java.util.Arrays.toString(sizes[0]), java.util.Arrays.toString(sizes[2]), "and back");
    }

    private double[] measure() {
        double[] out = new double[TEXTS.size() + LINES.size()];
        for (int i = 0; i < TEXTS.size(); i++) {
            out[i] = chart.palette().font(TEXTS.get(i)).getSize();
        }
        for (int i = 0; i < LINES.size(); i++) {
            chart.palette().prepare(LINES.get(i));
            out[TEXTS.size() + i] = chart.palette().strokeWidth(LINES.get(i));
        }
        return out;
    }

    /**
     * A chart a quarter of a 1280x720 screen's overview in presenter mode, with the goodput chart's four series: the
     * legend gives way before the plot does, and the time axis keeps its numbers.
     */
    @Test
    void aSmallPresenterChartKeepsAPlotAndItsTimeNumbers() {
        Object[] drawn = onFx(() -> {
            root.getStyleClass().add(Styles.PRESENTER);
            fill(List.of("offered", "attempts (incl. retries)", "throughput", "goodput"));
            chart.setPrefSize(200, 140);
            chart.setMaxSize(200, 140);
            root.applyCss();
            root.layout();
            chart.redraw();
            return new Object[] {chart.hasPlotArea(), chart.plotHeight(), chart.timeLabelsDrawn(),
                chart.legendEntriesHidden()};
        });
        assertTrue((Boolean) drawn[0], "a plot area");
        assertTrue((Double) drawn[1] >= ChartRenderer.MIN_PLOT_HEIGHT - 1e-9, "of at least the minimum height: "
                + drawn[1]);
        assertTrue((Integer) drawn[2] >= 2, "at least two time-axis numbers: " + drawn[2]);
        assertTrue((Integer) drawn[3] > 0, "legend entries gave way: " + drawn[3]);
    }

    /** Hovering near either edge of a narrow chart in presenter mode: the read-out stays inside the chart. */
    @Test
    void theReadoutIsNeverClippedAtTheChartEdge() {
        double[] w = new double[1];
        List<Rectangle2D> boxes = onFx(() -> {
            root.getStyleClass().add(Styles.PRESENTER);
            fill(List.of("offered", "attempts (incl. retries)", "throughput", "goodput"));
            chart.setPrefSize(330, 260);
            chart.setMaxSize(330, 260);
            root.applyCss();
            root.layout();
            chart.redraw();
            w[0] = chart.getWidth();
            List<Rectangle2D> out = new java.util.ArrayList<>();
            for (double fraction : new double[] {0.02, 0.5, 0.98}) {
                double x = 0;
                double y = chart.getHeight() - 40;
                double target = chart.visibleRange().t0() + fraction * (chart.visibleRange().t1()
                        - chart.visibleRange().t0());
                while (x < w[0] && !(chart.timeAt(x, y) >= target)) {
                    x++;
                }
                javafx.geometry.Point2D p = chart.localToScene(x, y);
                Event.fireEvent(chart, new MouseEvent(MouseEvent.MOUSE_MOVED, p.getX(), p.getY(), p.getX(), p.getY(),
                        MouseButton.NONE, 0, false, false, false, false, false, false, false, false, false, false,
                        null));
                chart.redraw();
                out.add(chart.readoutBounds());
            }
            return out;
        });
        for (Rectangle2D b : boxes) {
            assertNotNull(b, "a read-out was drawn");
            assertTrue(b.getMinX() >= 0 && b.getMaxX() <= w[0], "inside the chart's width " + w[0] + ": " + b);
            assertTrue(b.getMinY() >= 0, "below the chart's top: " + b);
        }
    }

    private void fill(List<String> names) {
        List<String> styles = List.of(ChartStyles.SERIES_OFFERED, ChartStyles.SERIES_ATTEMPTS,
                ChartStyles.SERIES_THROUGHPUT, ChartStyles.SERIES_GOODPUT);
        for (int j = 0; j < names.size(); j++) {
            TimeSeries s = chart.addSeries(new TimeSeries("s" + j, names.get(j), styles.get(j)));
            for (int k = 1; k <= 900; k++) {
                s.add(k * 0.1, 100 * (j + 1) + 10 * Math.sin(k / 7.0));
            }
        }
    }

    private static <T> T onFx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
