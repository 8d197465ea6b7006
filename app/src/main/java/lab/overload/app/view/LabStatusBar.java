package lab.overload.app.view;

import java.util.Locale;
import javafx.scene.control.Label;
import lab.overload.app.fx.Icons;
import lab.overload.app.fx.Styles;
import lab.overload.app.viewmodel.LabViewModel;
import org.controlsfx.control.StatusBar;

/**
 * Sim time (or the scrub under way), the scrub bar, achieved speed, events per second, and a visible warning when the
 * engine is behind real time.
 */
final class LabStatusBar extends StatusBar {
    private final Label speed = new Label();
    private final Label events = new Label();
    private final Label behind = new Label("Behind real time");

    LabStatusBar(LabViewModel vm) {
        setId("status-bar");
        behind.setGraphic(Icons.of(Icons.WARNING, 16));
        behind.getStyleClass().add(Styles.BEHIND);
        behind.visibleProperty().bind(vm.behindProperty());
        behind.managedProperty().bind(vm.behindProperty());
        for (Label l : new Label[] {behind, speed, events}) {
            l.setPadding(new javafx.geometry.Insets(0, 12, 0, 12));
        }
        getRightItems().addAll(behind, new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL),
                speed, new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL), events);
        var rr = vm.recordReplay();
        getLeftItems().add(new Timebar(vm));
        vm.simSecondsProperty().addListener((o, a, b) -> showTime(vm));
        rr.scrubbingProperty().addListener((o, a, b) -> showTime(vm));
        vm.achievedSpeedProperty().addListener((o, a, b) ->
                speed.setText(String.format(Locale.ROOT, "achieved %.2fx", b.doubleValue())));
        vm.eventsPerSecondProperty().addListener((o, a, b) ->
                events.setText(String.format(Locale.ROOT, "%,.0f events/s", b.doubleValue())));
        setText(time(0));
    }

    private void showTime(LabViewModel vm) {
        boolean scrubbing = vm.recordReplay().scrubbingProperty().get();
        getStyleClass().remove(Styles.SCRUBBING);
        if (scrubbing) {
            getStyleClass().add(Styles.SCRUBBING);
        }
        setText(scrubbing ? Timebar.scrubbingText(vm.recordReplay().scrubTargetSecondsProperty().get())
                : time(vm.simSecondsProperty().get()));
    }

    private static String time(double seconds) {
        int m = (int) (seconds / 60);
        return String.format(Locale.ROOT, "sim time %d:%04.1f  (%.1f s)", m, seconds - 60 * m, seconds);
    }
}
