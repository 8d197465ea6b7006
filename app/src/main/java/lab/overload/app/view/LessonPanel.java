package lab.overload.app.view;

import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import lab.overload.app.fx.Styles;
import lab.overload.app.viewmodel.LabViewModel;
import lab.overload.app.viewmodel.LessonFormulas;
import lab.overload.models.scenario.Scenario;

/**
 * The lesson: title, story, numbered "try this" steps, the formula and its live values (their tooltip defines
 * rho, utilisation and Little's law).
 */
final class LessonPanel extends ScrollPane {
    private final VBox box = new VBox(10);
    private final Label formulaValues = new Label();
    private final Label triggers = new Label();

    LessonPanel(LabViewModel vm) {
        getStyleClass().add(Styles.LESSON);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setPrefWidth(330);
        setContent(box);
        formulaValues.getStyleClass().add(Styles.FORMULA_VALUES);
        formulaValues.setWrapText(true);
        formulaValues.textProperty().bind(vm.formulaValuesProperty());
        formulaValues.setId("formula-values");
        Tooltip definitions = new Tooltip(LessonFormulas.DEFINITIONS);
        definitions.setWrapText(true);
        definitions.setMaxWidth(460);
        definitions.setShowDuration(javafx.util.Duration.seconds(30));
        formulaValues.setTooltip(definitions);
        triggers.getStyleClass().add(Styles.TRIGGER_STATUS);
        triggers.setId("trigger-status");
        triggers.setWrapText(true);
        triggers.textProperty().bind(vm.triggerStatusProperty());
        triggers.visibleProperty().bind(vm.triggerStatusProperty().isNotEmpty());
        triggers.managedProperty().bind(triggers.visibleProperty());
        vm.loadedProperty().addListener((o, a, b) -> show(b));
        show(vm.loadedProperty().get());
    }

    private void show(Scenario s) {
        box.getChildren().clear();
        Label title = label(s.name(), Styles.LESSON_TITLE);
        title.setId("lesson-title");
        box.getChildren().add(title);
        String story = s.lesson().story().isEmpty() ? s.description() : s.lesson().story();
        box.getChildren().add(label(story, Styles.LESSON_STORY));
        if (!s.lesson().tryThis().isEmpty()) {
            box.getChildren().add(label("Try this", Styles.SECTION));
            int n = 1;
            for (String step : s.lesson().tryThis()) {
                box.getChildren().add(label(n++ + ". " + step, Styles.LESSON_STEP));
            }
        }
        box.getChildren().add(label("What predicts it", Styles.SECTION));
        if (!s.lesson().formula().isEmpty()) {
            box.getChildren().add(label(s.lesson().formula(), Styles.FORMULA));
        }
        box.getChildren().addAll(formulaValues, triggers);
    }

    private static Label label(String text, String style) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(style);
        return l;
    }
}
