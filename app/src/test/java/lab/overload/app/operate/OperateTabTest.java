package lab.overload.app.operate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import lab.overload.app.OverloadLabApp;
import lab.overload.app.headless.HeadlessFx;
import lab.overload.app.headless.Screenshots;
import lab.overload.app.view.DashboardCharts;
import lab.overload.app.viewmodel.PresetCatalog;
import lab.overload.engine.component.World;
import lab.overload.engine.operate.LogsInsights;
import lab.overload.engine.operate.OperateData;
import lab.overload.engine.operate.ReportLine;
import lab.overload.engine.operate.Trace;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Operate tab: sampled traces of a running preset in its list, the selected one drawn as a waterfall, the
 * Logs Insights table computed from the engine's REPORT lines, and pictures at 1280x720 (presenter) and 1600x960
 * written to target/ to look at.
 */
class OperateTabTest {
    @Test
    void theTabShowsTracesOfARunningPresetAndDrawsTheSelectedOnesSpans() throws Exception {
        Scenario preset = PresetCatalog.bundled("modal-cold-starts.json");
        OverloadLabApp.Lab lab = openOnOperate(preset, 35_000_000L);
        List<String> seen = HeadlessFx.onFx(() -> {
            List<String> out = new ArrayList<>();
            lab.pulse();
            lab.charts().redrawAll();
            OperateView view = lab.view().chartsView().operateView();
            out.add(lab.view().chartsView().getSelectionModel().getSelectedItem().getText());
            out.add(String.valueOf(view.traceList().getItems().size()));
            view.filter().setValue(TraceFilter.COLD);
            Trace cold = view.traceList().getItems().get(0);
            view.traceList().getSelectionModel().select(cold);
            out.add(String.valueOf(cold.cold()));
            out.add(String.valueOf(view.waterfall().trace() == cold));
            view.waterfall().redraw();
            out.add(view.waterfall().rowsDrawn() + " of " + cold.spans().size());
            out.add(String.valueOf(view.logs().table().getItems().size()));
            lab.view().tippingPoint().close();
            lab.vm().close();
            ((javafx.stage.Stage) lab.scene().getWindow()).close();
            return out;
        });
        assertEquals("Operate", seen.get(0), "the Operate tab is the last");
        assertTrue(Integer.parseInt(seen.get(1)) > 10, "traces listed: " + seen);
        assertEquals("true", seen.get(2), "the cold filter lists cold starts: " + seen);
        assertEquals("true", seen.get(3), "selecting a trace shows it in the waterfall");
        String[] rows = seen.get(4).split(" of ");
        assertEquals(rows[1], rows[0], "every span of a cold start (placement, init, work) is drawn: " + seen);
        assertTrue(Integer.parseInt(seen.get(5)) >= 30, "a Logs Insights row per second: " + seen);
    }

    /**
     * Selecting a node on the service map lists only the traces through it: on dependency-isolation (shop calls
     * storefront then checkout, find calls finder then search) the search function's traces are all find's.
     */
    @Test
    void aSelectedServiceMapNodeFiltersTheTraces() throws Exception {
        Scenario preset = PresetCatalog.bundled("dependency-isolation.json");
        OverloadLabApp.Lab lab = openOnOperate(preset, 10_000_000L);
        List<String> seen = HeadlessFx.onFx(() -> {
            List<String> out = new ArrayList<>();
            lab.pulse();
            OperateView view = lab.view().chartsView().operateView();
            view.refresh();
            List<Trace> all = List.copyOf(view.traceList().getItems());
            var map = lab.charts().serviceMap;
            var search = map.map().node("functions", "search");
            map.select(search);
            List<Trace> through = List.copyOf(view.traceList().getItems());
            out.add(all.stream().map(Trace::client).distinct().sorted().toList().toString());
            out.add(through.stream().map(Trace::client).distinct().sorted().toList().toString());
            out.add(String.valueOf(through.stream().allMatch(t -> t.spans().stream()
                    .anyMatch(sp -> "search".equals(sp.stage())))));
            map.select(search); // a second click clears the selection
            out.add(view.traceList().getItems().size() + " of " + all.size());
            lab.view().tippingPoint().close();
            lab.vm().close();
            ((javafx.stage.Stage) lab.scene().getWindow()).close();
            return out;
        });
        assertEquals("[find, shop]", seen.get(0), "both client groups' requests are traced: " + seen);
        assertEquals("[find]", seen.get(1), "only find's requests go through search: " + seen);
        assertEquals("true", seen.get(2), "each listed trace has a span at search");
        String[] again = seen.get(3).split(" of ");
        assertEquals(again[1], again[0], "clearing the selection lists every trace again: " + seen);
    }

