package lab.overload.app.viewmodel;

import java.util.HashMap;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import lab.overload.engine.run.AbSide;
import lab.overload.models.scenario.Scenario;

/**
 * The A/B split as the window sees it: whether it is on, the side the controls change (B by default once on), side
 * B's scenario, and the scenario the controls show (B's when they change side B, else A's). It remembers on which
 * side each path was last changed, so a chart marker can say "A:", "B:" or "A+B:". FX thread only.
 */
public final class AbState {
    private final ReadOnlyBooleanWrapper on = new ReadOnlyBooleanWrapper(this, "on");
    private final ObjectProperty<AbSide> side = new SimpleObjectProperty<>(this, "side", AbSide.B);
    private final ReadOnlyObjectWrapper<Scenario> scenarioB = new ReadOnlyObjectWrapper<>(this, "scenarioB");
    private final ReadOnlyObjectWrapper<Scenario> controlled = new ReadOnlyObjectWrapper<>(this, "controlled");
    private final Map<String, AbSide> lastSide = new HashMap<>();

    AbState() {
        side.addListener((o, a, b) -> {
            if (b == null) {
                side.set(AbSide.B);
            }
            refreshControlled();
        });
    }

    public ReadOnlyBooleanProperty onProperty() {
        return on.getReadOnlyProperty();
    }

    /** The side the controls change while the split is on (never null). */
    public ObjectProperty<AbSide> sideProperty() {
        return side;
    }

    /** Side B's scenario with its changes, or null while the split is off or starting. */
    public Scenario scenarioB() {
        return scenarioB.get();
    }

    public ReadOnlyObjectProperty<Scenario> scenarioBProperty() {
        return scenarioB.getReadOnlyProperty();
    }

    /** The scenario whose values the controls show: side B's when they change side B, else null (side A's). */
    public ReadOnlyObjectProperty<Scenario> controlledProperty() {
        return controlled.getReadOnlyProperty();
    }

    void turned(boolean isOn) {
        on.set(isOn);
        lastSide.clear();
        if (!isOn) {
            scenarioB.set(null);
        }
        side.set(AbSide.B);
        refreshControlled();
    }

    void update(Scenario b) {
        if (b != null) {
            scenarioB.set(b);
        }
        refreshControlled();
    }

    void sent(String path, AbSide s) {
        if (on.get()) {
            lastSide.put(path, s);
        }
    }

    /** The side a path was last changed on during this split (A when never, or while the split is off). */
    AbSide sideOf(String path) {
        return lastSide.getOrDefault(path, AbSide.A);
    }

    /** How a side-A frame's change marker starts: nothing while the split is off, else "A: " or "A+B: ". */
    String markerPrefix(String path) {
        if (!on.get()) {
            return "";
        }
        return sideOf(path) == AbSide.BOTH ? "A+B: " : "A: ";
    }

    private void refreshControlled() {
        controlled.set(on.get() && side.get() == AbSide.B ? scenarioB.get() : null);
    }
}
