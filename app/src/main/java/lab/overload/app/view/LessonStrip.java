package lab.overload.app.view;

import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import lab.overload.app.fx.Styles;
import lab.overload.app.viewmodel.LabViewModel;
import lab.overload.models.scenario.Scenario;

/**
 * The lesson collapsed for a projector: its title and the current "try this" step, one at a time (Page Down and Page
 * Up, as a presentation clicker sends them, move between steps); L or the button opens the whole lesson.
 */
final class LessonStrip extends ScrollPane {
    private final Label title = new Label();
    private final Label stepNumber = new Label();
    private final Label step = new Label();
    private List<String> steps = List.of();
    private int index;

    LessonStrip(LabViewModel vm, Runnable onOpen) {
        getStyleClass().addAll(Styles.LESSON, Styles.LESSON_STRIP);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setPrefWidth(240);
        setMinWidth(USE_PREF_SIZE);
        title.setId("lesson-strip-title");
        title.getStyleClass().add(Styles.LESSON_TITLE);
        stepNumber.getStyleClass().add(Styles.SECTION);
        step.setId("lesson-strip-step");
        step.getStyleClass().add(Styles.LESSON_STEP);
        for (Label l : new Label[] {title, step}) {
            l.setWrapText(true);
        }
        Button open = new Button("Lesson (L)");
        open.setId("open-lesson");
        open.setTooltip(new Tooltip("Show the whole lesson: story, every step, the formula (L)"));
        open.setFocusTraversable(false);
        open.setOnAction(e -> onOpen.run());
        Label hint = new Label("Page Down, Page Up: next, previous step");
        hint.getStyleClass().add(Styles.STRIP_HINT);
        hint.setWrapText(true);
        hint.visibleProperty().bind(stepNumber.visibleProperty());
        hint.managedProperty().bind(hint.visibleProperty());
        setContent(new VBox(10, open, title, stepNumber, step, hint));
        vm.loadedProperty().addListener((o, a, b) -> show(b));
        show(vm.loadedProperty().get());
    }

    private void show(Scenario s) {
        title.setText(s.name());
        steps = s.lesson().tryThis();
        index = 0;
        update();
    }

    /** Moves to the next (+1) or previous (-1) step; returns whether there was one. */
    boolean moveStep(int direction) {
        int next = index + direction;
        if (next < 0 || next >= steps.size()) {
            return false;
        }
        index = next;
        update();
        return true;
    }

    private void update() {
        boolean any = !steps.isEmpty();
        stepNumber.setText(any ? "Try this: step " + (index + 1) + " of " + steps.size() : "");
        step.setText(any ? steps.get(index) : "");
        stepNumber.setVisible(any);
        stepNumber.setManaged(any);
    }

    /** The step shown (for tests): its text. */
    String currentStep() {
        return step.getText();
    }
}
