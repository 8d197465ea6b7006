package lab.overload.app.view;

import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import lab.overload.app.viewmodel.ChartOptions;
import lab.overload.app.viewmodel.Smoothing;

/**
 * The row above the live charts that says how they read: lines are raw samples; legend values and read-outs are
 * raw, a 1 s mean or a 5 s mean (bound to {@link ChartOptions#smoothingProperty()}).
 */
final class ChartOptionsBar extends HBox {
    static final String STYLE = "chart-options";

    final ChoiceBox<Smoothing> smoothing = new ChoiceBox<>();

    ChartOptionsBar(ChartOptions options) {
        super(8);
        getStyleClass().add(STYLE);
        setAlignment(Pos.CENTER_LEFT);
        smoothing.setId("smoothing");
        smoothing.getItems().setAll(Smoothing.values());
        smoothing.valueProperty().bindBidirectional(options.smoothingProperty());
        Tooltip tip = new Tooltip("Lines always show every sample (one per metrics interval, usually 100 ms). Legend"
                + " values and the hover read-out can average the last 1 s or 5 s of sim time, so jittery rates read"
                + " steadily; raw shows the newest sample.");
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        smoothing.setTooltip(tip);
        Label values = new Label("Values:");
        Label lines = new Label("(legend and read-out; lines are raw samples)");
        values.setMinWidth(USE_PREF_SIZE);
        lines.setMinWidth(0);
        smoothing.setMinWidth(USE_PREF_SIZE);
        getChildren().addAll(values, smoothing, lines);
    }
}
