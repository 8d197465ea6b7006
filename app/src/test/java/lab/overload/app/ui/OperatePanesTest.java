package lab.overload.app.ui;

import static lab.overload.app.ui.Ui.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import lab.overload.app.OverloadLabApp;
import lab.overload.app.operatemap.ServiceMap;
import lab.overload.app.operatemap.ServiceMapPane;
import lab.overload.app.operatemap.TopContributorsPane;
import lab.overload.engine.component.World;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * The service map and top contributors panes, laid out at the size they get in a 1280x720 presenter window: boxes
 * inside the pane and apart, presenter-size text, selection by click; written to target/layout as PNGs.
 */
class OperatePanesTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static List<IntervalSnapshot> run(Scenario s, double seconds) {
        List<IntervalSnapshot> out = new ArrayList<>();
        World w = new World(s);
        w.onInterval(out::add);
        w.runUntil(Math.round(seconds * 1e6));
        return out;
    }

    @Test
    void bothPanesAreReadableAtPresenterSizeAndAClickSelectsANode() throws Exception {
        Scenario s = Ui.preset("dependency-isolation.json");
        List<IntervalSnapshot> intervals = run(s, 30); // the dependency of checkout slows at 20 s
        List<String> selected = new ArrayList<>();
        Object[] made = fx(() -> {
            ServiceMapPane map = new ServiceMapPane();
            TopContributorsPane top = new TopContributorsPane();
            map.reset(s);
            intervals.forEach(map::add);
            intervals.forEach(top::add);
            map.onSelect(selected::add);
            VBox root = new VBox(8, map, top);
            root.getStyleClass().add("presenter");
            map.setPrefSize(1000, 380);
            Scene scene = new Scene(root, 1000, 640);
            for (String css : OverloadLabApp.STYLESHEETS) {
                scene.getStylesheets().add(OverloadLabApp.class.getResource(css).toExternalForm());
            }
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            root.applyCss();
            root.layout();
            top.refresh();
            root.applyCss();
            root.layout();
            map.redraw();
            return new Object[] {map, top, SwingFXUtils.fromFXImage(scene.snapshot(null), null)};
        });
        ServiceMapPane map = (ServiceMapPane) made[0];
        BufferedImage image = (BufferedImage) made[2];
        Path out = Path.of("target", "layout");
        Files.createDirectories(out);
        ImageIO.write(image, "png", out.resolve("operate-map-presenter.png").toFile());

        List<String> problems = fx(() -> {
            List<String> p = new ArrayList<>();
            List<double[]> boxes = new ArrayList<>();
            for (ServiceMap.Node n : map.map().nodes()) {
                double[] b = map.box(n);
                if (b[0] < 0 || b[1] < 0 || b[0] + b[2] > map.getWidth() || b[1] + b[3] > map.getHeight()) {
                    p.add(n.name() + " outside the pane");
                }
                for (double[] o : boxes) {
                    if (b[0] < o[0] + o[2] && o[0] < b[0] + b[2] && b[1] < o[1] + o[3] && o[1] < b[1] + b[3]) {
                        p.add(n.name() + " overlaps another box");
                    }
                }
                boxes.add(b);
            }
            return p;
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        ServiceMap.Node checkout = fx(() -> map.map().node("functions", "checkout"));
        assertEquals(ServiceMap.Health.FAILING, fx(() -> map.map().stats(checkout).health()),
                "at 30 s checkout's slow dependency has it throttled: " + fx(() -> map.map().stats(checkout)));
        double[] b = fx(() -> map.box(checkout));
        fx(() -> {
            map.select(map.map().node("functions", "checkout")); // what a click at its box does
            return null;
        });
        assertEquals(List.of("functions.checkout"), selected);
        assertEquals("checkout", fx(() -> map.selected().name()));
        assertEquals(checkout, fx(() -> map.nodeAt(b[0] + b[2] / 2, b[1] + b[3] / 2)));
        fx(() -> {
            map.select(checkout);
            return null;
        });
        assertNull(fx(map::selected), "a second click clears the selection");
    }

    /** The "by" picker: tenants of shuffle-sharding's one group, headed "tenant"; client groups again on the other. */
    @Test
    void theByPickerRanksTenantsOrClientGroups() throws Exception {
        Scenario s = lab.overload.models.scenario.ParameterPaths.with(Ui.preset("shuffle-sharding.json"),
                "clients.apps.tenants.overrides.7.rateMultiplier", "4000");
        List<IntervalSnapshot> intervals = run(s, 5);
        List<String> keys = fx(() -> {
            TopContributorsPane top = new TopContributorsPane();
            intervals.forEach(top::add);
            List<String> k = new ArrayList<>();
            top.refresh();
            k.add(top.rows().get(0).key());
            var by = (org.controlsfx.control.SegmentedButton) top.lookup("#top-by");
            by.getButtons().get(1).fire();
            k.add(top.by().label());
            k.add(top.rows().get(0).key());
            k.add(((javafx.scene.control.Label) top.lookupAll(".top-head").toArray()[1]).getText());
            by.getButtons().get(0).fire();
            k.add(top.rows().get(0).key());
            return k;
        });
        assertEquals(List.of("apps", "tenants", "apps/tenant 7", "tenant", "apps"), keys);
    }
}
