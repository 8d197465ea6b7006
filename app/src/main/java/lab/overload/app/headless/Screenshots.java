package lab.overload.app.headless;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import lab.overload.app.OverloadLabApp;
import lab.overload.app.viewmodel.PresetCatalog;
import lab.overload.models.json.AtomicFiles;
import lab.overload.models.scenario.Scenario;

/**
 * Regenerates screenshots/: the main window on each bundled preset after a fixed number of sim seconds, with the
 * preset's own seed, so the pictures are reproducible. Runs headless.
 */
public final class Screenshots {
    public static final double WIDTH = 1600;
    public static final double HEIGHT = 960;

    private Screenshots() {
    }

    /** Writes one PNG per preset into {@code folder}; returns the files written. */
    public static List<Path> write(Path folder, double simSeconds) throws IOException {
        HeadlessFx.start();
        List<Path> written = new ArrayList<>();
        for (String name : PresetCatalog.bundledNames()) {
            Scenario scenario = PresetCatalog.bundled(name);
            double at = Math.min(simSeconds, scenario.durationSeconds());
            byte[] png = capture(scenario, at, 0);
            Path file = folder.resolve(name.replace(".json", ".png"));
            AtomicFiles.write(file, png);
            written.add(file);
        }
        return written;
    }

    /** The window on a scenario after {@code simSeconds}, as PNG bytes, showing chart tab {@code tab}. */
    public static byte[] capture(Scenario scenario, double simSeconds, int tab) throws IOException {
        OverloadLabApp.Lab lab = HeadlessFx.onFx(() -> {
            OverloadLabApp.Lab l = OverloadLabApp.Lab.create(scenario, WIDTH, HEIGHT);
            Stage stage = new Stage();
            stage.setScene(l.scene());
            stage.show();
            l.view().chartsView().getSelectionModel().select(tab);
            return l;
        });
        long target = Math.round(simSeconds * 1e6);
        lab.vm().runner().runTo(target);
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (lab.vm().runner().status().simMicros() < target
                || lab.vm().runner().ring().published() < target / (scenario.intervalMillis() * 1000L)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the engine did not reach " + simSeconds + " s in time");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        BufferedImage image = HeadlessFx.onFx(() -> {
            lab.pulse();
            lab.scene().getRoot().applyCss();
            lab.scene().getRoot().layout();
            lab.pulse();
            lab.charts().redrawAll();
            WritableImage shot = lab.scene().snapshot(null);
            lab.vm().close();
            ((Stage) lab.scene().getWindow()).close();
            return SwingFXUtils.fromFXImage(shot, null);
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