    /** A window on the preset showing the Operate tab, run (paused) to {@code targetMicros} of sim time. */
    private static OverloadLabApp.Lab openOnOperate(Scenario preset, long targetMicros) throws Exception {
        HeadlessFx.start();
        OverloadLabApp.Lab lab = HeadlessFx.onFx(() -> {
            OverloadLabApp.Lab l = OverloadLabApp.Lab.create(preset, 1600, 960);
            javafx.stage.Stage stage = new javafx.stage.Stage();
            stage.setScene(l.scene());
            stage.show();
            var tabs = l.view().chartsView();
            tabs.getSelectionModel().select(tabs.getTabs().size() - 1);
            return l;
        });
        lab.vm().runner().runTo(targetMicros);
        long deadline = System.nanoTime() + 120_000_000_000L; // a hang guard, not a speed claim
        while (lab.vm().runner().status().simMicros() < targetMicros
                || lab.vm().runner().ring().published() < targetMicros / 100_000) {
            assertTrue(System.nanoTime() < deadline, "the engine did not reach " + targetMicros / 1e6 + " s");
            Thread.sleep(20);
        }
        return lab;
    }

    /**
     * With two functions (dependency-isolation: checkout and search), the pane offers both; each shows exactly its own
     * lines and its own Logs Insights table, and the choice survives a new run of the same scenario.
     */
    @Test
    void eachFunctionsLinesAndTableCanBeShown() {
        Scenario s = PresetCatalog.bundled("dependency-isolation.json").withDuration(5, 0);
        World w = new World(s);
        w.recordReports(200_000);
        List<ReportLine> all = new ArrayList<>();
        List<Object[]> frames = new ArrayList<>();
        w.onInterval(i -> {
            List<ReportLine> lines = w.reportLog().drain();
            all.addAll(lines);
            frames.add(new Object[] {i, new OperateData(List.of(), lines, 0)});
        });
        w.runUntil(s.durationMicros());
        long search = all.stream().filter(l -> l.function().equals("search")).count();
        long checkout = all.stream().filter(l -> l.function().equals("checkout")).count();
        assertTrue(search > 1000 && checkout > 1000, "both functions ran: " + search + ", " + checkout);
        HeadlessFx.start();
        List<String> seen = HeadlessFx.onFx(() -> {
            DashboardCharts charts = new DashboardCharts();
            OperateView view = new OperateView(charts.operate);
            charts.reset(s);
            for (Object[] f : frames) {
                charts.add((lab.overload.engine.metrics.IntervalSnapshot) f[0]);
                charts.addOperate((OperateData) f[1]);
            }
            view.refresh();
            List<String> out = new ArrayList<>();
            out.add(view.logs().functionChoice().getItems().toString());
            out.add(view.logs().functionChoice().getValue());
            out.add(String.valueOf(view.logs().table().getItems().stream().mapToLong(LogsInsights.Row::count).sum()));
            view.logs().functionChoice().setValue("search");
            out.add(String.valueOf(view.logs().table().getItems().stream().mapToLong(LogsInsights.Row::count).sum()));
            out.add(String.valueOf(charts.operate.lines().stream().allMatch(l -> l.function().equals("search"))));
            charts.reset(s);
            out.add(charts.operate.function());
            return out;
        });
        assertEquals("[checkout, search]", seen.get(0));
        assertEquals("checkout", seen.get(1), "the first function is shown first");
        assertEquals(String.valueOf(checkout), seen.get(2), "checkout's table counts exactly its lines");
        assertEquals(String.valueOf(search), seen.get(3), "search's table counts exactly its lines");
        assertEquals("true", seen.get(4), "only search's lines are shown");
        assertEquals("search", seen.get(5), "a new run of the same scenario keeps the choice");
    }

