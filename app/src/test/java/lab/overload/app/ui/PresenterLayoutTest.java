package lab.overload.app.ui;

import static lab.overload.app.ui.Ui.fx;
import static lab.overload.app.ui.Ui.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import lab.overload.app.OverloadLabApp.Lab;
import lab.overload.app.chart.CanvasChart;
import lab.overload.app.chart.LiveChart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxToolkit;

/**
 * The window as a room sees it: at 1280x720 in presenter mode and at 1920x1080 as a desk sees it, every chart of
 * every tab has room to plot (at least {@value #MIN_CHART_WIDTH} x {@value #MIN_CHART_HEIGHT} px), the charts get
 * most of the width, and no label of the window's frame (toolbar, message bars, side panels, status bar, tab
 * headers) shows cut text ("Sp...", "W..."): the text a label draws is its whole text. The eleven tab names of a
 * scenario with functions or queues fit both the presenter's 1280x720 and a desk's 1600x1000 and 1440x900 with both
 * side panels open. The pictures are written to {@code target/layout/} for a look.
 */
class PresenterLayoutTest {
    static final double MIN_CHART_WIDTH = 200;
    static final double MIN_CHART_HEIGHT = 120;
    static final int MIN_PLOT_WIDTH = 150;
    static final int MIN_PLOT_HEIGHT = 40;

    private Ui.Harness h;
    private Stage stage;

    @BeforeAll
    static void toolkit() throws Exception {
        Ui.isolateUserPresets();
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        if (h != null) {
            h.close();
        }
        FxToolkit.cleanupStages();
    }

    @ParameterizedTest(name = "{0}x{1} presenter={2}")
    @CsvSource({"1280, 720, true, 0.70", "1920, 1080, true, 0.75", "1920, 1080, false, 0.55"})
    void everyChartHasRoomAndNoLabelIsCut(double width, double height, boolean presenter, double minChartShare)
            throws IOException {
        check(width, height, presenter, minChartShare, false);
    }

