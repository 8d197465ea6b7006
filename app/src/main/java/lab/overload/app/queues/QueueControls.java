package lab.overload.app.queues;

import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import lab.overload.app.viewmodel.LabViewModel;
import lab.overload.models.scenario.QueueSpec;
import lab.overload.models.scenario.Scenario;

/**
 * The row above the Queues tab: the queue shown (a selector, shown only when the scenario has several) and the
 * noisy-neighbour switch (key N), which sets the noisy tenant's rate multiplier through its parameter path, so the
 * change is recorded, replayed and marked on the charts like any slider's.
 */
public final class QueueControls extends HBox {
    /** The switch's text when the noisy tenant is quiet, and when it is noisy. */
    public static final String OFF_TEXT = "Noisy neighbour (N): off";
    public static final String ON_TEXT = "Noisy neighbour (N): ON";
    private final QueueCharts queues;
    private final LabViewModel vm;
    private final ChoiceBox<String> selector = new ChoiceBox<>();
    private final Button noisy = new Button(OFF_TEXT);
    private final Label who = new Label();

    public QueueControls(QueueCharts queues, LabViewModel vm) {
        super(8);
        this.queues = queues;
        this.vm = vm;
        getStyleClass().add(QueueStyles.QUEUE_CONTROLS);
        setAlignment(Pos.CENTER_LEFT);
        Label queueLabel = new Label("Queue");
        selector.setItems(queues.queueNames());
        selector.setId("queue-selector");
        selector.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                queues.select(b);
            }
        });
        noisy.setId("noisy-neighbour");
        noisy.setTooltip(new Tooltip("Turns the noisy tenant on and off through its rate multiplier (a marker on the "
                + "charts shows when)"));
        noisy.setOnAction(e -> toggle());
        noisy.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        who.setMinWidth(0);
        queueLabel.visibleProperty().bind(javafx.beans.binding.Bindings.size(queues.queueNames()).greaterThan(1));
        queueLabel.managedProperty().bind(queueLabel.visibleProperty());
        selector.visibleProperty().bind(queueLabel.visibleProperty());
        selector.managedProperty().bind(queueLabel.visibleProperty());
        getChildren().addAll(queueLabel, selector, noisy, who);
        queues.queueProperty().addListener((o, a, b) -> refresh());
        vm.scenarioProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    /** The switch of the queue shown in the scenario as it runs now, if a group of several tenants sends to it. */
    public Optional<NoisyNeighbour> noisyNeighbour() {
        QueueSpec q = queues.queue();
        return q == null ? Optional.empty() : NoisyNeighbour.of(vm.scenarioProperty().get(), q.name());
    }

    /** Flips the noisy tenant (the button and key N); false when the queue shown has no tenants to make noisy. */
    public boolean toggle() {
        Optional<NoisyNeighbour> n = noisyNeighbour();
        n.ifPresent(s -> vm.requestChange(s.path(), s.toggledValue(vm.scenarioProperty().get())));
        return n.isPresent();
    }

    public Button noisyButton() {
        return noisy;
    }

    public ChoiceBox<String> selector() {
        return selector;
    }

    private void refresh() {
        QueueSpec q = queues.queue();
        if (q != null && !q.name().equals(selector.getValue())) {
            selector.setValue(q.name());
        }
        Optional<NoisyNeighbour> n = noisyNeighbour();
        Scenario now = vm.scenarioProperty().get();
        noisy.setDisable(n.isEmpty());
        boolean on = n.isPresent() && n.get().isOn(now);
        noisy.setText(on ? ON_TEXT : OFF_TEXT);
        who.setText(n.map(s -> String.format(Locale.ROOT, "tenant %d of %s, rate x%s when on", s.tenant(),
                s.group(), NoisyNeighbour.number(s.onMultiplier())))
                .orElse("one tenant only"));
    }
}
