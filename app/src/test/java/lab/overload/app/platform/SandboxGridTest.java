package lab.overload.app.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import lab.overload.app.headless.HeadlessFx;
import lab.overload.engine.metrics.IntervalSnapshot;
import lab.overload.engine.metrics.PlatformInterval;
import lab.overload.engine.run.BatchRunner;
import lab.overload.models.json.ScenarioCodec;
import lab.overload.models.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The sandbox grid at the size the Platform tab gives it in presenter mode (about 500 x 260 px): a cell per sandbox
 * while cells stay at least {@link SandboxGrid#MIN_CELL} px, bars stacked by state for thousands; either way the
 * sandboxes drawn per worker manager and state are the snapshot's.
 */
class SandboxGridTest {
    private static final double WIDTH = 500;
    private static final double HEIGHT = 260;

    /** Constant work of {@code workMillis} at {@code rate} per second, no init: about rate x work busy sandboxes. */
    private static Scenario scenario(double rate, double workMillis) {
        return ScenarioCodec.read(("""
                {'name': 'grid', 'durationSeconds': 3, 'intervalMillis': 100,
                 'clients': [{'name': 'web', 'target': 'f', 'ratePerSecond': RATE, 'timeoutKind': 'NONE'},
                             {'name': 'batch', 'target': 'g', 'ratePerSecond': RATE, 'timeoutKind': 'NONE'}],
                 'platform': [{'name': 'acct', 'concurrencyLimit': 20000, 'placementMillis': 0}],
                 'functions': [{'name': 'f', 'durationDistribution': 'CONSTANT', 'durationMillis': WORK,
                                'initMillis': 50, 'keepAliveSeconds': 60},
                               {'name': 'g', 'durationDistribution': 'CONSTANT', 'durationMillis': WORK,
                                'initMillis': 50, 'keepAliveSeconds': 60}]}""")
                .replace("RATE", Double.toString(rate)).replace("WORK", Double.toString(workMillis))
                .replace('\'', '"'));
    }

    private static PlatformInterval last(Scenario s) {
        List<IntervalSnapshot> run = BatchRunner.run(s, List.of(), true).intervals();
        return run.get(run.size() - 1).platform();
    }

    /** Draws the snapshot on a grid of the tab's size; returns the grid after its redraw. */
    private static SandboxGrid drawn(PlatformInterval p) {
        HeadlessFx.start();
        return HeadlessFx.onFx(() -> {
            SandboxGrid grid = new SandboxGrid();
            StackPane root = new StackPane(grid);
            Scene scene = new Scene(root, WIDTH, HEIGHT);
            scene.getStylesheets().add(SandboxGrid.class.getResource("/assets/chart.css").toExternalForm());
            grid.show(p);
            root.applyCss();
            root.layout();
            grid.redraw();
            return grid;
        });
    }

    private static List<Integer> counts(PlatformInterval p, java.util.function.BiFunction<Integer, Integer, Integer> n) {
        List<Integer> out = new ArrayList<>();
        for (int wm = 0; wm < p.workerManagers(); wm++) {
            for (int st = 0; st < PlatformInterval.STATES; st++) {
                out.add(n.apply(wm, st));
            }
        }
        return out;
    }

    @Test
    void aFewSandboxesAreCellsAndEachIsDrawn() {
        PlatformInterval p = last(scenario(20, 100));
        int total = 0;
        for (int wm = 0; wm < p.workerManagers(); wm++) {
            total += p.onWorkerManager(wm);
        }
        assertTrue(total > 2 && total < 100, "a few sandboxes: " + total);
        SandboxGrid grid = drawn(p);
        assertEquals(SandboxGrid.Mode.CELLS, grid.mode());
        assertTrue(grid.cellSize() >= SandboxGrid.MIN_CELL, "cell " + grid.cellSize());
        assertEquals(counts(p, p::onWorkerManager), counts(p, grid::drawn), "cells drawn per worker manager and state");
    }

    @Test
    void thousandsOfSandboxesBecomeBarsWithTheSameCounts() {
        PlatformInterval p = last(scenario(6000, 200));
        int total = 0;
        for (int wm = 0; wm < p.workerManagers(); wm++) {
            total += p.onWorkerManager(wm);
        }
        assertTrue(total > 2000, "thousands of sandboxes: " + total);
        SandboxGrid grid = drawn(p);
        assertEquals(SandboxGrid.Mode.BARS, grid.mode(), "cells of " + GridScale.cell(grid.scale(), WIDTH, 50, 26)
                + " px would be unreadable");
        assertTrue(grid.scale() >= p.largestWorkerManager());
        assertEquals(counts(p, p::onWorkerManager), counts(p, grid::drawn), "bar segments per worker manager and state");
    }

    @Test
    void theScaleOnlyGrowsDuringARun() {
        assertEquals(List.of(20L, 50L, 100L, 200L, 500L, 1000L), List.of(GridScale.next(10),
                GridScale.next(20), GridScale.next(50), GridScale.next(100),
                GridScale.next(200), GridScale.next(500)));
        assertEquals(0, GridScale.cell(10_000, 400, 40, 26), "10,000 cells do not fit 400 x 40 px");
        assertEquals(20, GridScale.cell(40, 400, 40, 26), "40 cells: 20 per row of 20 px, 2 rows");
    }
}
