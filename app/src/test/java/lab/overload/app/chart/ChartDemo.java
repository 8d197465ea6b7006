package lab.overload.app.chart;

import java.util.Random;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;

/**
 * Manual demo: one live chart fed with random walks at 10 samples per sim second, 10× real time, with a marker
 * every 30 s. Run {@code main} from the IDE (test classpath) and hover, resize, switch window and log scale. A plain
 * {@code main} that launches a nested {@code Application}, so it also starts with JavaFX on the class path.
 */
public final class ChartDemo {
    private ChartDemo() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The demo window. */
    public static final class App extends Application {
        private static final double SPEED = 10;
        private static final double STEP_SECONDS = 0.1;

        private final Random random = new Random(42);
        private double simSeconds;
        private double offered = 400;
        private double goodput = 350;

        @Override
        public void start(Stage stage) {
            LiveChart chart = new LiveChart("Throughput", "req/s");
            TimeSeries offeredSeries = chart.addSeries(
                    new TimeSeries("offered", "offered", ChartStyles.SERIES_OFFERED));
            TimeSeries throughput = chart.addSeries(new TimeSeries("throughput", "throughput",
                    ChartStyles.SERIES_THROUGHPUT));
            TimeSeries goodputSeries = chart.addSeries(
                    new TimeSeries("goodput", "goodput", ChartStyles.SERIES_GOODPUT));
            TimeSeries capacity = chart.addSeries(new TimeSeries("capacity", "capacity", ChartStyles.SERIES_LITTLE))
                    .setDashed(true);

            ComboBox<Double> window = new ComboBox<>();
            window.getItems().addAll(LiveChart.WINDOW_CHOICES_SECONDS);
            window.setValue(chart.getWindowSeconds());
            window.valueProperty().addListener((o, old, seconds) -> chart.setWindowSeconds(seconds));
            CheckBox log = new CheckBox("log y");
            log.selectedProperty().addListener((o, old, on) -> chart.setLogScale(on));
            Label drawTime = new Label();
            HBox controls = new HBox(12, new Label("window (s)"), window, log, drawTime);
            controls.setPadding(new Insets(6));

            BorderPane root = new BorderPane(chart, controls, null, null, null);
            stage.setScene(new Scene(root, 900, 360));
            stage.setTitle("LiveChart demo");
            stage.show();

            new AnimationTimer() {
                private long lastNanos = -1;

                @Override
                public void handle(long now) {
                    double target = lastNanos < 0 ? 0 : simSeconds + (now - lastNanos) / 1e9 * SPEED;
                    lastNanos = now;
                    while (simSeconds + STEP_SECONDS <= target) {
                        simSeconds += STEP_SECONDS;
                        offered = Math.max(0, offered + random.nextGaussian() * 8);
                        double served = Math.min(offered, 500 + random.nextGaussian() * 10);
                        double drift = random.nextGaussian() * 6 + (served - goodput) * 0.02;
                        goodput = Math.max(0, Math.min(served, goodput + drift));
                        offeredSeries.add(simSeconds, offered);
                        throughput.add(simSeconds, served);
                        goodputSeries.add(simSeconds, goodput);
                        capacity.add(simSeconds, 500);
                        if (Math.floor(simSeconds / 30) != Math.floor((simSeconds - STEP_SECONDS) / 30)) {
                            String label = "t=" + Math.round(simSeconds) + " s";
                            chart.addMarker(simSeconds, label, ChartStyles.MARKER_TIMELINE);
                        }
                        chart.markDirty();
                    }
                    if (chart.redrawIfDirty()) {
                        drawTime.setText(String.format("draw %.2f ms", chart.lastDrawNanos() / 1e6));
                    }
                }
            }.start();
        }
    }
}
