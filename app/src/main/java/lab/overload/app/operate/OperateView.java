package lab.overload.app.operate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import lab.overload.engine.operate.Trace;

/**
 * The Operate tab: a container of panes, two to a row, each a titled box ({@link #addPane}). It starts with the
 * sampled traces (a list filterable by slowest, failed, throttled and cold, with the sampling rate beside it) and
 * the selected trace's waterfall, then the REPORT lines and the Logs Insights table ({@link LogsPane}). It refreshes
 * from the {@link OperateModel} when the charts redraw and the model moved on, at most four times a second, and only
 * while on screen.
 */
public final class OperateView extends VBox {
    /** Sampling rates offered, as shares of requests. */
    public static final List<Double> RATES = List.of(0.0, 0.001, 0.01, 0.05, 0.2, 1.0);
    private static final long REFRESH_NANOS = 250_000_000L;

    private final OperateModel model;
    /** The rows of panes, two panes to a row; the first row gives the list less room than its waterfall. */
    private final VBox panes = new VBox(6);
    private final ListView<Trace> list = new ListView<>();
    private final ChoiceBox<TraceFilter> filter = new ChoiceBox<>(FXCollections.observableArrayList(
            TraceFilter.values()));
    private final ChoiceBox<Double> rate = new ChoiceBox<>(FXCollections.observableArrayList(RATES));
    private final Label count = new Label();
    private final Waterfall waterfall = new Waterfall();
    private final LogsPane logs;
    private DoubleConsumer rateSink = r -> { };
    private long shownVersion = -1;
    private long lastRefreshNanos;

