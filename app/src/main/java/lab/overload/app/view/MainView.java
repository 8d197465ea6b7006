package lab.overload.app.view;

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
 * centre, grouped controls on the right, the status bar at the bottom.
 */
public final class MainView extends BorderPane {
    private final LabToolbar toolbar;
    private final ChartsView chartsView;
    private final TippingPointView tippingPoint;
    private final ParameterPanel parameters;
    private final Label error = new Label();
    private final Label notice = new Label();

    public MainView(LabViewModel vm, DashboardCharts charts) {
        getStyleClass().add(Styles.ROOT);
        toolbar = new LabToolbar(vm, charts::setWindowSeconds);
        tippingPoint = new TippingPointView(vm);
        charts.attach(tippingPoint);
        chartsView = new ChartsView(charts, tippingPoint);
        parameters = new ParameterPanel(vm);

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

        setTop(new VBox(toolbar, errorBar, noticeBar));
        setLeft(new LessonPanel(vm));
        setCenter(chartsView);
        setRight(parameters);
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
