package lab.overload.app.headless;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.overload.models.scenario.ParameterPaths;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import lab.overload.app.OverloadLabApp;
import lab.overload.app.viewmodel.PresetCatalog;
import lab.overload.models.json.AtomicFiles;
import lab.overload.models.scenario.Scenario;

/**
 * Regenerates screenshots/: the main window on each bundled preset at the end of its run (or after a given number of
 * sim seconds), with the preset's own seed, so the pictures are reproducible; plus the tipping-point curve of the
 * goodput-collapse and load-shedding presets, both in presenter mode on a 1280x720 projector, and the Platform and
 * Queues tabs of a preset with functions and one with queues. Runs headless.
 */
public final class Screenshots {
    public static final double WIDTH = 1600;
    public static final double HEIGHT = 960;
    /** Presenter mode on a projector: the size and the presets shown that way. */
    public static final double PRESENTER_WIDTH = 1280;
    public static final double PRESENTER_HEIGHT = 720;
    public static final List<String> PRESENTER_SHOTS = List.of("goodput-collapse.json", "load-shedding.json");
    /** Index of the tab a stage kind adds (Platform or Queues), the tenth. */
    public static final int STAGE_TAB = 9;

    /**
     * The Platform tab of dependency-isolation, the Queues tab of shuffle-sharding with its lesson's step 2 (eight
     * shuffle-sharded lanes, one poller each), so the lanes and the overlap table have something to show, also in
     * presenter mode at 1280x720, and the Queues tab of queue-backlog.
     */
    static Map<String, Scenario> stageTabShots() {
        Scenario sharded = ParameterPaths.with(ParameterPaths.with(PresetCatalog.bundled("shuffle-sharding.json"),
                "queues.events.mapping", "SHUFFLE_SHARD"), "queues.events.pollersPerLane", "1");
        Map<String, Scenario> shots = new LinkedHashMap<>();
        shots.put("dependency-isolation-platform.png", PresetCatalog.bundled("dependency-isolation.json"));
        shots.put("shuffle-sharding-queues.png", sharded);
        shots.put("queue-backlog-queues.png", PresetCatalog.bundled("queue-backlog.json"));
        return shots;
    }

    /** Stands for the last tab, the Operate tab, whichever stage tabs come before it. */
    public static final int OPERATE_TAB = -1;
    /** The presets whose Operate tab (sampled traces, REPORT lines, Logs Insights) is shown. */
    public static final List<String> OPERATE_SHOTS = List.of("modal-cold-starts.json", "timeouts-waste-work.json");

    /** Index of the tipping-point tab. */
    public static final int TIPPING_POINT_TAB = 8;

    private Screenshots() {
    }

    /** Writes one PNG per preset into {@code folder}; returns the files written. */
    public static List<Path> write(Path folder, double simSeconds) throws IOException {
        HeadlessFx.start();
        List<Path> written = new ArrayList<>();
        for (String name : PresetCatalog.bundledNames()) {
            Scenario scenario = PresetCatalog.bundled(name);
            double at = simSeconds <= 0 ? scenario.durationSeconds() : Math.min(simSeconds, scenario.durationSeconds());
            byte[] png = capture(scenario, at, 0);
            Path file = folder.resolve(name.replace(".json", ".png"));
            AtomicFiles.write(file, png);
            written.add(file);
        }
        for (String name : List.of("goodput-collapse.json", "load-shedding.json")) {
            Path file = folder.resolve(name.replace(".json", "-tipping-point.png"));
            Scenario s = PresetCatalog.bundled(name);
            double at = simSeconds <= 0 ? s.durationSeconds() : Math.min(simSeconds, s.durationSeconds());
            AtomicFiles.write(file, capture(s, at, TIPPING_POINT_TAB));
            written.add(file);
        }
        for (Map.Entry<String, Scenario> shot : stageTabShots().entrySet()) {
            Path file = folder.resolve(shot.getKey());
            Scenario s = shot.getValue();
            double at = simSeconds <= 0 ? s.durationSeconds() : Math.min(simSeconds, s.durationSeconds());
            AtomicFiles.write(file, capture(s, at, STAGE_TAB));
            written.add(file);
        }
        for (String name : OPERATE_SHOTS) {
            Path file = folder.resolve(name.replace(".json", "-operate.png"));
            Scenario s = PresetCatalog.bundled(name);
            double at = simSeconds <= 0 ? s.durationSeconds() : Math.min(simSeconds, s.durationSeconds());
            AtomicFiles.write(file, capture(s, at, OPERATE_TAB));
            written.add(file);
        }
        for (String name : PRESENTER_SHOTS) {
            Path file = folder.resolve(name.replace(".json", "-presenter.png"));
            Scenario s = PresetCatalog.bundled(name);
            double at = simSeconds <= 0 ? s.durationSeconds() : Math.min(simSeconds, s.durationSeconds());
            AtomicFiles.write(file, capture(s, at, 0, PRESENTER_WIDTH, PRESENTER_HEIGHT, true));
            written.add(file);
        }
        Scenario sharded = stageTabShots().get("shuffle-sharding-queues.png");
        Path queues = folder.resolve("shuffle-sharding-queues-presenter.png");
        double at = simSeconds <= 0 ? sharded.durationSeconds() : Math.min(simSeconds, sharded.durationSeconds());
        AtomicFiles.write(queues, capture(sharded, at, STAGE_TAB, PRESENTER_WIDTH, PRESENTER_HEIGHT, true));
        written.add(queues);
        return written;
    }

    /** The window on a scenario after {@code simSeconds}, as PNG bytes, showing chart tab {@code tab}. */
    public static byte[] capture(Scenario scenario, double simSeconds, int tab) throws IOException {
        return capture(scenario, simSeconds, tab, WIDTH, HEIGHT, false);
    }

    /**
     * The window of the given size on a scenario after {@code simSeconds}, as PNG bytes, showing chart tab
     * {@code tab}, in presenter mode or not.
     */
    public static byte[] capture(Scenario scenario, double simSeconds, int tab, double width, double height,
                                 boolean presenter) throws IOException {
        HeadlessFx.start();
        OverloadLabApp.Lab lab = HeadlessFx.onFx(() -> {
            OverloadLabApp.Lab l = OverloadLabApp.Lab.create(scenario, width, height);
            Stage stage = new Stage();
            stage.setScene(l.scene());
            stage.show();
            l.view().presenterProperty().set(presenter);
            var tabs = l.view().chartsView();
            tabs.getSelectionModel().select(tab == OPERATE_TAB ? tabs.getTabs().size() - 1 : tab);
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
        if (tab == TIPPING_POINT_TAB) {
            HeadlessFx.onFx(() -> {
                lab.view().tippingPoint().recompute();
                return null;
            });
            while (HeadlessFx.onFx(() -> lab.view().tippingPoint().isComputing()
                    || lab.view().tippingPoint().current() == null)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the tipping-point sweep did not finish in time");
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        BufferedImage image = HeadlessFx.onFx(() -> {
            lab.pulse();
            lab.scene().getRoot().applyCss();
            lab.scene().getRoot().layout();
            lab.pulse();
            lab.charts().redrawAll();
            lab.view().tippingPoint().chart().redraw();
            WritableImage shot = lab.scene().snapshot(null);
            lab.view().tippingPoint().close();
            lab.vm().close();
            ((Stage) lab.scene().getWindow()).close();
            return SwingFXUtils.fromFXImage(shot, null);
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
