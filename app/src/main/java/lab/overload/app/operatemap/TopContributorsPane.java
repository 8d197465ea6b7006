package lab.overload.app.operatemap;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import lab.overload.app.chart.Ticks;
import lab.overload.engine.metrics.IntervalSnapshot;
import org.controlsfx.control.SegmentedButton;

/**
 * The top contributors table (titled by the Operate tab's pane): rank, client group or tenant, value and share of
 * the total, for the chosen kind of contributor, metric and window (all picked above the table). Refreshed at most on
 * {@link #refreshIfDirty()}. FX thread only.
 */
public final class TopContributorsPane extends VBox {
    public static final int TOP_N = 10;
    static final String PANE = "top-contributors";
    private final TopContributors data = new TopContributors();
    private final GridPane table = new GridPane();
    private TopContributors.By by = TopContributors.By.CLIENT_GROUPS;
    private TopContributors.Metric metric = TopContributors.Metric.REQUESTS;
    private TopContributors.Window window = TopContributors.Window.LAST_10_S;
    private boolean dirty = true;

    public TopContributorsPane() {
        super(6);
        getStyleClass().add(PANE);
        setId("top-contributors");
        SegmentedButton kinds = new SegmentedButton();
        kinds.setId("top-by");
        for (TopContributors.By b : TopContributors.By.values()) {
            kinds.getButtons().add(toggle(b.label(), b == by, () -> {
                by = b;
                refresh();
            }));
        }
        SegmentedButton metrics = new SegmentedButton();
        for (TopContributors.Metric m : TopContributors.Metric.values()) {
            metrics.getButtons().add(toggle(m.name().toLowerCase(Locale.ROOT), m == metric, () -> {
                metric = m;
                refresh();
            }));
        }
        SegmentedButton windows = new SegmentedButton();
        for (TopContributors.Window w : TopContributors.Window.values()) {
            windows.getButtons().add(toggle(w.label(), w == window, () -> {
                window = w;
                refresh();
            }));
        }
        // wraps in a narrow pane (the Operate tab puts it beside the service map)
        FlowPane pickers = new FlowPane(10, 4, kinds, metrics, windows);
        pickers.setAlignment(Pos.CENTER_LEFT);
        table.setHgap(18);
        table.setVgap(3);
        table.getStyleClass().add("top-table");
        getChildren().addAll(pickers, table);
        refresh();
    }

    private static ToggleButton toggle(String text, boolean selected, Runnable action) {
        ToggleButton b = new ToggleButton(text);
        b.setSelected(selected);
        b.setFocusTraversable(false);
        b.setOnAction(e -> {
            b.setSelected(true);
            action.run();
        });
        return b;
    }

    public void clear() {
        data.clear();
        dirty = true;
    }

    public void add(IntervalSnapshot s) {
        data.add(s);
        dirty = true;
    }

    public TopContributors data() {
        return data;
    }

    /** Chooses client groups or tenants (as the first picker does). */
    public void show(TopContributors.By b) {
        by = b;
        refresh();
    }

    public TopContributors.By by() {
        return by;
    }

    /** Chooses what is ranked and over which window (as the pickers do). */
    public void show(TopContributors.Metric m, TopContributors.Window w) {
        metric = m;
        window = w;
        refresh();
    }

    /** Rebuilds the table when new data arrived, it is on screen, and it was last rebuilt over 250 ms ago. */
    public void refreshIfDirty() {
        long now = System.nanoTime();
        if (dirty && getScene() != null && now - lastRefreshNanos >= 250_000_000L) {
            refresh();
        }
    }

    private long lastRefreshNanos;

    /** The rows shown now. */
    public List<TopContributors.Row> rows() {
        return data.top(by, metric, window, TOP_N);
    }

    /** Rebuilds the table now (for snapshots). */
    public void refresh() {
        dirty = false;
        lastRefreshNanos = System.nanoTime();
        table.getChildren().clear();
        String[] head = {"#", by == TopContributors.By.TENANTS ? "tenant" : "client group", metric.label() + " (" + window.label() + ")", "share"};
        for (int c = 0; c < head.length; c++) {
            Label l = new Label(head[c]);
            l.getStyleClass().add("top-head");
            table.add(l, c, 0);
        }
        List<TopContributors.Row> rows = rows();
        for (TopContributors.Row r : rows) {
            table.add(new Label(Integer.toString(r.rank())), 0, r.rank());
            table.add(new Label(r.key()), 1, r.rank());
            table.add(new Label(Ticks.formatValue(r.value())), 2, r.rank());
            table.add(new Label(Double.isNaN(r.share()) ? "\u2013"
                    : String.format(Locale.ROOT, "%.1f%%", 100 * r.share())), 3, r.rank());
        }
        if (rows.isEmpty()) {
            table.add(new Label(by == TopContributors.By.TENANTS && !data.isEmpty()
                    ? "no client group stands for more than one tenant" : "nothing yet: press play"), 0, 1, 4, 1);
        }
    }
}
