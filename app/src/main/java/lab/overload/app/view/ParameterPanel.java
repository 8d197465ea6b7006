package lab.overload.app.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import lab.overload.app.fx.Styles;
import lab.overload.app.viewmodel.LabViewModel;
import lab.overload.models.scenario.ControlGroup;
import lab.overload.models.scenario.Parameter;
import lab.overload.models.scenario.ParameterPaths;
import lab.overload.models.scenario.Scenario;

/**
 * The grouped controls on the right (Load, Client, Latency, Server, ...), one control per parameter path, built from
 * the loaded scenario's paths and refreshed from the running scenario (timeline ramps move the sliders too). Each
 * path's group and whether it is shown come with it from the field tables.
 */
final class ParameterPanel extends ScrollPane {
    private final LabViewModel vm;
    private final VBox content = new VBox(6);
    private final Map<String, ParameterControl> controls = new LinkedHashMap<>();
    /** Which side of an A/B split the controls change (shown while the split is on). */
    private final AbSidePicker sides;
    private Scenario shown;

    ParameterPanel(LabViewModel vm) {
        this.vm = vm;
        this.sides = new AbSidePicker(vm.ab());
        getStyleClass().addAll(Styles.CONTROLS, Styles.PARAMETER_PANEL);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setContent(content);
        setPrefWidth(300);
        vm.loadedProperty().addListener((o, a, b) -> rebuild(b));
        vm.scenarioProperty().addListener((o, a, b) -> refresh(current()));
        vm.ab().controlledProperty().addListener((o, a, b) -> refresh(current()));
        sides.visibleProperty().bind(vm.ab().onProperty());
        sides.managedProperty().bind(sides.visibleProperty());
        rebuild(vm.loadedProperty().get());
    }

    /** The scenario the controls show: side B's while they change side B of an A/B split, else the run's. */
    private Scenario current() {
        Scenario b = vm.ab().controlledProperty().get();
        return b != null ? b : vm.scenarioProperty().get();
    }

    private void rebuild(Scenario loaded) {
        controls.clear();
        content.getChildren().setAll(sides);
        Map<String, List<Parameter>> groups = new LinkedHashMap<>();
        List<Parameter> params = ParameterPaths.list(loaded);
        for (String owner : owners(params)) {
            for (ControlGroup group : ControlGroup.values()) {
                for (Parameter p : params) {
                    if (p.group().equals(owner) && p.control() == group) {
                        groups.computeIfAbsent(group.label() + " \u2014 " + owner.substring(owner.indexOf('.') + 1),
                                k -> new ArrayList<>()).add(p);
                    }
                }
            }
        }
        boolean first = true;
        for (Map.Entry<String, List<Parameter>> g : groups.entrySet()) {
            VBox box = new VBox(10);
            for (Parameter p : g.getValue()) {
                ParameterControl c = new ParameterControl(p, p.value(), vm::requestChange);
                c.setOnError(vm::reportError);
                controls.put(p.path(), c);
                c.setVisible(p.shown());
                c.setManaged(p.shown());
                box.getChildren().add(c);
            }
            TitledPane pane = new TitledPane(g.getKey(), box);
            pane.setExpanded(first || g.getKey().startsWith(ControlGroup.LOAD.label()));
            first = false;
            content.getChildren().add(pane);
        }
        shown = loaded;
    }

    private static List<String> owners(List<Parameter> params) {
        List<String> out = new ArrayList<>();
        for (Parameter p : params) {
            if (!out.contains(p.group())) {
                out.add(p.group());
            }
        }
        return out;
    }

    private void refresh(Scenario current) {
        if (current == null || current == shown) {
            return;
        }
        shown = current;
        for (Parameter p : ParameterPaths.list(current)) {
            ParameterControl c = controls.get(p.path());
            if (c != null) {
                c.show(p.value());
                c.setVisible(p.shown());
                c.setManaged(p.shown());
            }
        }
    }

    /** The control of a path (for tests and keyboard focus), or null. */
    ParameterControl control(String path) {
        return controls.get(path);
    }
}
