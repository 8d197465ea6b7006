package lab.overload.app.view;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import lab.overload.app.fx.Styles;
import lab.overload.app.viewmodel.LabViewModel;
import lab.overload.app.viewmodel.RecordReplay;

/**
 * The scrub bar: back and forward by 10 s ([ and ]) and a slider over the sim time this run has reached. Moving to
 * an earlier time re-runs the run from t = 0 with the same scenario, seed and changes, as fast as possible, and
 * pauses there; the charts refill from the re-run. While recording is on it also says what a save keeps.
 */
final class Timebar extends HBox {
    final Slider slider = new Slider(0, 1, 0);
    final Label record = new Label();
    private boolean following;

    Timebar(LabViewModel vm) {
        super(6);
        setId("timebar");
        getStyleClass().add(Styles.TIMEBAR);
        setAlignment(Pos.CENTER_LEFT);
        RecordReplay rr = vm.recordReplay();
        Button back = button("-10 s", "Back 10 s of sim time, paused ([): a deterministic re-run from t = 0", -1, vm);
        Button forward = button("+10 s", "Forward 10 s of sim time, paused (])", 1, vm);
        slider.setId("scrub");
        slider.setFocusTraversable(false);
        slider.setPrefWidth(260);
        slider.setTooltip(new Tooltip("Scrub: drag to any sim time this run reached; an earlier time is re-run from"
                + " t = 0 with the same scenario, seed and changes, so it shows exactly what happened then"));
        slider.valueChangingProperty().addListener((o, was, changing) -> {
            if (!changing) {
                vm.seek(slider.getValue());
            }
        });
        slider.valueProperty().addListener((o, a, b) -> {
            if (!following && !slider.isValueChanging()) {
                vm.seek(b.doubleValue()); // a click on the track
            }
        });
        vm.simSecondsProperty().addListener((o, a, b) -> follow(vm));
        rr.furthestSecondsProperty().addListener((o, a, b) -> follow(vm));
        record.getStyleClass().add(Styles.RECORD_TEXT);
        record.textProperty().bind(rr.recordTextProperty());
        record.visibleProperty().bind(rr.recordingProperty());
        record.managedProperty().bind(record.visibleProperty());
        record.setTooltip(new Tooltip("Recording: Save keeps the scenario as it was at t = 0 (the last reset or load)"
                + " and every change made since, at its sim time, on its timeline"));
        getChildren().addAll(back, slider, forward, record);
    }

    /** Keeps the slider on the run's time and its range on the furthest time reached, without seeking. */
    private void follow(LabViewModel vm) {
        if (slider.isValueChanging()) {
            return;
        }
        following = true;
        try {
            double now = vm.simSecondsProperty().get();
            slider.setMax(Math.max(1, Math.max(now, vm.recordReplay().furthestSecondsProperty().get())));
            slider.setValue(now);
        } finally {
            following = false;
        }
    }

    private static Button button(String text, String tip, int direction, LabViewModel vm) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setOnAction(e -> vm.nudgeTime(direction));
        return b;
    }

    /** "Scrubbing to 1:23.4: re-running from t = 0" for the status bar. */
    static String scrubbingText(double targetSeconds) {
        int m = (int) (targetSeconds / 60);
        return String.format(Locale.ROOT, "Scrubbing to %d:%04.1f: re-running from t = 0", m,
                targetSeconds - 60 * m);
    }
}
