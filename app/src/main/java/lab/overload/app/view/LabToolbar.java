package lab.overload.app.view;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import lab.overload.app.fx.Focus;
import lab.overload.app.fx.Icons;
import lab.overload.app.fx.Styles;
import lab.overload.app.viewmodel.LabViewModel;
import lab.overload.app.viewmodel.PresetCatalog;
import org.controlsfx.control.SegmentedButton;

/** Preset picker, open/save, play/pause, step, reset, speed with achieved speed, seed, chart window, presenter. */
public final class LabToolbar extends ToolBar {
    public final ComboBox<PresetCatalog.Entry> presets = new ComboBox<>();
    public final Button open = iconButton(Icons.OPEN, "Open a scenario file (Ctrl+O)");
    public final Button save = iconButton(Icons.SAVE, "Save the scenario with your changes (Ctrl+S)");
    /** Filled by {@link ExportActions}. */
    public final MenuButton export = new MenuButton("Export");
    public final Button play = iconButton(Icons.PLAY, "Play / pause (Space)");
    public final Button step = iconButton(Icons.STEP, "Step one interval (Right arrow)");
    public final Button reset = iconButton(Icons.RESET, "Reset to t = 0 with the preset's values (R)");
    public final ToggleButton record = new ToggleButton("Rec");
    public final ToggleButton ab = new ToggleButton("A/B");
    public final Slider speed = new Slider(Math.log10(0.1), Math.log10(100), 0);
    public final Label speedLabel = new Label();
    public final TextField seed = new TextField();
    public final SegmentedButton window = new SegmentedButton();
    public final ToggleButton presenter = new ToggleButton();
    public final Button fullScreen = iconButton(Icons.FULLSCREEN, "Full screen (F11)");

