package lab.overload.app.view;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import lab.overload.app.curve.TippingPointView;
import lab.overload.app.fx.Styles;
import lab.overload.app.viewmodel.LabViewModel;

/**
 * The window's layout (DESIGN.md §6): toolbar and message bars on top, the lesson on the left, charts in the
 * centre, grouped controls on the right, the status bar at the bottom. Each side panel can collapse to a strip (the
 * lesson to its title and current step), which presenter mode does for both.
 */
public final class MainView extends BorderPane {
    private final LabToolbar toolbar;
    private final ChartsView chartsView;
    private final TippingPointView tippingPoint;
    private final ParameterPanel parameters;
    private final Label error = new Label();
    private final Label notice = new Label();
    private final LessonStrip lesson;
    private final FileActions files;
    private final ExportActions exports;
    private final SidePanel lessonSide;
    private final SidePanel controlsSide;
    private final BooleanProperty presenter = new SimpleBooleanProperty(this, "presenter");

    public MainView(LabViewModel vm, DashboardCharts charts) {
        getStyleClass().add(Styles.ROOT);
        toolbar = new LabToolbar(vm, charts::setWindowSeconds);
        files = new FileActions(vm, toolbar, this);
        tippingPoint = new TippingPointView(vm);
        charts.attach(tippingPoint);
        chartsView = new ChartsView(charts, tippingPoint, vm);
        chartsView.operateView().setRateControl(vm.traceRate(), vm::sampleTraces);
        parameters = new ParameterPanel(vm);
        exports = new ExportActions(vm, chartsView, this);
        exports.install(toolbar.export);

        error.setId("error-bar");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        Button dismiss = new Button("Dismiss");
        dismiss.setOnAction(e -> vm.reportError(""));
        HBox errorBar = bar(error, dismiss, Styles.ERROR_BAR);
        errorBar.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        errorBar.managedProperty().bind(errorBar.visibleProperty());

        notice.setId("notice-bar");
        notice.setWrapText(true);
        notice.textProperty().bind(vm.noticeProperty());
        HBox noticeBar = bar(notice, null, Styles.NOTICE_BAR);
        noticeBar.visibleProperty().bind(vm.noticeProperty().isNotEmpty());
        noticeBar.managedProperty().bind(noticeBar.visibleProperty());

        Label confirmation = new Label();
        confirmation.setId("confirm-bar");
        confirmation.setWrapText(true);
        confirmation.textProperty().bind(vm.confirmationProperty());
        Button ok = new Button("OK");
        ok.setOnAction(e -> vm.clearConfirmation());
        HBox confirmBar = bar(confirmation, ok, Styles.CONFIRM_BAR);
        confirmBar.visibleProperty().bind(vm.confirmationProperty().isNotEmpty());
        confirmBar.managedProperty().bind(confirmBar.visibleProperty());

        setTop(new VBox(toolbar, errorBar, confirmBar, noticeBar));
        lesson = new LessonStrip(vm, () -> lessonOpenProperty().set(true));
        lessonSide = new SidePanel("lesson-side", new LessonPanel(vm), lesson);
        controlsSide = new SidePanel("controls-side", parameters, new ControlsStrip(
                () -> controlsOpenProperty().set(true)));
        setLeft(lessonSide);
        setCenter(chartsView);
        setRight(controlsSide);
        toolbar.presenter.selectedProperty().bindBidirectional(presenter);
        presenter.addListener((o, a, on) -> {
            if (on) {
                getStyleClass().add(Styles.PRESENTER);
            } else {
                getStyleClass().remove(Styles.PRESENTER);
            }
            lessonSide.openProperty().set(!on);
            controlsSide.openProperty().set(!on);
            chartsView.refitTabNames();
        });
        setBottom(new LabStatusBar(vm));
        BorderPane.setMargin(chartsView, new Insets(4));
    }

    private static HBox bar(Label label, Button button, String style) {
        HBox box = new HBox(10, label);
        if (button != null) {
            box.getChildren().add(button);
        }
        HBox.setHgrow(label, Priority.ALWAYS);
        label.setMaxWidth(Double.MAX_VALUE);
        box.getStyleClass().add(style);
        return box;
    }

    /**
     * Presenter mode: large fonts (the {@code presenter} style class, which the charts scale with too), the lesson
     * collapsed to its title and current step and the controls to a strip, so the charts get most of the width.
     * Leaving it opens both panels again.
     */
    public BooleanProperty presenterProperty() {
        return presenter;
    }

    /** Whether the lesson panel is open (else collapsed to its title and current step); the L key toggles it. */
    public BooleanProperty lessonOpenProperty() {
        return lessonSide.openProperty();
    }

    /** Whether the controls are open (else collapsed to a strip); the C key toggles it. */
    public BooleanProperty controlsOpenProperty() {
        return controlsSide.openProperty();
    }

    /** Shows the next (+1) or previous (-1) "try this" step in the collapsed lesson; returns whether there was one. */
    public boolean moveLessonStep(int direction) {
        return lesson.moveStep(direction);
    }

    /** The step the collapsed lesson shows. */
    public String currentLessonStep() {
        return lesson.currentStep();
    }

    /** Open and save (toolbar icons, Ctrl+O, Ctrl+S). */
    public FileActions files() {
        return files;
    }

    /** The Export menu's actions (toolbar menu, Ctrl+Shift+E/I/J/X). */
    public ExportActions exports() {
        return exports;
    }

    public LabToolbar toolbar() {
        return toolbar;
    }

    public TippingPointView tippingPoint() {
        return tippingPoint;
    }

    public ChartsView chartsView() {
        return chartsView;
    }

    /** The control of a parameter path, or null. */
    public javafx.scene.control.Slider sliderOf(String path) {
        ParameterControl c = parameters.control(path);
        return c == null ? null : c.slider();
    }
}