    /** The table is the query over exactly the lines the engine wrote, with the engine's concurrency beside it. */
    @Test
    void theTableMatchesTheEnginesLines(@org.junit.jupiter.api.io.TempDir Path dir) {
        Scenario s = PresetCatalog.bundled("modal-cold-starts.json").withDuration(20, 0);
        World w = new World(s);
        w.recordReports(100_000);
        List<ReportLine> all = new ArrayList<>();
        List<Object[]> frames = new ArrayList<>();
        w.onInterval(i -> {
            List<ReportLine> lines = w.reportLog().drain();
            all.addAll(lines);
            frames.add(new Object[] {i, new OperateData(List.of(), lines, 0)});
        });
        w.runUntil(s.durationMicros());
        HeadlessFx.start();
        List<LogsInsights.Row> shown = HeadlessFx.onFx(() -> {
            DashboardCharts charts = new DashboardCharts();
            OperateView view = new OperateView(charts.operate);
            charts.reset(s);
            for (Object[] f : frames) {
                charts.add((lab.overload.engine.metrics.IntervalSnapshot) f[0]);
                charts.addOperate((OperateData) f[1]);
            }
            view.refresh();
            try {
                view.logs().exportTo(dir.resolve("lines.txt"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            assertTrue(view.logs().text().endsWith(all.get(all.size() - 1).text().replace("\t", "  ") + "\n"),
                    "the newest line is at the end of the text");
            return List.copyOf(view.logs().table().getItems());
        });
        assertEquals(all.size(), shown.stream().mapToLong(LogsInsights.Row::count).sum(), "every line is counted");
        List<String> exported;
        try {
            exported = Files.readAllLines(dir.resolve("lines.txt"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals(all.stream().map(ReportLine::text).toList(), exported, "the export holds every line, in order");
        for (LogsInsights.Row r : shown) {
            List<ReportLine> in = all.stream().filter(l -> l.endMicros() / 1_000_000 == r.second()).toList();
            double avg = in.stream().mapToDouble(ReportLine::durationMillis).average().orElseThrow();
            assertEquals(in.size(), r.count(), "count(*) of second " + r.second());
            assertEquals(avg, r.avgDurationMillis(), 1e-9, "avg(@duration) of second " + r.second());
            assertEquals(avg / 1000.0 * in.size(), r.concurrency(), 1e-9);
            if (r.second() < 19) {
                assertFalse(Double.isNaN(r.trueConcurrency()), "second " + r.second() + " has its true concurrency");
            }
        }
        for (int i = 1; i < shown.size(); i++) {
            assertTrue(shown.get(i - 1).concurrency() >= shown.get(i).concurrency(), "sorted by concurrency");
        }
    }

    @ParameterizedTest(name = "{0} {1}x{2}")
    @CsvSource({"modal-cold-starts, 1280, 720, true, 40", "modal-cold-starts, 1600, 960, false, 40",
        "timeouts-waste-work, 1280, 720, true, 70", "timeouts-waste-work, 1600, 960, false, 70"})
    void picturesOfTheTab(String preset, int width, int height, boolean presenter, double seconds)
            throws IOException {
        byte[] png = Screenshots.capture(PresetCatalog.bundled(preset + ".json"), seconds, Screenshots.OPERATE_TAB,
                width, height, presenter);
        Path out = Path.of("target", preset + "-operate-" + width + ".png");
        Files.createDirectories(out.getParent());
        Files.write(out, png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image);
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
    }
}