    LabToolbar(LabViewModel vm, Consumer<Double> onWindow) {
        getStyleClass().add(Styles.TOOLBAR);
        presets.setId("preset-picker");
        presets.setTooltip(new Tooltip("Lessons and your own presets (" + PresetCatalog.userFolder() + ")"));
        presets.getItems().setAll(PresetCatalog.all());
        selectPreset(vm.loadedProperty().get());
        export.setId("export");
        export.setTooltip(new Tooltip("Export the charts tab (PNG), the intervals (CSV), the summary (JSON) or the "
                + "scenario with your live changes (Ctrl+Shift+E, I, J, X)"));
        export.setFocusTraversable(false);
        play.setId("play");
        step.setId("step");
        reset.setId("reset");
        vm.runningProperty().addListener((o, a, running) -> {
            play.setGraphic(Icons.of(running ? Icons.PAUSE : Icons.PLAY, 22));
            updateSpeedLabel(vm);
        });
        record.setId("record");
        record.getStyleClass().add(Styles.RECORD_TOGGLE);
        record.setFocusTraversable(false);
        record.setTooltip(new Tooltip("Record: while on, Save keeps the scenario as it was at t = 0 with every change"
                + " you made since (the last reset) on its timeline, at its sim time; opening that file replays the"
                + " session. Off: Save keeps the current values."));
        record.selectedProperty().bindBidirectional(vm.recordReplay().recordingProperty());
        ab.setId("ab");
        ab.getStyleClass().add(Styles.AB_TOGGLE);
        ab.setFocusTraversable(false);
        ab.setTooltip(new Tooltip("A/B (B): run a copy B of this run beside it on the same seed, from now; change A, B"
                + " or both in the controls and compare: B is drawn dashed, the legend shows B\u2212A. Reset or"
                + " another preset ends it."));
        ab.setOnAction(e -> vm.setAbSplit(ab.isSelected()));
        vm.ab().onProperty().addListener((o, a, on) -> ab.setSelected(on));
        play.setOnAction(e -> vm.togglePlay());
        step.setOnAction(e -> vm.step());
        reset.setOnAction(e -> vm.reset());

        speed.setId("speed");
        speed.setPrefWidth(140);
        speed.setTooltip(new Tooltip("Simulation speed, 0.1x to 100x sim seconds per wall second (+ / -)"));
        speed.valueProperty().addListener((o, a, b) -> {
            if (speed.isValueChanging() || speed.isFocused()) {
                vm.setSpeed(snap(Math.pow(10, b.doubleValue())));
            }
        });
        vm.speedProperty().addListener((o, a, b) -> {
            if (!speed.isValueChanging()) {
                speed.setValue(Math.log10(b.doubleValue()));
            }
            updateSpeedLabel(vm);
        });
        vm.achievedSpeedProperty().addListener((o, a, b) -> updateSpeedLabel(vm));
        speedLabel.getStyleClass().add(Styles.SPEED_LABEL);
        speedLabel.setMinWidth(120);
        updateSpeedLabel(vm);

        seed.setId("seed");
        seed.setPrefColumnCount(6);
        seed.setTooltip(new Tooltip("Seed of every random stream; Enter restarts with it (same seed, same run)"));
        seed.setText(Long.toString(vm.scenarioProperty().get().seed()));
        vm.scenarioProperty().addListener((o, a, b) -> {
            if (!seed.isFocused()) {
                seed.setText(Long.toString(b.seed()));
            }
        });
        Focus.commitOrRestore(seed, () -> {
            try {
                vm.setSeed(Long.parseLong(seed.getText().trim()));
            } catch (IllegalArgumentException ex) {
                vm.reportError("seed must be an integer in [0, 9007199254740991], was '" + seed.getText() + "'");
                seed.setText(Long.toString(vm.scenarioProperty().get().seed()));
            }
            return true;
        }, () -> seed.setText(Long.toString(vm.scenarioProperty().get().seed())));

        for (double[] w : new double[][] {{30}, {120}, {600}}) {
            ToggleButton b = new ToggleButton(w[0] < 60 ? (int) w[0] + " s" : (int) (w[0] / 60) + " min");
            b.setTooltip(new Tooltip("Show the last " + b.getText() + " of sim time"));
            b.setOnAction(e -> onWindow.accept(w[0]));
            window.getButtons().add(b);
        }
        window.getButtons().get(1).setSelected(true);

        presenter.setId("presenter");
        presenter.setGraphic(Icons.of(Icons.PRESENTER, 22));
        presenter.setTooltip(new Tooltip("Presenter mode: large fonts, lesson and controls collapsed so the charts get"
                + " the room (P; L and C open the panels)"));
        presenter.setFocusTraversable(false);
        Label windowLabel = new Label("Window");
        // In presenter mode the segments' own tooltips say what they are; the label gives its room to the charts' row.
        windowLabel.visibleProperty().bind(presenter.selectedProperty().not());
        windowLabel.managedProperty().bind(windowLabel.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox speedBox = new HBox(6, new Label("Speed"), speed, speedLabel);
        speedBox.setAlignment(Pos.CENTER_LEFT);
        HBox windowBox = new HBox(6, windowLabel, window);
        windowBox.setAlignment(Pos.CENTER_LEFT);
        HBox seedBox = new HBox(6, new Label("Seed"), seed);
        seedBox.setAlignment(Pos.CENTER_LEFT);
        // Least needed last: on a narrow window the toolbar moves the last items into its overflow menu (>>).
        getItems().addAll(presets, open, save, export, new Separator(), play, step, reset, record, ab, new Separator(),
                speedBox,
                new Separator(), windowBox, presenter, fullScreen, spacer, seedBox);
        neverCut(this);
    }

    /** Labels in the toolbar keep their whole text: an item that does not fit goes to the overflow menu instead. */
    private static void neverCut(javafx.scene.Parent parent) {
        for (javafx.scene.Node n : parent.getChildrenUnmodifiable()) {
            if (n instanceof javafx.scene.control.Labeled || n instanceof TextField || n instanceof ComboBox<?>) {
                ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
            }
            if (n instanceof javafx.scene.Parent p) {
                neverCut(p);
            }
        }
        if (parent instanceof ToolBar bar) {
            for (javafx.scene.Node n : bar.getItems()) {
                if (n instanceof javafx.scene.Parent p) {
                    neverCut(p);
                }
                if (n instanceof Region r && !(n instanceof Separator) && HBox.getHgrow(n) == null) {
                    r.setMinWidth(Region.USE_PREF_SIZE);
                }
            }
        }
    }

    /**
     * Lists the presets again (a saved file shows at once). With {@code select}, shows that file as the picked one,
     * adding it when it lies outside the preset folder; else keeps the current pick.
     */
    public void refreshPresets(java.nio.file.Path select) {
        refreshing = true;
        try {
            relist(select);
        } finally {
            refreshing = false;
        }
    }

    /** What to do when the user picks an entry (not when the list is refreshed). */
    public void onPick(Consumer<PresetCatalog.Entry> action) {
        presets.setOnAction(e -> {
            PresetCatalog.Entry entry = presets.getSelectionModel().getSelectedItem();
            if (!refreshing && entry != null) {
                action.accept(entry);
            }
        });
    }

    private boolean refreshing;

    private void relist(java.nio.file.Path select) {
        PresetCatalog.Entry current = presets.getSelectionModel().getSelectedItem();
        java.util.List<PresetCatalog.Entry> entries = new java.util.ArrayList<>(PresetCatalog.all());
        PresetCatalog.Entry wanted = current;
        if (select != null) {
            wanted = entries.stream().filter(e -> e.file() != null && sameFile(e.file(), select)).findFirst()
                    .orElse(null);
            if (wanted == null) {
                wanted = PresetCatalog.readUser(select);
                entries.add(wanted);
            }
        }
        presets.getItems().setAll(entries);
        if (wanted != null && entries.contains(wanted)) {
            presets.getSelectionModel().select(wanted);
        }
    }

    private static boolean sameFile(java.nio.file.Path a, java.nio.file.Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /** Shows the preset of that name as selected, if it is one. */
    void selectPreset(lab.overload.models.scenario.Scenario s) {
        for (PresetCatalog.Entry e : presets.getItems()) {
            if (e.ok() && e.scenario().equals(s)) {
                presets.getSelectionModel().select(e);
                return;
            }
        }
    }

    private void updateSpeedLabel(LabViewModel vm) {
        double achieved = vm.achievedSpeedProperty().get();
        speedLabel.setText(vm.runningProperty().get()
                ? String.format(Locale.ROOT, "%sx (got %.1fx)", fmt(vm.speedProperty().get()), achieved)
                : fmt(vm.speedProperty().get()) + "x (paused)");
    }

    private static String fmt(double v) {
        return v >= 1 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** Snaps a speed to two significant digits so the label stays readable. */
    private static double snap(double v) {
        double mag = Math.pow(10, Math.floor(Math.log10(v)) - 1);
        return Math.max(0.1, Math.min(100, Math.round(v / mag) * mag));
    }

    private static Button iconButton(String icon, String tip) {
        Button b = new Button();
        b.setGraphic(Icons.of(icon, 22));
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        return b;
    }
}
