package lab.overload.app.curve;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Tooltip;
import lab.overload.models.scenario.Scenario;

/**
 * What the tipping-point curve measures: all requests (the totals, sweeping the first client), or one function or
 * API that a client group calls ({@link CurvePlan#measurableStages}), sweeping that client's load. Shown only when
 * the scenario has such a stage; keeps its choice while the scenario still has it.
 *
 * <p>Thread rule: FX thread only.
 */
final class StageChoice extends ChoiceBox<String> {
    /** The item that measures the totals. */
    static final String ALL = "all requests";

    private List<String> stages = List.of();

    StageChoice() {
        getItems().add(ALL);
        setValue(ALL);
        setTooltip(new Tooltip("Measure the goodput of all requests, or of one function or API against its load"));
        setVisible(false);
        setManaged(false);
    }

    /** Offers the stages of {@code scenario}; falls back to all requests when the chosen one is gone. */
    void update(Scenario scenario) {
        List<String> next = CurvePlan.measurableStages(scenario);
        if (next.equals(stages)) {
            return;
        }
        stages = next;
        String chosen = getValue();
        List<String> items = new ArrayList<>();
        items.add(ALL);
        items.addAll(next);
        getItems().setAll(items);
        setValue(items.contains(chosen) ? chosen : ALL);
        setVisible(!next.isEmpty());
        setManaged(!next.isEmpty());
    }

    /** Chooses a stage by name (empty: all requests); a name the scenario does not offer changes nothing. */
    void choose(String stage) {
        String item = stage.isEmpty() ? ALL : stage;
        if (getItems().contains(item)) {
            setValue(item);
        }
    }

    /** What a curve depends on: the settings (the swept load and timeline aside) and the measured stage. */
    List<Object> key(Scenario scenario) {
        String stage = stage();
        return List.of(CurvePlan.settingsKey(scenario, stage), stage);
    }

    /** The chosen stage's name; empty for all requests. */
    String stage() {
        String v = getValue();
        return v == null || v.equals(ALL) ? "" : v;
    }
}
