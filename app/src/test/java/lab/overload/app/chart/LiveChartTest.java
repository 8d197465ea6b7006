package lab.overload.app.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.text.FontWeight;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The chart on a real (headless Monocle) stage: CSS, markers, drawing and hover, asserted without pixels. */
@ExtendWith(ApplicationExtension.class)
class LiveChartTest {
    private LiveChart chart;
    private Scene scene;

    @Start
    void start(Stage stage) {
        chart = new LiveChart("Throughput", "req/s");
        scene = new Scene(new StackPane(chart), 800, 300);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void colourComesFromTheDefaultStylesheet() {
        Color goodput = onFx(() -> (Color) chart.palette().stroke(ChartStyles.SERIES_GOODPUT));
        assertEquals(Color.web("#009E73"), goodput, "assets/chart.css gives goodput Okabe–Ito bluish green");
        double titleSize = onFx(() -> chart.palette().font(ChartStyles.TITLE).getSize());
        assertEquals(16, titleSize, 0.0, "title is 16px for projectors");
        String style = onFx(() -> chart.palette().font(ChartStyles.TITLE).getStyle());
        assertTrue(style.toLowerCase().contains("bold") || FontWeight.findByName(style) == FontWeight.BOLD,
                "title font should be bold, got style '" + style + "'");
        assertEquals(13, onFx(() -> chart.palette().font(ChartStyles.AXIS_LABEL).getSize()), 0.0);
    }

    @Test
    void colourLookupFollowsASceneStylesheet(@TempDir Path dir) throws Exception {
        Path css = dir.resolve("test-chart.css");
        Files.writeString(css, ".series-test { -fx-stroke: #123456; -fx-stroke-width: 3; }\n"
                + ".live-chart .series-goodput { -fx-stroke: #ff00ff; }\n");
        Color test = onFx(() -> {
            scene.getStylesheets().add(css.toUri().toString());
            chart.addSeries(new TimeSeries("t", "test", "series-test"));
            return (Color) chart.palette().stroke("series-test");
        });
        assertEquals(Color.web("#123456"), test, "a style class seen for the first time gets its CSS at once");
        assertEquals(3, onFx(() -> chart.palette().strokeWidth("series-test")), 0.0);
        Color overridden = onFx(() -> {
            chart.applyCss();
            return (Color) chart.palette().stroke(ChartStyles.SERIES_GOODPUT);
        });
        assertEquals(Color.web("#ff00ff"), overridden, "scene stylesheets override the chart's defaults");
    }

    @Test
    void aStylesheetChangeMarksTheChartDirty(@TempDir Path dir) throws Exception {
        Path css = dir.resolve("presenter.css");
        Files.writeString(css, ".live-chart .chart-grid { -fx-stroke: #ff0000; }\n");
        boolean dirty = onFx(() -> {
            chart.redraw();
            scene.getStylesheets().add(css.toUri().toString());
            chart.applyCss();
            return chart.isDirty();
        });
        assertTrue(dirty, "a stylesheet that changes a probe's value requests a redraw");
    }

    @Test
    void markersOutsideTheWindowAreNotDrawn() {
        int drawn = onFx(() -> {
            chart.setWindowSeconds(30);
            TimeSeries s = chart.addSeries(new TimeSeries("tp", "throughput", ChartStyles.SERIES_THROUGHPUT));
            for (int k = 0; k <= 1000; k++) {
                s.add(k * 0.1, 100 + k % 10);
            }
            chart.addMarker(10, "too old", ChartStyles.MARKER_USER); // window is [70, 100]
            chart.addMarker(69.9, "just before", ChartStyles.MARKER_TIMELINE);
            chart.addMarker(80, "retries on", ChartStyles.MARKER_USER);
            chart.addMarker(100, "now", ChartStyles.MARKER_TIMELINE);
            chart.redraw();
            return chart.markersDrawn();
        });
        assertEquals(2, drawn, "only the markers at 80 s and 100 s are inside [70, 100]");
        assertEquals(4, (int) onFx(chart::markerCount));
    }

    /**
     * Series are drawn without a clip (a clip is slow in the software renderer), so the renderer must keep them in
     * the plot itself: a huge value just before the window may not paint over the axis labels or above the plot
     * (beyond half a line width, which the 2 px margins below allow).
     */
    @Test
    void aSampleBeforeTheWindowDoesNotDrawOutsideThePlot() {
        int outside = onFx(() -> {
            chart.setWindowSeconds(30);
            TimeSeries s = chart.addSeries(new TimeSeries("g", "goodput", ChartStyles.SERIES_GOODPUT));
            s.add(69.5, 100_000); // before the window [70, 100], far above everything in it
            for (int k = 0; k <= 300; k++) {
                s.add(70 + k * 0.1, 50 + k % 7);
            }
            chart.redraw();
            javafx.scene.image.Image shot = chart.snapshot(null, null);
            var px = shot.getPixelReader();
            int w = (int) shot.getWidth();
            int h = (int) shot.getHeight();
            int[] plot = plotEdges(w, h);
            int left = plot[0];
            int top = plot[2];
            int bottom = plot[3];
            int count = 0;
            for (int y = top; y <= bottom; y++) {
                for (int x = 0; x < left - 2; x++) {
                    count += isGoodputGreen(px.getColor(x, y)) ? 1 : 0;
                }
            }
            for (int y = top - 6; y < top - 2; y++) { // just above the plot, below the legend
                for (int x = left; x < w; x++) {
                    count += isGoodputGreen(px.getColor(x, y)) ? 1 : 0;
                }
            }
            return count;
        });
        assertEquals(0, outside, "goodput-coloured pixels outside the plot");
    }

    /**
     * Markers are drawn without a clip too: a label longer than the plot is high is shortened with an ellipsis, so
     * nothing of it reaches the axis labels below the plot, while its start is still drawn inside the plot.
     */
    @Test
    void aLongMarkerLabelStaysInsideThePlot() {
        int[] counts = markerPixels(85, "a timeline label far longer than this short plot is high ".repeat(3));
        assertTrue(counts[0] > 200, "the marker and its label are drawn in the plot, blue pixels: " + counts[0]);
        assertEquals(0, counts[1], "marker-coloured pixels below the plot");
        assertEquals(0, counts[2], "marker-coloured pixels right of the plot");
    }

    /** A marker at the newest sim time sits on the plot's right edge; its label goes on the left of its line. */
    @Test
    void aMarkerLabelAtTheRightEdgeStaysInsideThePlot() {
        int[] counts = markerPixels(100, "load ramps past capacity");
        assertTrue(counts[0] > 100, "the marker and its label are drawn in the plot, blue pixels: " + counts[0]);
        assertEquals(0, counts[1], "marker-coloured pixels below the plot");
        assertEquals(0, counts[2], "marker-coloured pixels right of the plot");
    }

    /**
     * Draws a goodput series over [70, 100] and one timeline marker, and counts marker-blue pixels in the plot, below
     * it and right of it (beyond the line's own width).
     */
    private int[] markerPixels(double markerAt, String label) {
        return onFx(() -> {
            chart.setWindowSeconds(30);
            TimeSeries s = chart.addSeries(new TimeSeries("g", "goodput", ChartStyles.SERIES_GOODPUT));
            for (int k = 0; k <= 300; k++) {
                s.add(70 + k * 0.1, 50 + k % 7);
            }
            chart.addMarker(markerAt, label, ChartStyles.MARKER_TIMELINE);
            chart.redraw();
            javafx.scene.image.Image shot = chart.snapshot(null, null);
            var px = shot.getPixelReader();
            int w = (int) shot.getWidth();
            int h = (int) shot.getHeight();
            int[] plot = plotEdges(w, h);
            int right = plot[1];
            int bottom = plot[3];
            int[] counts = new int[3];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    if (isMarkerBlue(px.getColor(x, y))) {
                        if (x > right + 1) {
                            counts[2]++;
                        } else if (y <= bottom) {
                            counts[0]++;
                        } else if (y > bottom + 1) {
                            counts[1]++;
                        }
                    }
                }
            }
            return counts;
        });
    }

    /** The plot's first and last pixel column and row ({left, right, top, bottom}): where timeAt is defined. */
    private int[] plotEdges(int w, int h) {
        int[] edges = {-1, -1, -1, -1};
        for (int x = 0; x < w; x++) {
            if (!Double.isNaN(chart.timeAt(x + 0.5, h / 2.0))) {
                edges[0] = edges[0] < 0 ? x : edges[0];
                edges[1] = x;
            }
        }
        for (int y = 0; y < h; y++) {
            if (!Double.isNaN(chart.timeAt(w / 2.0, y + 0.5))) {
                edges[2] = edges[2] < 0 ? y : edges[2];
                edges[3] = y;
            }
        }
        return edges;
    }

    private static boolean isMarkerBlue(Color c) {
        // #0072B2 and its antialiased blends with white: blue well above red and green (goodput #009E73 is not)
        return c.getBlue() - c.getRed() > 0.3 && c.getBlue() - c.getGreen() > 0.15;
    }

    private static boolean isGoodputGreen(Color c) {
        // #009E73 and its antialiased blends with white: green well above red
        return c.getGreen() - c.getRed() > 0.2;
    }

    @Test
    void markerListIsBounded() {
        int count = onFx(() -> {
            for (int k = 0; k < 500; k++) {
                chart.addMarker(k, "m", ChartStyles.MARKER_USER);
            }
            return chart.markerCount();
        });
        assertEquals(200, count);
    }

    @Test
    void windowFollowsTheNewestPointAndTheYAxisStartsAtZero() {
        VisibleRange range = onFx(() -> {
            chart.setWindowSeconds(120);
            TimeSeries s = chart.addSeries(new TimeSeries("tp", "throughput", ChartStyles.SERIES_THROUGHPUT));
            for (int k = 0; k <= 3000; k++) {
                s.add(k * 0.1, 300 + 47 * Math.sin(k / 50.0)); // 253..347
            }
            chart.redraw();
            return chart.visibleRange();
        });
        assertEquals(300, range.t1(), 1e-9, "right edge = newest sample");
        assertEquals(180, range.t0(), 1e-9, "left edge = newest - window");
        assertEquals(0, range.yMin());
        assertTrue(range.yMax() >= 347 && range.yMax() <= 400, "nice top above 347, got " + range.yMax());
    }

    @Test
    void logScaleShowsDecades() {
        VisibleRange range = onFx(() -> {
            TimeSeries s = chart.addSeries(new TimeSeries("p99", "p99", ChartStyles.SERIES_P99));
            s.add(1, 0.3);
            s.add(2, 0);
            s.add(3, 2000);
            chart.setLogScale(true);
            chart.redraw();
            return chart.visibleRange();
        });
        assertEquals(0.1, range.yMin(), 1e-15);
        assertEquals(10000, range.yMax(), 1e-9);
    }

    @Test
    void hoverDrawsTheReadoutAtTheNearestSample() {
        Readout readout = onFx(() -> {
            TimeSeries a = chart.addSeries(new TimeSeries("a", "offered", ChartStyles.SERIES_OFFERED));
            TimeSeries b = chart.addSeries(new TimeSeries("b", "goodput", ChartStyles.SERIES_GOODPUT));
            for (int k = 0; k <= 1200; k++) {
                a.add(k * 0.1, 500);
                b.add(k * 0.1, k);
            }
            chart.redraw();
            double x = 0;
            while (!(chart.timeAt(x, 150) >= 60) && x < 800) {
                x++; // the first pixel at or after t = 60 s (window [0, 120]); NaN left of the plot
            }
            javafx.geometry.Point2D p = chart.localToScene(x, 150);
            Event.fireEvent(chart, new MouseEvent(MouseEvent.MOUSE_MOVED, p.getX(), p.getY(), p.getX(), p.getY(),
                    MouseButton.NONE, 0, false, false, false, false, false, false, false, false, false, false, null));
            assertTrue(chart.isDirty(), "a hover move requests a redraw");
            assertTrue(chart.redrawIfDirty());
            assertFalse(chart.redrawIfDirty(), "nothing changed since");
            return chart.readoutAt(chart.timeAt(x, 150)).orElseThrow();
        });
        assertEquals(60, readout.tSeconds(), 0.25,
                "snapped to the sample nearest the pointer: within a pixel (~0.16 s) of 60 s");
        assertEquals(500, readout.valueOf("a"));
        assertEquals(readout.tSeconds() * 10, readout.valueOf("b"), 1e-6, "b's sample at that time");
    }

    @Test
    void sixSeriesOfSixThousandPointsDraw() {
        long nanos = onFx(() -> {
            chart.setWindowSeconds(600);
            List<String> styles = List.of(ChartStyles.SERIES_OFFERED, ChartStyles.SERIES_THROUGHPUT,
                    ChartStyles.SERIES_GOODPUT, ChartStyles.SERIES_ATTEMPTS, ChartStyles.SERIES_TIMEOUT,
                    ChartStyles.SERIES_LITTLE);
            java.util.Random random = new java.util.Random(1);
            for (int j = 0; j < styles.size(); j++) {
                TimeSeries s = chart.addSeries(new TimeSeries("s" + j, "series " + j, styles.get(j)));
                s.setDashed(j == 5);
                double v = 100;
                for (int i = 0; i < TimeSeries.DEFAULT_CAPACITY + 500; i++) {
                    v = Math.max(0, v + random.nextGaussian() * 5);
                    s.add(i * 0.1, i % 997 == 0 ? Double.NaN : v);
                }
            }
            for (int k = 0; k < 50; k++) {
                String style = k % 2 == 0 ? ChartStyles.MARKER_USER : ChartStyles.MARKER_TIMELINE;
                chart.addMarker(k * 13, "event " + k, style);
            }
            chart.redraw();
            chart.setLogScale(true);
            chart.redraw();
            return chart.lastDrawNanos();
        });
        assertTrue(nanos > 0, "the draw ran and was timed");
        assertEquals(6000, (int) onFx(() -> chart.series().get(0).size()));
    }

    @Test
    void resizingRedrawsAtOnce() {
        boolean dirty = onFx(() -> {
            chart.markDirty();
            chart.resize(500, 200);
            chart.layout();
            return chart.isDirty();
        });
        assertFalse(dirty, "a new size is drawn in the same pulse");
    }

    private static <T> T onFx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
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
