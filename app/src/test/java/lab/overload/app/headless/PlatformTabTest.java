package lab.overload.app.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import lab.overload.app.OverloadLabApp;
import lab.overload.app.view.DashboardCharts;
import lab.overload.app.viewmodel.PresetCatalog;
import lab.overload.engine.metrics.IntervalSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Platform tab: shown only for a scenario with functions, its charts fed from the functions' and APIs' metrics,
 * and readable at 1280x720 in presenter mode (the picture is written to target/ to look at).
 */
class PlatformTabTest {
    /** Index of the Platform tab: after the tipping point. */
    private static final int PLATFORM_TAB = Screenshots.TIPPING_POINT_TAB + 1;

    @Test
    void thePlatformTabIsShownOnlyForFunctions() {
        HeadlessFx.start();
        List<String> tabs = HeadlessFx.onFx(() -> {
            OverloadLabApp.Lab l = OverloadLabApp.Lab.create(PresetCatalog.bundled("goodput-collapse.json"), 1280,
                    720);
            List<String> without = l.view().chartsView().getTabs().stream().map(t -> t.getText()).toList();
            l.vm().close();
            OverloadLabApp.Lab p = OverloadLabApp.Lab.create(PresetCatalog.bundled("dependency-isolation.json"),
                    1280, 720);
            List<String> with = p.view().chartsView().getTabs().stream().map(t -> t.getText()).toList();
            boolean zeroHandled = OverloadLabApp.handleKey(p, javafx.scene.input.KeyCode.DIGIT0);
            String selected = p.view().chartsView().getSelectionModel().getSelectedItem().getText();
            p.vm().close();
            return List.of(String.valueOf(without.contains("Platform")), with.get(Screenshots.STAGE_TAB),
                    zeroHandled + " " + selected);
        });
        assertEquals(List.of("false", "Platform", "true Platform"), tabs, "the tab exists only with functions, and"
                + " key 0 shows it");
    }

    @Test
    void itsChartsShowEachFunctionAndEachCause() {
        var preset = PresetCatalog.bundled("dependency-isolation.json");
        List<IntervalSnapshot> run = lab.overload.engine.run.BatchRunner.run(preset.withDuration(25, 0), List.of(),
                true).intervals();
        HeadlessFx.start();
        DashboardCharts charts = HeadlessFx.onFx(() -> {
            DashboardCharts c = new DashboardCharts();
            c.reset(preset);
            run.forEach(c::add);
            return c;
        });
        List<String> concurrency = charts.platform.concurrency.series().stream().map(s -> s.name()).toList();
        assertEquals(List.of("all functions", "account limit", "checkout", "search"), concurrency,
                "no reservation: each function's limit is the account's, drawn once");
        assertEquals(List.of("checkout", "search"), charts.platform.scaling.series().stream().map(s -> s.name())
                .toList());
        List<String> durations = charts.platform.latency.series().stream().map(s -> s.name()).toList();
        assertTrue(durations.containsAll(List.of("checkout warm", "checkout cold", "search warm", "search cold")),
                durations.toString());
        assertEquals(run.get(run.size() - 1).platform(), charts.platform.grid.shown(), "the grid shows the newest");
        List<String> throttles = charts.platform.throttles.series().stream().map(s -> s.name()).toList();
        assertTrue(throttles.containsAll(List.of("checkout account", "search account")),
                throttles.toString());
        assertFalse(throttles.contains("checkout reserved"), "no reservation: that cause never throttles");
        assertFalse(charts.platform.invokes.series().isEmpty());
    }

    /**
     * The tab on the two chapter-2 presets at the window size of the screenshots, and modal-cold-starts in presenter
     * mode, after the surge: the pictures are written to target/ to look at.
     */
    @ParameterizedTest(name = "{0} presenter={1}")
    @CsvSource({"modal-cold-starts, false, 34", "lambda-concurrency-limits, false, 30", "modal-cold-starts, true, 34"})
    void rendersTheChapterTwoPresets(String preset, boolean presenter, double atSeconds) throws IOException {
        double w = presenter ? Screenshots.PRESENTER_WIDTH : Screenshots.WIDTH;
        double h = presenter ? Screenshots.PRESENTER_HEIGHT : Screenshots.HEIGHT;
        byte[] png = Screenshots.capture(PresetCatalog.bundled(preset + ".json"), atSeconds, PLATFORM_TAB, w, h,
                presenter);
        Path out = Path.of("target", "platform-tab-" + preset + (presenter ? "-presenter" : "") + ".png");
        Files.createDirectories(out.getParent());
        Files.write(out, png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals((int) w, image.getWidth());
        assertEquals((int) h, image.getHeight());
    }

    @Test
    void readableInPresenterMode() throws IOException {
        byte[] png = Screenshots.capture(PresetCatalog.bundled("dependency-isolation.json"), 30, PLATFORM_TAB,
                Screenshots.PRESENTER_WIDTH, Screenshots.PRESENTER_HEIGHT, true);
        Path out = Path.of("target", "platform-tab-presenter.png");
        Files.createDirectories(out.getParent());
        Files.write(out, png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(1280, image.getWidth());
        assertEquals(720, image.getHeight());
    }
}
