package lab.overload.app;

import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import lab.overload.app.fx.WindowFit;
import lab.overload.app.view.DashboardCharts;
import lab.overload.app.view.MainView;
import lab.overload.app.viewmodel.LabViewModel;
import lab.overload.app.viewmodel.PresetCatalog;
import lab.overload.engine.core.ThreadGuard;
import lab.overload.models.scenario.Scenario;

/**
 * The composition root: builds the view model, the charts and the window, wires the keyboard and one
 * {@link AnimationTimer} that drains the engine's frames and redraws once per pulse, and closes the engine with the
 * window.
 */
public final class OverloadLabApp extends Application {
    /** Stylesheets, in order, as classpath resources (packaged from assets/). */
    public static final List<String> STYLESHEETS = List.of("/assets/overload-lab.css", "/assets/chart.css");

    private Lab lab;
    private AnimationTimer timer;

    /**
     * Everything a window shows, built without a stage (also used by the headless screenshot command). Must be
     * created on the FX thread, which it registers with the engine's {@link ThreadGuard}.
     */
    public record Lab(LabViewModel vm, DashboardCharts charts, MainView view, Scene scene) {
        public static Lab create(Scenario scenario, double width, double height) {
            ThreadGuard.forbid(Thread.currentThread());
            DashboardCharts charts = new DashboardCharts();
            LabViewModel vm = new LabViewModel(scenario, charts);
            try {
                MainView view = new MainView(vm, charts);
                Scene scene = new Scene(view, width, height);
                for (String css : STYLESHEETS) {
                    var url = OverloadLabApp.class.getResource(css);
                    if (url != null) {
                        scene.getStylesheets().add(url.toExternalForm());
                    }
                }
                return new Lab(vm, charts, view, scene);
            } catch (RuntimeException | Error e) {
                vm.close(); // the engine thread started with the view model: stop it, or it outlives the failure
                throw e;
            }
        }

        /**
         * One pulse: commands out, frames in, redraw what changed. A pulse that refreshes the texts (four a second)
         * redraws no chart: each costs the software renderer several milliseconds, and together they would overrun
         * the frame.
         */
        public void pulse() {
            boolean texts = vm.pulse();
            if (!texts) {
                charts.redrawIfDirty();
            }
            view.tippingPoint().pulse();
        }
    }

    /** The scenario the app opens with: the first bundled lesson. */
    public static Scenario firstLesson() {
        return PresetCatalog.bundled(PresetCatalog.bundledNames().get(0));
    }

    /**
     * Opens the window. If anything fails on the way, what was started (the engine thread, the timer) is closed
     * before the failure propagates, so the launcher can report it and exit.
     */
    @Override
    public void start(Stage stage) {
        try {
            show(stage);
        } catch (RuntimeException | Error e) {
            stop();
            throw e;
        }
    }

    private void show(Stage stage) {
        WindowFit fit = WindowFit.within(Screen.getPrimary().getVisualBounds());
        lab = Lab.create(firstLesson(), fit.width(), fit.height());
        wirePresets(stage);
        wireKeys(stage);
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                lab.pulse();
            }
        };
        timer.start();
        stage.setTitle("Overload Lab");
        stage.setScene(lab.scene());
        stage.setX(fit.x());
        stage.setY(fit.y());
        stage.setMinWidth(fit.minWidth());
        stage.setMinHeight(fit.minHeight());
        stage.setOnHidden(e -> {
            timer.stop();
            lab.view().tippingPoint().close();
            lab.vm().close();
        });
        stage.show();
        lab.vm().play();
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.stop();
        }
        if (lab != null) {
            lab.view().tippingPoint().close();
            lab.vm().close();
        }
    }

    /** The lab this application shows (for tests). */
    public Lab lab() {
        return lab;
    }

    private void wirePresets(Stage stage) {
        var toolbar = lab.view().toolbar();
        toolbar.onPick(entry -> {
            if (!entry.ok()) {
                lab.vm().reportError(entry.file().getFileName() + ": " + entry.error());
            } else {
                lab.vm().load(entry.scenario());
            }
        });
        toolbar.open.setOnAction(e -> lab.view().files().open());
        toolbar.save.setOnAction(e -> lab.view().files().save());
        toolbar.fullScreen.setOnAction(e -> stage.setFullScreen(!stage.isFullScreen()));
    }

    private void wireKeys(Stage stage) {
        KeyCombination openKey = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);
        KeyCombination saveKey = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
        KeyCombination quitKey = new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN);
        lab.scene().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (openKey.match(e)) {
                lab.view().files().open();
            } else if (saveKey.match(e)) {
                lab.view().files().save();
            } else if (quitKey.match(e)) {
                quit(stage);
            } else if (e.getCode() == KeyCode.F11) {
                stage.setFullScreen(!stage.isFullScreen());
            } else if (lab.scene().getFocusOwner() instanceof TextInputControl) {
                return;
            } else if (!handleKey(lab, e.getCode())) {
                return;
            }
            e.consume();
        });
    }

    /**
     * Quits as the window's close button does: a close request (which a handler may consume), then the window hides,
     * which stops the engine.
     */
    private static void quit(Stage stage) {
        WindowEvent request = new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST);
        Event.fireEvent(stage, request);
        if (!request.isConsumed()) {
            stage.hide();
        }
    }

    /**
     * The lab's keyboard: space, right arrow, R, +/-, 1-9, P (presenter mode), L (lesson panel), C (controls), Page
     * Down / Page Up (next / previous step of the collapsed lesson), [ and ] (scrub 10 s back, forward), N (the noisy
     * neighbour of the queue shown in the Queues tab, on or off). Returns
     * whether the key was used. Keys typed into a text field are the field's, never the lab's (see the scene's key
     * filter).
     */
    public static boolean handleKey(Lab lab, KeyCode code) {
        switch (code) {
            case SPACE -> lab.vm().togglePlay();
            case RIGHT -> lab.vm().step();
            case R -> lab.vm().reset();
            case B -> lab.vm().setAbSplit(!lab.vm().ab().onProperty().get());
            case PLUS, EQUALS, ADD -> lab.vm().nudgeSpeed(1);
            case MINUS, SUBTRACT -> lab.vm().nudgeSpeed(-1);
            case P -> lab.view().presenterProperty().set(!lab.view().presenterProperty().get());
            case L -> lab.view().lessonOpenProperty().set(!lab.view().lessonOpenProperty().get());
            case C -> lab.view().controlsOpenProperty().set(!lab.view().controlsOpenProperty().get());
            case PAGE_DOWN -> lab.view().moveLessonStep(1);
            case PAGE_UP -> lab.view().moveLessonStep(-1);
            case OPEN_BRACKET, CLOSE_BRACKET -> lab.vm().nudgeTime(code == KeyCode.OPEN_BRACKET ? -1 : 1);
            case N -> {
                return lab.view().chartsView().queuesView().controls().toggle();
            }
            default -> {
                if (code.isDigitKey()) {
                    String name = code.getName();
                    char digit = name.charAt(name.length() - 1);
                    int tab = digit == '0' ? 9 : digit - '1'; // 0 is the tenth tab: Platform, Queues or Operate
                    var tabs = lab.view().chartsView().getTabs();
                    if (tab >= 0 && tab < tabs.size()) {
                        lab.view().chartsView().getSelectionModel().select(tab);
                        return true;
                    }
                }
                return false;
            }
        }
        return true;
    }
}
