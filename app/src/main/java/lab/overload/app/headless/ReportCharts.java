package lab.overload.app.headless;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import lab.overload.app.OverloadLabApp;
import lab.overload.models.scenario.Scenario;

/**
 * The app's own charts of one whole run, drawn headless for a report: the scenario runs to its end in a window that
 * is never shown on a screen, then each chosen charts tab is selected and only its content (the chart) is snapshotted.
 */
public final class ReportCharts {
    /** The charts of a report: file-name suffix and charts tab index (see {@code ChartsView}). */
    public static final Map<String, Integer> TABS = Map.of("rates", 1, "latency", 2, "queue", 4);
    private static final String[] ORDER = {"rates", "latency", "queue"};
    public static final double WIDTH = 1900;
    public static final double HEIGHT = 760;

    private ReportCharts() {
    }

    /** PNG bytes of each chart of {@link #TABS}, in the order rates, latency, queue, after the whole run. */
    public static Map<String, byte[]> capture(Scenario scenario) {
        HeadlessFx.start();
        OverloadLabApp.Lab lab = HeadlessFx.onFx(() -> {
            OverloadLabApp.Lab l = OverloadLabApp.Lab.create(scenario, WIDTH, HEIGHT);
            Stage stage = new Stage();
            stage.setScene(l.scene());
            stage.show();
            return l;
        });
        try {
            long target = scenario.durationMicros();
            lab.vm().runner().runTo(target);
            long deadline = System.nanoTime() + 300_000_000_000L;
            while (lab.vm().runner().status().simMicros() < target
                    || lab.vm().runner().ring().published() < target / (scenario.intervalMillis() * 1000L)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the engine did not reach the end of the run in time");
                }
                sleep();
            }
            Map<String, byte[]> pngs = new LinkedHashMap<>();
            for (String name : ORDER) {
                int tab = TABS.get(name);
                BufferedImage image = HeadlessFx.onFx(() -> {
                    lab.view().chartsView().getSelectionModel().select(tab);
                    lab.pulse();
                    lab.scene().getRoot().applyCss();
                    lab.scene().getRoot().layout();
                    lab.pulse();
                    lab.charts().redrawAll();
                    WritableImage shot = lab.view().chartsView().getSelectionModel().getSelectedItem().getContent()
                            .snapshot(null, null);
                    return SwingFXUtils.fromFXImage(shot, null);
                });
                pngs.put(name, png(image));
            }
            return pngs;
        } finally {
            HeadlessFx.onFx(() -> {
                lab.view().tippingPoint().close();
                lab.vm().close();
                ((Stage) lab.scene().getWindow()).close();
                return null;
            });
        }
    }

    /** A PNG of an image. */
    public static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
