package lab.overload.app.view;

import java.util.function.BiConsumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import lab.overload.app.fx.Focus;
import lab.overload.app.fx.Icons;
import lab.overload.app.fx.Styles;
import lab.overload.models.scenario.FieldDef;
import lab.overload.models.scenario.Parameter;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.control.ToggleSwitch;

/**
 * One parameter's control, built from its field definition: a label with unit, a slider (logarithmic where the range
 * spans decades) or a choice, a typed field beside it, and a reset-to-preset button. Every change goes out as
 * {@code (path, text value)}; the control never touches the engine.
 */
final class ParameterControl extends VBox {
    /** Slider step of the arrow keys, as a fraction of the slider (about 9 % of the value on a four-decade log). */
    static final double KEY_STEP = 0.01;

    private final Parameter parameter;
    private final FieldDef def;
    private final BiConsumer<String, String> onChange;
    private final TextField field = new TextField();
    private final Button reset = new Button();
    private Slider slider;
    private SliderScale scale;
    private ComboBox<String> combo;
    private SegmentedButton segments;
    private ToggleSwitch toggle;
    private final double presetValue;
    private boolean updating;

    ParameterControl(Parameter parameter, double presetValue, BiConsumer<String, String> onChange) {
        this.parameter = parameter;
        this.def = parameter.def();
        this.presetValue = presetValue;
        this.onChange = onChange;
        getStyleClass().add(Styles.CONTROL);
        setId("param-" + parameter.path());

        String path = parameter.path();
        Label name = new Label(path.substring(path.indexOf('.', path.indexOf('.') + 1) + 1));
        name.getStyleClass().add(Styles.CONTROL_LABEL);
        Label unit = new Label(def.unit());
        unit.getStyleClass().add(Styles.CONTROL_UNIT);
        HBox header = new HBox(6, name);
        if (!def.live()) {
            var badge = Icons.of(Icons.RESTART, 14);
            badge.getStyleClass().add(Styles.RESTART_BADGE);
            Tooltip.install(badge, new Tooltip("Changing this restarts the run from t = 0"));
            header.getChildren().add(badge);
        }
        HBox.setHgrow(name, Priority.ALWAYS);
        header.setAlignment(Pos.CENTER_LEFT);

        reset.setGraphic(Icons.of(Icons.UNDO, 14));
        reset.getStyleClass().add("reset-button");
        reset.setTooltip(new Tooltip("Back to the preset's value"));
        reset.setOnAction(e -> send(presetValue));

        field.setPrefColumnCount(7);
        field.getStyleClass().add(Styles.CONTROL_VALUE);
        Focus.commitOrRestore(field, this::commitField, () -> {
            field.setText(def.display(currentValue));
            field.getStyleClass().remove(Styles.CONTROL_INVALID);
        });
        field.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                commitField();
            }
        });

        javafx.scene.Node input = buildInput();
        HBox row = new HBox(6, input, field, unit, reset);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(input, Priority.ALWAYS);
        getChildren().addAll(header, row);

        Tooltip tip = new Tooltip(def.description() + " (" + def.rangeText() + ")\n" + path);
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        Tooltip.install(this, tip);
        Tooltip.install(field, tip);
        show(parameter.value());
    }

    private javafx.scene.Node buildInput() {
        switch (def.kind()) {
            case REAL, INTEGER -> {
                scale = SliderScale.around(def, parameter.value());
                slider = new Slider(0, 1, scale.toPosition(parameter.value()));
                slider.setId("slider-" + parameter.path());
                slider.setBlockIncrement(KEY_STEP);
                // A drag previews its value in the field and sends one change when released (one marker on the
                // charts, one command to the engine); a click on the track or an arrow key sends at once.
                slider.valueProperty().addListener((o, a, b) -> {
                    if (!updating) {
                        double v = scale.snapped(def, b.doubleValue(), slider.getWidth());
                        if (slider.isValueChanging()) {
                            field.setText(def.display(v));
                        } else {
                            send(v);
                        }
                    }
                });
                slider.valueChangingProperty().addListener((o, was, changing) -> {
                    if (was && !changing && !updating) {
                        send(scale.snapped(def, slider.getValue(), slider.getWidth()));
                    }
                });
                return slider;
            }
            case BOOLEAN -> {
                toggle = new ToggleSwitch();
                toggle.selectedProperty().addListener((o, a, b) -> {
                    if (!updating) {
                        send(b ? 1 : 0);
                    }
                });
                field.setVisible(false);
                field.setManaged(false);
                return toggle;
            }
            default -> {
                field.setVisible(false);
                field.setManaged(false);
                if (String.join("", def.choices()).length() <= 16) {
                    segments = new SegmentedButton();
                    for (int i = 0; i < def.choices().size(); i++) {
                        ToggleButton b = new ToggleButton(def.choices().get(i));
                        int index = i;
                        b.setOnAction(e -> {
                            if (!updating) {
                                send(index);
                            }
                        });
                        segments.getButtons().add(b);
                    }
                    return segments;
                }
                combo = new ComboBox<>();
                combo.getItems().setAll(def.choices());
                combo.setOnAction(e -> {
                    if (!updating && combo.getSelectionModel().getSelectedIndex() >= 0) {
                        send(combo.getSelectionModel().getSelectedIndex());
                    }
                });
                return combo;
            }
        }
    }

    String path() {
        return parameter.path();
    }

    Slider slider() {
        return slider;
    }

    private double currentValue;
    /** The text last sent from the field, so losing the focus after Enter does not send it again. */
    private String sentText;

    /** Shows the engine's current value without sending it back. */
    void show(double value) {
        currentValue = value;
        sentText = null;
        updating = true;
        try {
            if (!field.isFocused()) { // never overwrite what the user is typing
                field.setText(def.display(value));
                field.getStyleClass().remove(Styles.CONTROL_INVALID);
            }
            if (slider != null && !slider.isValueChanging()) {
                slider.setValue(scale.toPosition(value));
            }
            if (toggle != null) {
                toggle.setSelected(value != 0);
            }
            if (combo != null) {
                combo.getSelectionModel().select((int) value);
            }
            if (segments != null) {
                segments.getButtons().get((int) value).setSelected(true);
            }
        } finally {
            updating = false;
        }
        boolean changed = value != presetValue;
        reset.setDisable(!changed);
        if (changed) {
            if (!getStyleClass().contains(Styles.CONTROL_CHANGED)) {
                getStyleClass().add(Styles.CONTROL_CHANGED);
            }
        } else {
            getStyleClass().remove(Styles.CONTROL_CHANGED);
        }
    }

    /**
     * Sends the typed value if it changed; returns false when it is invalid (the field turns red and the message names
     * the field and its range; the field keeps the focus so the value can be corrected).
     */
    private boolean commitField() {
        String text = field.getText().trim();
        if (text.equals(def.display(currentValue)) || text.equals(sentText)) {
            return true;
        }
        try {
            double v = def.parse(parameter.path(), text);
            send(v);
            sentText = text;
            return true;
        } catch (IllegalArgumentException e) {
            if (!field.getStyleClass().contains(Styles.CONTROL_INVALID)) {
                field.getStyleClass().add(Styles.CONTROL_INVALID);
            }
            onError.accept(e.getMessage());
            return false;
        }
    }

    private java.util.function.Consumer<String> onError = m -> { };

    void setOnError(java.util.function.Consumer<String> handler) {
        onError = handler;
    }

    private void send(double encoded) {
        try {
            onChange.accept(parameter.path(), FieldDef.format(encoded));
            field.getStyleClass().remove(Styles.CONTROL_INVALID);
        } catch (IllegalArgumentException e) {
            onError.accept(e.getMessage());
        }
    }
}
