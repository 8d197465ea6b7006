package lab.overload.app.ui;

import static lab.overload.app.ui.Ui.await;
import static lab.overload.app.ui.Ui.fx;
import static lab.overload.app.ui.Ui.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import lab.overload.app.OverloadLabApp;
import lab.overload.app.OverloadLabApp.Lab;
import lab.overload.app.fx.WindowFit;
import lab.overload.engine.run.ControlChange;
import lab.overload.engine.run.LiveRunner;
import lab.overload.models.scenario.ParameterPaths;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The real application's keyboard and controls: a typed value and Enter (or Escape) give the keys back to the lab,
 * digits typed while a field is edited stay in the field, P / L / C / Page Down drive presenter mode and its panels,
 * Ctrl+Q quits, a slider drag sends one change when released, and the window fits the screen.
 */
class AppKeysTest {
    private static final String RATE = "clients.web.ratePerSecond";

    private final FxRobot robot = new FxRobot();
    private OverloadLabApp app;
    private Lab lab;
    private LiveRunner runner;

    @BeforeAll
    static void toolkit() throws Exception {
        Ui.isolateUserPresets();
        FxToolkit.registerPrimaryStage();
        // Ctrl+Q closes the app's only window: that must not end the FX toolkit for the later test classes.
        Platform.setImplicitExit(false);
    }

    @BeforeEach
    void start() throws Exception {
        app = (OverloadLabApp) FxToolkit.setupApplication(OverloadLabApp.class);
        lab = Ui.labOf(app);
        runner = lab.vm().runner();
        fxRun(lab.vm()::pause);
        fxRun(() -> {
            Stage stage = (Stage) lab.scene().getWindow();
            stage.toFront();
            stage.requestFocus();
            lab.view().chartsView().requestFocus();
        });
        await("the lab window has focus", 2_000, () -> fx(() -> lab.scene().getWindow().isFocused()),
                () -> "focus owner " + fx(() -> String.valueOf(lab.scene().getFocusOwner())));
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        await("the sim thread of the closed app ends", 5_000, () -> !runner.isAlive(), () -> "still alive");
    }

