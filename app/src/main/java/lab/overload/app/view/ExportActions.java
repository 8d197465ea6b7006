package lab.overload.app.view;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import lab.overload.app.headless.ReportCharts;
import lab.overload.app.viewmodel.LabViewModel;
import lab.overload.app.viewmodel.RunSoFar;
import lab.overload.models.json.AtomicFiles;

/**
 * The Export menu (toolbar, and Ctrl+Shift+E/I/J/X): a PNG of the charts tab on screen, the intervals so far as CSV
 * and the summary so far as JSON (the formats of {@code run --intervals} and {@code run --summary}), and the scenario
 * with the live changes so far on its timeline. The picture is taken on the FX thread; the rest is computed from a
 * deterministic re-run on a background thread, so the window never waits for it. Every file is written atomically;
 * success shows in the confirmation bar, a failure in the error bar naming the file.
 */
public final class ExportActions {
    /** What can be exported: menu text, key, file-chooser filter and default file-name suffix. */
    public enum Kind {
        CHART_PNG("Charts tab as PNG", KeyCode.E, "PNG image", "png", "-charts"),
        INTERVALS_CSV("Intervals so far as CSV", KeyCode.I, "CSV", "csv", "-intervals"),
        SUMMARY_JSON("Summary so far as JSON", KeyCode.J, "JSON", "json", "-summary"),
        SCENARIO_JSON("Scenario with live changes on its timeline", KeyCode.X, "Scenario JSON", "json",
                "-recorded");

        final String text;
        final KeyCode key;
        final String filter;
        final String extension;
        final String suffix;

        Kind(String text, KeyCode key, String filter, String extension, String suffix) {
            this.text = text;
            this.key = key;
            this.filter = filter;
            this.extension = extension;
            this.suffix = suffix;
        }

        /** The menu text as part of a sentence ("intervals so far as CSV"). */
        String noun() {
            return Character.toLowerCase(text.charAt(0)) + text.substring(1);
        }

        /** The key combination of this export (Shortcut+Shift+key). */
        public KeyCombination accelerator() {
            return new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
        }
    }

    private final LabViewModel vm;
    private final ChartsView charts;
    private final Node anchor;
    private Path lastFolder;
    private Function<Kind, Path> picker = this::askWithDialog;

    ExportActions(LabViewModel vm, ChartsView charts, Node anchor) {
        this.vm = vm;
        this.charts = charts;
        this.anchor = anchor;
    }

    /** Fills the toolbar's Export menu, one item per {@link Kind}, with its key. */
    void install(MenuButton menu) {
        for (Kind kind : Kind.values()) {
            MenuItem item = new MenuItem(kind.text + "...");
            item.setId("export-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            item.setAccelerator(kind.accelerator());
            item.setOnAction(e -> choose(kind));
            menu.getItems().add(item);
        }
    }

    /** Asks for a file (with the picker, a save dialog unless replaced), then exports to it. */
    public void choose(Kind kind) {
        Path file = picker.apply(kind);
        if (file != null) {
            lastFolder = file.toAbsolutePath().getParent();
            export(kind, file);
        }
    }

    /** Replaces the save dialog that asks where an export goes (it returns null to cancel). */
    public void usePicker(Function<Kind, Path> replacement) {
        this.picker = replacement;
    }

    private Path askWithDialog(Kind kind) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + kind.noun());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind.filter, "*." + kind.extension));
        chooser.setInitialFileName(fileStem() + kind.suffix + "." + kind.extension);
        if (lastFolder != null && lastFolder.toFile().isDirectory()) {
            chooser.setInitialDirectory(lastFolder.toFile());
        }
        File f = chooser.showSaveDialog(anchor.getScene() == null ? null : anchor.getScene().getWindow());
        return f == null ? null : f.toPath();
    }

    /**
     * Exports to {@code file}; call on the FX thread. The future completes (on the FX thread, after the bars show the
     * outcome) with the file, or exceptionally with the failure that the error bar shows.
     */
    public CompletableFuture<Path> export(Kind kind, Path file) {
        CompletableFuture<Path> done = new CompletableFuture<>();
        Supplier<byte[]> content;
        try {
            if (kind == Kind.CHART_PNG) {
                WritableImage shot = chartsSnapshot();
                content = () -> ReportCharts.png(SwingFXUtils.fromFXImage(shot, null));
            } else {
                RunSoFar run = new RunSoFar(vm.runStart(), vm.runner().controlLog(),
                        vm.runner().status().simMicros());
                content = () -> text(kind, run).getBytes(StandardCharsets.UTF_8);
            }
        } catch (RuntimeException e) {
            fail(kind, file, e, done);
            return done;
        }
        Thread worker = new Thread(() -> {
            try {
                AtomicFiles.write(file, content.get());
                Platform.runLater(() -> {
                    vm.confirm("Exported " + kind.noun() + " to " + file);
                    done.complete(file);
                });
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> fail(kind, file, e, done));
            }
        }, "overload-lab-export");
        worker.setDaemon(true);
        worker.start();
        return done;
    }

    private static String text(Kind kind, RunSoFar run) {
        return switch (kind) {
            case INTERVALS_CSV -> run.intervalsCsv();
            case SUMMARY_JSON -> run.summaryJson();
            case SCENARIO_JSON -> run.scenarioJson();
            case CHART_PNG -> throw new IllegalArgumentException("a picture is not text");
        };
    }

    /** The selected charts tab's content as the user sees it now. */
    private WritableImage chartsSnapshot() {
        var tab = charts.getSelectionModel().getSelectedItem();
        Node content = tab == null ? null : tab.getContent();
        return (content == null ? charts : content).snapshot(null, null);
    }

    private void fail(Kind kind, Path file, Exception e, CompletableFuture<Path> done) {
        String reason;
        if (e instanceof FileSystemException f) {
            reason = f.getReason() != null ? f.getReason() : e.getClass().getSimpleName();
        } else {
            reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
        vm.reportError("Could not export " + kind.noun() + " to " + file + ": " + reason
                + " (the file was left as it was)");
        done.completeExceptionally(e);
    }

    private String fileStem() {
        String name = vm.scenarioProperty().get().name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return name.isEmpty() ? "overload-lab" : name;
    }
}
