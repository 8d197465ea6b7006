package lab.overload.app.view;

import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import lab.overload.app.fx.Styles;

/** The controls collapsed to a narrow strip: one upright button that opens them again (C). */
final class ControlsStrip extends VBox {
    ControlsStrip(Runnable onOpen) {
        getStyleClass().addAll(Styles.CONTROLS, Styles.CONTROLS_STRIP);
        setAlignment(Pos.TOP_CENTER);
        Label text = new Label("Controls (C)");
        text.setRotate(-90);
        text.setMinWidth(Label.USE_PREF_SIZE);
        Button open = new Button();
        open.setId("open-controls");
        open.setGraphic(new Group(text));
        open.setTooltip(new Tooltip("Show every parameter of the scenario (C)"));
        open.setFocusTraversable(false);
        open.setOnAction(e -> onOpen.run());
        getChildren().add(open);
    }
}