    @Test
    void enterInAFieldGivesTheKeysBackToTheLab() {
        TextField rate = Ui.fieldOf(lab.view(), RATE);
        type(rate, "300");
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.DIGIT3);
        await("3 selects the latency tab after Enter", 2_000, () -> selectedTab() == 2,
                () -> "tab " + selectedTab() + ", field '" + fx(rate::getText) + "', focus " + focusOwner());
        assertEquals("", fx(lab.vm().errorProperty()::get), "no error after typing 300, Enter, 3");
        assertFalse(fx(() -> lab.scene().getFocusOwner() instanceof TextInputControl),
                "after Enter no text field has the focus: " + focusOwner());
        await("the typed rate reaches the scenario", 2_000, () -> rateNow() == 300, () -> "rate " + rateNow());
        assertEquals("300", fx(rate::getText), "the field keeps the typed value; the 3 was a key for the lab");
        assertEquals(List.of("300"), changes(RATE), "one change, exactly as typed (not snapped)");
    }

    @Test
    void escapeRestoresTheFieldAndGivesTheKeysBack() {
        TextField rate = Ui.fieldOf(lab.view(), RATE);
        String before = fx(rate::getText);
        type(rate, "999");
        robot.type(KeyCode.ESCAPE);
        assertEquals(before, fx(rate::getText), "Escape puts the current value back");
        robot.type(KeyCode.DIGIT4);
        await("4 selects the concurrency tab after Escape", 2_000, () -> selectedTab() == 3,
                () -> "tab " + selectedTab() + ", focus " + focusOwner());
        Ui.sleep(200);
        assertTrue(changes(RATE).isEmpty(), "Escape sends nothing: " + changes(RATE));
    }

    @Test
    void digitsGoToAFieldWhileItIsEdited() {
        TextField rate = Ui.fieldOf(lab.view(), RATE);
        type(rate, "12");
        robot.type(KeyCode.DIGIT5);
        assertEquals("125", fx(rate::getText), "digits typed into the field are text");
        assertEquals(0, selectedTab(), "and select no tab");
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void presenterKeysCollapseAndOpenThePanels() {
        var view = lab.view();
        assertTrue(fx(view.lessonOpenProperty()::get) && fx(view.controlsOpenProperty()::get), "desk: both open");
        robot.type(KeyCode.P);
        await("P turns presenter mode on", 2_000, () -> fx(view.presenterProperty()::get), () -> "off");
        assertTrue(fx(() -> view.getStyleClass().contains("presenter")), "the presenter style class is set");
        assertTrue(fx(() -> view.toolbar().presenter.isSelected()), "the toolbar toggle follows");
        assertFalse(fx(view.lessonOpenProperty()::get), "presenter mode collapses the lesson");
        assertFalse(fx(view.controlsOpenProperty()::get), "presenter mode collapses the controls");
        assertTrue(fx(() -> robot.lookup("#lesson-strip-title").tryQuery().isPresent()), "the lesson strip shows");

        String first = fx(view::currentLessonStep);
        robot.type(KeyCode.PAGE_DOWN);
        await("Page Down shows the next step", 2_000, () -> !fx(view::currentLessonStep).equals(first),
                () -> fx(view::currentLessonStep));
        assertEquals(fx(() -> lab.vm().loadedProperty().get().lesson().tryThis().get(1)), fx(view::currentLessonStep));
        robot.type(KeyCode.PAGE_UP);
        assertEquals(first, fx(view::currentLessonStep), "Page Up goes back");

        robot.type(KeyCode.L);
        await("L opens the lesson", 2_000, () -> fx(view.lessonOpenProperty()::get), () -> "closed");
        robot.type(KeyCode.C);
        await("C opens the controls", 2_000, () -> fx(view.controlsOpenProperty()::get), () -> "closed");
        robot.type(KeyCode.C);
        await("C collapses them again", 2_000, () -> !fx(view.controlsOpenProperty()::get), () -> "open");
        robot.type(KeyCode.P);
        await("P turns presenter mode off", 2_000, () -> !fx(view.presenterProperty()::get), () -> "on");
        assertTrue(fx(view.lessonOpenProperty()::get) && fx(view.controlsOpenProperty()::get),
                "leaving presenter mode opens both panels");
    }

    @Test
    void ctrlQQuits() {
        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        await("Ctrl+Q closes the window", 2_000, () -> !fx(() -> lab.scene().getWindow().isShowing()), () -> "open");
        await("and stops the engine", 6_000, () -> !runner.isAlive(), () -> "sim thread alive");
    }

    @Test
    void theWindowFitsTheScreen() {
        var visual = fx(() -> javafx.stage.Screen.getPrimary().getVisualBounds());
        WindowFit fit = WindowFit.within(visual);
        Stage stage = fx(() -> (Stage) lab.scene().getWindow());
        assertEquals(fit.width(), fx(() -> lab.scene().getWidth()), 0.5, "scene width from the screen's bounds");
        assertEquals(fit.height(), fx(() -> lab.scene().getHeight()), 0.5, "scene height from the screen's bounds");
        assertEquals(fit.minWidth(), fx(stage::getMinWidth), 0.5);
        assertEquals(fit.minHeight(), fx(stage::getMinHeight), 0.5);
    }

    @Test
    void aSliderDragSendsOneChangeWhenReleased() {
        Slider slider = fx(() -> lab.view().sliderOf(RATE));
        Node thumb = fx(() -> slider.lookup(".thumb"));
        robot.drag(thumb, MouseButton.PRIMARY).moveBy(40, 0).moveBy(40, 0).moveBy(-20, 0);
        Ui.sleep(300); // many pulses while the button is still down
        assertTrue(changes(RATE).isEmpty(), "nothing is sent while dragging: " + changes(RATE));
        robot.drop();
        await("the drag's value reaches the engine", 3_000, () -> !changes(RATE).isEmpty(), () -> "no change");
        Ui.sleep(300);
        List<String> sent = changes(RATE);
        assertEquals(1, sent.size(), "one change per drag, not one per pulse: " + sent);
        double value = Double.parseDouble(sent.get(0));
        assertTrue(value > 200, "dragged to the right of the preset's 200/s: " + value);
        assertTrue(new java.math.BigDecimal(sent.get(0)).stripTrailingZeros().precision() <= 3,
                "a dragged value is rounded as people type values: " + value);
    }

    /** Clicks into a field, selects its text and types over it (text, not lab keys). */
    private void type(TextField field, String text) {
        robot.clickOn(field);
        fxRun(field::selectAll);
        robot.write(text);
        await("the field shows what was typed", 2_000, () -> fx(field::getText).equals(text),
                () -> "field '" + fx(field::getText) + "'");
    }

    private List<String> changes(String path) {
        return runner.controlLog().stream().filter(c -> c.path().equals(path)).map(ControlChange::value).toList();
    }

    private double rateNow() {
        return fx(() -> ParameterPaths.get(lab.vm().scenarioProperty().get(), RATE));
    }

    private int selectedTab() {
        return fx(() -> lab.view().chartsView().getSelectionModel().getSelectedIndex());
    }

    private String focusOwner() {
        return fx(() -> String.valueOf(lab.scene().getFocusOwner()));
    }
}