    /**
     * A scenario with functions or queues has eleven tabs (Platform or Queues beside Operate): in presenter mode at
     * 1280x720 their names still fit, without the overflow menu that would hide the last ones.
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"dependency-isolation.json", "shuffle-sharding.json"})
    void elevenTabNamesFitAPresentersWindow(String preset) throws IOException {
        stage = fx(Stage::new);
        h = fx(() -> Ui.Harness.show(stage, Ui.preset(preset), 1280, 720));
        String shown = fx(() -> {
            h.lab.view().presenterProperty().set(true);
            h.lab.scene().getRoot().applyCss();
            h.lab.scene().getRoot().layout();
            Node menu = h.lab.view().chartsView().lookup(".control-buttons-tab");
            return h.lab.view().chartsView().getTabs().size() + " tabs, overflow menu "
                    + (menu != null && menu.isVisible() ? "shown" : "hidden");
        });
        assertEquals("11 tabs, overflow menu hidden", shown);
    }

    /**
     * At the desk layout, both side panels open, the eleven tab names of a scenario with functions or queues fit too:
     * no overflow menu, every header inside the tab pane, no name cut, none below the presenter's 12 px; nor does
     * either side panel, which give the charts a little width for it, cut a label. The pictures of the tab strip go
     * to {@code target/layout/}.
     */
    @ParameterizedTest(name = "{0} {1}x{2}")
    @CsvSource({"dependency-isolation.json, 1600, 1000", "dependency-isolation.json, 1440, 900",
        "shuffle-sharding.json, 1600, 1000", "shuffle-sharding.json, 1440, 900", "modal-cold-starts.json, 1440, 900"})
    void elevenTabNamesFitTheDeskWithBothPanelsOpen(String preset, double width, double height) throws IOException {
        stage = fx(Stage::new);
        h = fx(() -> Ui.Harness.show(stage, Ui.preset(preset), width, height));
        List<String> problems = fx(() -> {
            var v = h.lab.view();
            v.lessonOpenProperty().set(true);
            v.controlsOpenProperty().set(true);
            h.lab.scene().getRoot().applyCss();
            h.lab.scene().getRoot().layout();
            var tabs = v.chartsView();
            List<String> out = new ArrayList<>();
            if (tabs.getTabs().size() != 11) {
                out.add(tabs.getTabs().size() + " tabs, 11 expected");
            }
            Node menu = tabs.lookup(".control-buttons-tab");
            if (menu != null && menu.isVisible()) {
                out.add("the overflow menu shows");
            }
            Bounds pane = tabs.localToScene(tabs.getLayoutBounds());
            for (Node header : tabs.lookupAll(".tab")) {
                Bounds b = header.localToScene(header.getLayoutBounds());
                if (b.getMinX() < pane.getMinX() || b.getMaxX() > pane.getMaxX()) {
                    out.add(String.format(Locale.ROOT, "a tab header spans x %.0f..%.0f, outside the tab pane's"
                            + " %.0f..%.0f", b.getMinX(), b.getMaxX(), pane.getMinX(), pane.getMaxX()));
                }
            }
            for (Node n : tabs.lookupAll(".tab-label")) {
                Labeled l = (Labeled) n;
                if (l.getFont().getSize() < 12) {
                    out.add("'" + l.getText() + "' is " + l.getFont().getSize() + " px, below 12");
                }
            }
            System.out.println(preset + " " + width + "x" + height + ": tab names in "
                    + ((Labeled) tabs.lookup(".tab-label")).getFont());
            for (Node part : new Node[] {tabs.lookup(".tab-header-area"), v.getLeft(), v.getRight()}) {
                for (Labeled l : cutLabels(part)) {
                    out.add("'" + l.getText() + "' shows '" + shown(l) + "'");
                }
            }
            return out;
        });
        snapshot(h.lab, String.format(Locale.ROOT, "desk-%.0fx%.0f-%s", width, height, preset.replace(".json", "")));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /**
     * In presenter mode the panels opened again (L, C) show their labels whole at the large font, also with two
     * client groups' controls open (dependency-isolation), whose scroll bar takes width from the panel.
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"goodput-collapse.json", "dependency-isolation.json"})
    void openedPanelsInPresenterModeCutNoLabel(String preset) throws IOException {
        stage = fx(Stage::new);
        h = fx(() -> Ui.Harness.show(stage, Ui.preset(preset), 1280, 720));
        List<String> cut = fx(() -> {
            var v = h.lab.view();
            v.presenterProperty().set(true);
            v.lessonOpenProperty().set(true);
            v.controlsOpenProperty().set(true);
            h.lab.scene().getRoot().applyCss();
            h.lab.scene().getRoot().layout();
            List<String> out = new ArrayList<>();
            for (Node part : new Node[] {v.getTop(), v.getLeft(), v.getRight()}) {
                for (Labeled l : cutLabels(part)) {
                    out.add("'" + l.getText() + "' shows '" + shown(l) + "'");
                }
            }
            return out;
        });
        if (preset.startsWith("goodput")) {
            snapshot(h.lab, "presenter-1280x720-panels-open");
        }
        assertTrue(cut.isEmpty(), String.join("\n", cut));
    }

    /**
     * The service map of three columns with functions (dependency-isolation: client groups, APIs, functions in two
     * rows) shares the Operate tab with five other panes; after checkout's dependency slowed (30 s: checkout
     * throttled, the longest lines and the largest edge rates) it cuts no box line and no edge rate, and its boxes
     * hold their lines (none drawn past a box's bottom), in presenter mode at 1280x720 as at a desk's 1920x1080.
     */
    @ParameterizedTest(name = "{0}x{1} presenter={2}")
    @CsvSource({"1280, 720, true", "1920, 1080, true", "1920, 1080, false"})
    void theMapOfThreeColumnsCutsNothingOnTheOperateTab(double width, double height, boolean presenter)
            throws IOException {
        stage = fx(Stage::new);
        h = fx(() -> Ui.Harness.show(stage, Ui.preset("dependency-isolation.json"), width, height));
        fxRun(() -> h.lab.view().presenterProperty().set(presenter));
        h.fastForwardTo(30);
        Lab lab = h.lab;
        List<String> problems = fx(() -> {
            var tabs = lab.view().chartsView();
            tabs.getSelectionModel().select(tabs.getTabs().size() - 1);
            lab.scene().getRoot().applyCss();
            lab.scene().getRoot().layout();
            var map = lab.charts().serviceMap;
            map.redraw();
            List<String> out = new ArrayList<>();
            System.out.printf(Locale.ROOT, "%.0fx%.0f presenter=%s: the service map is %.0f x %.0f, its texts at"
                    + " %.0f %% in line form %d%n", width, height, presenter, map.getWidth(), map.getHeight(),
                    100 * map.textScale(), map.lineForm());
            for (String text : map.cutTexts()) {
                out.add("the service map cuts '" + text + "'");
            }
            for (String text : map.overflowingTexts()) {
                out.add("the service map draws '" + text + "' past the bottom of its box");
            }
            return out;
        });
        snapshot(lab, String.format(Locale.ROOT, "%s-%.0fx%.0f-operate-dependency-isolation",
                presenter ? "presenter" : "desk", width, height));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /**
     * Inside each live chart, the plot itself keeps room next to the title, legend and axes (legends give up rows
     * before the plot goes). A chart with nothing to show (the policy charts of a preset without policies) draws a
     * sentence instead of axes and is exempt.
     */
    @ParameterizedTest(name = "{0}x{1} presenter={2}")
    @CsvSource({"1280, 720, true", "1920, 1080, false"})
    void everyLiveChartKeepsAPlotArea(double width, double height, boolean presenter) throws IOException {
        check(width, height, presenter, 0, true);
    }

    private void check(double width, double height, boolean presenter, double minChartShare, boolean checkPlots)
            throws IOException {
        stage = fx(Stage::new);
        h = fx(() -> Ui.Harness.show(stage, Ui.preset("goodput-collapse.json"), width, height));
        fxRun(() -> h.lab.view().presenterProperty().set(presenter));
        h.fastForwardTo(40);
        Lab lab = h.lab;
        int tabs = fx(() -> lab.view().chartsView().getTabs().size());
        List<String> problems = new ArrayList<>();
        for (int tab = 0; tab < tabs; tab++) {
            int index = tab;
            problems.addAll(fx(() -> {
                lab.view().chartsView().getSelectionModel().select(index);
                lab.scene().getRoot().applyCss();
                lab.scene().getRoot().layout();
                List<String> out = new ArrayList<>();
                for (CanvasChart c : charts(lab.scene().getRoot())) {
                    Bounds b = c.getLayoutBounds();
                    if (b.getWidth() < MIN_CHART_WIDTH || b.getHeight() < MIN_CHART_HEIGHT) {
                        out.add(String.format(Locale.ROOT, "tab %d: chart %s is %.0f x %.0f", index + 1,
                                c.getClass().getSimpleName() + describe(c), b.getWidth(), b.getHeight()));
                    }
                    if (checkPlots && c instanceof LiveChart l && !l.sentenceDrawn().isEmpty() && !l.hasPlotArea()) {
                        continue; // a chart with nothing to show says why instead of drawing empty axes
                    }
                    if (checkPlots && c instanceof LiveChart l) {
                        int[] plot = plotSize(l);
                        if (plot[0] < MIN_PLOT_WIDTH || plot[1] < MIN_PLOT_HEIGHT) {
                            out.add(String.format(Locale.ROOT, "tab %d: chart '%s' (%.0f x %.0f) has a plot of %d x"
                                    + " %d px", index + 1, l.getTitle(), b.getWidth(), b.getHeight(), plot[0],
                                    plot[1]));
                        }
                    }
                }
                visit(lab.view().chartsView().getSelectionModel().getSelectedItem().getContent(), n -> {
                    if (n instanceof lab.overload.app.operatemap.ServiceMapPane map) {
                        map.redraw();
                        for (String text : map.cutTexts()) {
                            out.add("tab " + (index + 1) + ": the service map cuts '" + text + "'");
                        }
                    }
                });
                Node tabsMenu = lab.view().chartsView().lookup(".control-buttons-tab");
                if (tabsMenu != null && tabsMenu.isVisible()) {
                    out.add("tab " + (index + 1) + ": the tab headers do not fit (their overflow menu shows)");
                }
                var v = lab.view();
                for (Node part : new Node[] {v.getTop(), v.getBottom(), v.getLeft(), v.getRight(),
                        v.chartsView().lookup(".tab-header-area")}) {
                    for (Labeled l : cutLabels(part)) {
                        out.add("tab " + (index + 1) + ": label '" + l.getText() + "' shows '" + shown(l) + "'");
                    }
                }
                return out;
            }));
            if (tab == 0 || tab == tabs - 1) {
                snapshot(lab, String.format(Locale.ROOT, "%s-%.0fx%.0f-tab%d", presenter ? "presenter" : "desk", width,
                        height, tab + 1));
            }
        }
        double share = fx(() -> {
            lab.view().chartsView().getSelectionModel().select(0);
            lab.scene().getRoot().layout();
            return lab.view().chartsView().getWidth() / lab.scene().getWidth();
        });
        System.out.printf(Locale.ROOT, "%.0fx%.0f presenter=%s: the charts get %.1f %% of the width%n", width, height,
                presenter, 100 * share);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(share >= minChartShare, String.format(Locale.ROOT,
                "the charts get %.0f %% of the width, at least %.0f %% expected", 100 * share, 100 * minChartShare));
    }

    /**
     * The plot area of a live chart in pixels (width, height): where the chart maps a point to a time, measured
     * through {@link LiveChart#timeAt} after a draw at the chart's current size.
     */
    static int[] plotSize(LiveChart chart) {
        chart.redraw();
        Bounds b = chart.getLayoutBounds();
        int w = (int) b.getWidth();
        int h = (int) b.getHeight();
        int top = -1;
        int bottom = -1;
        for (int x : new int[] {w / 2, w * 3 / 4}) {
            for (int y = 0; y < h; y++) {
                if (!Double.isNaN(chart.timeAt(x + 0.5, y + 0.5))) {
                    top = top < 0 ? y : Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        if (top < 0) {
            return new int[] {0, 0};
        }
        int mid = (top + bottom) / 2;
        int columns = 0;
        for (int x = 0; x < w; x++) {
            if (!Double.isNaN(chart.timeAt(x + 0.5, mid + 0.5))) {
                columns++;
            }
        }
        return new int[] {columns, bottom - top + 1};
    }

    private static String describe(CanvasChart c) {
        return c instanceof lab.overload.app.chart.LiveChart l ? " '" + l.getTitle() + "'" : "";
    }

    /** Charts in the scene graph that are showing. */
    static List<CanvasChart> charts(Node root) {
        List<CanvasChart> out = new ArrayList<>();
        visit(root, n -> {
            if (n instanceof CanvasChart c && n.isVisible()) {
                out.add(c);
            }
        });
        return out;
    }

    /** Showing labels whose drawn text is not their whole text (cut with an ellipsis, or clipped). */
    static List<Labeled> cutLabels(Node root) {
        List<Labeled> out = new ArrayList<>();
        visit(root, n -> {
            if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
                String shown = shown(l);
                if (shown != null && !shown.equals(l.getText())) {
                    out.add(l);
                }
            }
        });
        return out;
    }

    /** The text a label draws (its skin's Text child), or null when it draws none. */
    static String shown(Labeled l) {
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text t) {
                return t.getText();
            }
        }
        return null;
    }

    private static void visit(Node n, java.util.function.Consumer<Node> f) {
        if (!n.isVisible()) {
            return;
        }
        f.accept(n);
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                visit(c, f);
            }
        }
    }

    private static void snapshot(Lab lab, String name) throws IOException {
        BufferedImage image = fx(() -> {
            lab.charts().redrawAll();
            return SwingFXUtils.fromFXImage(lab.scene().snapshot(null), null);
        });
        Path dir = Path.of("target", "layout");
        Files.createDirectories(dir);
        ImageIO.write(image, "png", dir.resolve(name + ".png").toFile());
    }
}