    public OperateView(OperateModel model) {
        this.model = model;
        setId("operate");
        getStyleClass().add(OperateStyles.OPERATE_VIEW);
        list.getStyleClass().add(OperateStyles.TRACE_LIST);
        list.setPlaceholder(new Label("No sampled traces yet: play the run, or raise the sampling rate."));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Trace t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : OperateModel.describe(t));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> waterfall.show(t));
        filter.setValue(TraceFilter.NEWEST);
        filter.valueProperty().addListener((o, a, b) -> refresh());
        rate.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Double r) {
                return r == null ? "" : r == 0 ? "off" : String.format(Locale.ROOT, r < 0.01 ? "%.1f %%" : "%.0f %%",
                        r * 100);
            }

            @Override
            public Double fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        rate.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(a)) {
                rateSink.accept(b);
            }
        });
        Label sampling = new Label("Sample");
        Label show = new Label("Show");
        for (Label l : List.of(sampling, show, count)) {
            l.setMinWidth(Label.USE_PREF_SIZE);
        }
        HBox sample = new HBox(6, sampling, rate);
        HBox shown = new HBox(6, show, filter, count);
        sample.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        shown.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        FlowPane bar = new FlowPane(12, 4, sample, shown);
        VBox traces = new VBox(6, bar, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        logs = new LogsPane(model);
        addPane("Sampled traces", traces, () -> true);
        addPane("Waterfall of the selected trace", waterfall, () -> true);
        addPane("REPORT lines", logs.reportText(), () -> model.function() != null);
        addPane("Logs Insights: concurrency per second", logs.insights(), () -> model.function() != null);
        getChildren().add(panes);
        VBox.setVgrow(panes, Priority.ALWAYS);
        model.attachView(force -> {
            if (force) {
                refresh();
            } else {
                refreshIfDue();
            }
        });
        sceneProperty().addListener((o, a, b) -> {
            if (b != null) {
                refresh();
            }
        });
    }

    /**
     * Adds a titled pane after the others (two to a row; rows share the height), shown while {@code relevant} says
     * so (a pane of REPORT lines only for a scenario with functions).
     */
    public void addPane(String title, Node content, BooleanSupplier relevant) {
        addPane(title, content, relevant, false);
    }

    /**
     * As {@link #addPane(String, Node, BooleanSupplier)}; a {@code wide} pane placed first in a row gets the larger
     * share of that row's width (the service map, whose boxes need it more than the table beside them).
     */
    public void addPane(String title, Node content, BooleanSupplier relevant, boolean wide) {
        Label head = new Label(title);
        head.getStyleClass().add(OperateStyles.PANE_TITLE);
        head.setMinHeight(Label.USE_PREF_SIZE);
        VBox box = new VBox(4, head, content);
        box.getStyleClass().add(OperateStyles.OPERATE_PANE);
        box.setMinSize(0, 0);
        VBox.setVgrow(content, Priority.ALWAYS);
        if (wide) {
            this.wide.add(box);
            box.setMinHeight(Region.USE_COMPUTED_SIZE); // its row keeps the least height its content draws in
        }
        all.add(box);
        relevance.add(relevant);
        layoutPanes();
    }

    private final List<Node> all = new ArrayList<>();
    /** The boxes of the panes added as wide. */
    private final java.util.Set<Node> wide = new java.util.HashSet<>();
    private final List<BooleanSupplier> relevance = new ArrayList<>();
    private List<Node> placed = List.of();

    /** Places the relevant panes, two to a row, when they changed. */
    private void layoutPanes() {
        List<Node> show = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (relevance.get(i).getAsBoolean()) {
                show.add(all.get(i));
            }
        }
        if (show.equals(placed)) {
            return;
        }
        placed = show;
        panes.getChildren().clear();
        for (int n = 0; n < show.size(); n += 2) {
            GridPane row = new GridPane();
            row.setHgap(6);
            double first = n == 0 ? 38 : wide.contains(show.get(n)) ? 52 : 44;
            for (int i = 0; i < 2; i++) {
                ColumnConstraints c = new ColumnConstraints();
                c.setPercentWidth(i == 0 ? first : 100 - first);
                c.setHgrow(Priority.ALWAYS);
                row.getColumnConstraints().add(c);
            }
            RowConstraints fill = new RowConstraints();
            fill.setVgrow(Priority.ALWAYS);
            row.getRowConstraints().add(fill);
            row.add(show.get(n), 0, 0);
            if (n + 1 < show.size()) {
                row.add(show.get(n + 1), 1, 0);
            }
            if (!wide.contains(show.get(n))) {
                row.setMinHeight(0);
            }
            VBox.setVgrow(row, Priority.ALWAYS);
            panes.getChildren().add(row);
        }
    }

    /** Where a change of the sampling rate goes (the view model's runner command). */
    public void setRateControl(double current, DoubleConsumer sink) {
        rate.setValue(current);
        rateSink = sink;
    }

    public ListView<Trace> traceList() {
        return list;
    }

    public ChoiceBox<TraceFilter> filter() {
        return filter;
    }

    public ChoiceBox<Double> rate() {
        return rate;
    }

    public Waterfall waterfall() {
        return waterfall;
    }

    public LogsPane logs() {
        return logs;
    }

    private void refreshIfDue() {
        long now = System.nanoTime();
        if (getScene() != null && now - lastRefreshNanos >= REFRESH_NANOS) {
            refresh();
        }
    }

    /** Shows the model's traces and lines now (the selected trace stays selected while it is listed). */
    public void refresh() {
        lastRefreshNanos = System.nanoTime();
        if (shownVersion == model.version() && !filterChanged()) {
            return;
        }
        shownVersion = model.version();
        layoutPanes();
        shownFilter = filter.getValue();
        Trace selected = list.getSelectionModel().getSelectedItem();
        List<Trace> all = model.traces();
        List<Trace> shown = filter.getValue().apply(all);
        if (stageFilter != null) {
            shown = shown.stream().filter(this::touchesFilteredNode).toList();
        }
        list.getItems().setAll(shown);
        count.setText(String.format(Locale.ROOT, "%d of %d", shown.size(), all.size())
                + (stageFilter == null ? "" : " at " + stageFilter));
        if (selected != null && shown.contains(selected)) {
            list.getSelectionModel().select(selected);
        } else if (!shown.isEmpty() && selected == null) {
            list.getSelectionModel().select(0);
        }
        logs.refresh();
    }

    private TraceFilter shownFilter;
    /** The service map's selected node ("services.api", "clients.web"), or null: traces through it only. */
    private String stageFilter;

    /**
     * Lists only the traces that pass through this node of the service map: for a client group ("clients.NAME"), its
     * requests; for a stage ("services.NAME", "functions.NAME", ...), those with a span at it. Null lists all again.
     */
    public void filterToNode(String owner) {
        stageFilter = owner;
        shownVersion = -1;
        refresh();
    }

    private boolean touchesFilteredNode(Trace t) {
        String name = stageFilter.substring(stageFilter.indexOf('.') + 1);
        if (stageFilter.startsWith("clients.")) {
            return t.client().equals(name);
        }
        return t.spans().stream().anyMatch(sp -> name.equals(sp.stage()));
    }

    private boolean filterChanged() {
        return shownFilter != filter.getValue();
    }
}
