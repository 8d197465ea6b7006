package lab.overload.app.view;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import lab.overload.app.fx.Styles;
import lab.overload.app.viewmodel.AbState;
import lab.overload.engine.run.AbSide;
import org.controlsfx.control.SegmentedButton;

/**
 * The control panel's side picker during an A/B split: the controls change side A, side B or both (and show the
 * values of side B while they change it).
 */
final class AbSidePicker extends HBox {
    AbSidePicker(AbState ab) {
        super(8);
        setId("ab-sides");
        getStyleClass().add(Styles.AB_SIDES);
        setAlignment(Pos.CENTER_LEFT);
        SegmentedButton buttons = new SegmentedButton();
        for (AbSide side : AbSide.values()) {
            ToggleButton b = new ToggleButton(side == AbSide.BOTH ? "both" : side.name());
            b.setId("ab-side-" + side.name().toLowerCase(java.util.Locale.ROOT));
            b.setUserData(side);
            b.setFocusTraversable(false);
            b.setTooltip(new Tooltip(side == AbSide.BOTH ? "Changes go to both sides at the same sim time"
                    : "Changes go to side " + side + " only; the controls show its values"));
            b.setOnAction(e -> {
                b.setSelected(true); // one side is always chosen
                ab.sideProperty().set(side);
            });
            buttons.getButtons().add(b);
        }
        ab.sideProperty().addListener((o, a, s) -> select(buttons, s));
        select(buttons, ab.sideProperty().get());
        getChildren().addAll(new Label("A/B: change"), buttons);
    }

    private static void select(SegmentedButton buttons, AbSide side) {
        for (ToggleButton b : buttons.getButtons()) {
            b.setSelected(b.getUserData() == side);
        }
    }
}
