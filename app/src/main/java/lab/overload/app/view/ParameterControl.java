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
        field.setOnAction(e -> commitField());
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
                slider.valueProperty().addListener((o, a, b) -> {
                    if (!updating) {
                        double v = scale.toValue(b.doubleValue());
                        send(def.kind() == FieldDef.Kind.INTEGER ? Math.round(v) : roundSignificant(v, 3));
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

    /** Shows the engine's current value without sending it back. */
    void show(double value) {
        currentValue = value;
        updating = true;
        try {
            field.setText(def.display(value));
            field.getStyleClass().remove(Styles.CONTROL_INVALID);
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

    private void commitField() {
        String text = field.getText().trim();
        if (text.equals(def.display(currentValue))) {
            return;
        }
        try {
            double v = def.parse(parameter.path(), text);
            send(v);
        } catch (IllegalArgumentException e) {
            if (!field.getStyleClass().contains(Styles.CONTROL_INVALID)) {
                field.getStyleClass().add(Styles.CONTROL_INVALID);
            }
            onError.accept(e.getMessage());
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

    /** Rounds to a few significant digits, so dragged values read like values people type. */
    static double roundSignificant(double v, int digits) {
        if (v == 0 || !Double.isFinite(v)) {
            return v;
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(digits)).doubleValue();
    }

    /** Maps slider position 0..1 to a value: linear, or logarithmic when the range spans decades. */
    record SliderScale(double lo, double hi, boolean log) {
        static SliderScale around(FieldDef def, double value) {
            if (def.logScale()) {
                double floor = def.min() > 0 ? def.min() : Math.min(1, def.max() / 1000);
                double center = value > 0 ? value : Math.max(floor, 1);
                return new SliderScale(Math.max(floor, center / 100), Math.min(def.max(), center * 100), true);
            }
            double hi = value > 0 ? Math.min(def.max(), Math.max(value * 10, def.min() + 1e-9)) : def.max();
            if (def.kind() == FieldDef.Kind.INTEGER) {
                hi = Math.min(def.max(), Math.max(hi, def.min() + 10));
            }
            return new SliderScale(def.min(), hi, false);
        }

        double toValue(double position) {
            return log ? lo * Math.pow(hi / lo, position) : lo + (hi - lo) * position;
        }

        double toPosition(double value) {
            double v = Math.max(lo, Math.min(hi, value));
            return log ? Math.log(v / lo) / Math.log(hi / lo) : (hi == lo ? 0 : (v - lo) / (hi - lo));
        }
    }

}
