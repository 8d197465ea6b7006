package lab.overload.app.queues;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;

/**
 * The Queues tab: the queue selector and the noisy-neighbour switch in a row on top; the lanes as bars with the noisy
 * tenant's hand highlighted, the overlap table (exact next to measured) and the most affected tenants' message ages
 * below it; the backlog, the oldest message's age and the drops by cause over time at the bottom.
 */
public final class QueuesView extends GridPane {
    static final String NO_HANDS = "No hands: set mapping to HASH or SHUFFLE_SHARD.";
    /** The overlap table's column titles. */
    public static final String SHARED = "m";
    public static final String EXACT = "exact";
    public static final String MEASURED = "measured";
    public static final String TENANTS = "tenants";
    public static final String IMPACTED = "impacted";
    /** The most affected tenants' column titles. */
    public static final String TENANT = "tenant";
    public static final String MESSAGES = "msgs";
    public static final String P50 = "p50 ms";
    public static final String P99 = "p99 ms";
    public static final String MAX = "max ms";
    static final String NO_AGES = "No message taken in the last second.";
    private final TableView<OverlapRow> table = new TableView<>();
    private final TableView<TenantAgeRow> ages = new TableView<>();
    private final QueueControls controls;

    public QueuesView(QueueCharts queues, lab.overload.app.viewmodel.LabViewModel vm) {
        setId("queues");
        getStyleClass().add(QueueStyles.QUEUES_VIEW);
        table.getStyleClass().add(QueueStyles.OVERLAP_TABLE);
        table.setItems(queues.overlap());
        Label noHands = new Label(NO_HANDS);
        noHands.setWrapText(true);
        table.setPlaceholder(noHands);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(column(SHARED, r -> Integer.toString(r.lanesShared())));
        table.getColumns().add(column(EXACT, r -> percent(r.exactPercent())));
        table.getColumns().add(column(MEASURED, r -> percent(r.measuredPercent())));
        table.getColumns().add(column(TENANTS, r -> r.tenants() < 0 ? "-" : Long.toString(r.tenants())));
        table.getColumns().add(column(IMPACTED, r -> percent(r.impactedPercent())));
        table.setFixedCellSize(24);
        table.getColumns().get(0).setMaxWidth(60);
        VBox overlapBox = new VBox(2, caption("Lanes m shared with the noisy hand, %",
                "Other tenants by m, the lanes their hand shares with the noisy tenant's: exact and measured %; "
                        + "impacted: % of those sending with a message over 1 s old"), table);
        VBox agesBox = agesBox(queues);
        fitRows(table);
        VBox.setVgrow(agesBox, Priority.ALWAYS);
        agesBox.setMinHeight(0);
        VBox tables = new VBox(6, overlapBox, agesBox);
        controls = new QueueControls(queues, vm);
        VBox left = new VBox(4, controls, queues.bars);
        VBox.setVgrow(queues.bars, Priority.ALWAYS);
        GridPane top = columns(50, 50);
        top.add(left, 0, 0);
        top.add(tables, 1, 0);
        GridPane bottom = columns(100 / 3.0, 100 / 3.0, 100 / 3.0);
        bottom.add(queues.backlogChart, 0, 0);
        bottom.add(queues.ageChart, 1, 0);
        bottom.add(queues.dropsChart, 2, 0);
        setHgap(6);
        setVgap(6);
        add(top, 0, 0);
        add(bottom, 0, 1);
        ColumnConstraints all = new ColumnConstraints();
        all.setPercentWidth(100);
        all.setHgrow(Priority.ALWAYS);
        getColumnConstraints().add(all);
        for (int i = 0; i < 2; i++) {
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(50);
            r.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(r);
        }
    }

    /** Overlap rows always shown in full (a hand of 2 has 3); more than {@link #ROWS_SHOWN} scroll. */
    private static final int ROWS_KEPT = 3;
    private static final int ROWS_SHOWN = 6;

    /**
     * The overlap table as tall as its rows (at most {@link #ROWS_SHOWN}, at least {@link #ROWS_KEPT} however short
     * the tab): its cells have a fixed height from CSS, so the header and rows add up to a known height.
     */
    private static void fitRows(TableView<OverlapRow> t) {
        javafx.beans.binding.DoubleBinding rows = javafx.beans.binding.Bindings.createDoubleBinding(
                () -> t.getFixedCellSize() * (Math.min(ROWS_SHOWN, Math.max(1, t.getItems().size())) + 1.2),
                t.fixedCellSizeProperty(), t.getItems());
        t.prefHeightProperty().bind(rows);
        t.minHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> t.getFixedCellSize() * (Math.min(ROWS_KEPT, Math.max(1, t.getItems().size())) + 1.2),
                t.fixedCellSizeProperty(), t.getItems()));
    }

    /** A grid of one row that fills its height, with columns of these percentages. */
    private static GridPane columns(double... percents) {
        GridPane g = new GridPane();
        g.setHgap(6);
        for (double pct : percents) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(pct);
            c.setHgrow(Priority.ALWAYS);
            g.getColumnConstraints().add(c);
        }
        RowConstraints fill = new RowConstraints();
        fill.setVgrow(Priority.ALWAYS);
        g.getRowConstraints().add(fill);
        return g;
    }

    private static Label caption(String text, String tooltip) {
        Label caption = new Label(text);
        caption.setTooltip(new javafx.scene.control.Tooltip(tooltip));
        caption.getStyleClass().add(QueueStyles.OVERLAP_CAPTION);
        caption.setWrapText(true);
        caption.setMinHeight(Label.USE_PREF_SIZE);
        return caption;
    }

    private VBox agesBox(QueueCharts queues) {
        ages.getStyleClass().add(QueueStyles.TENANT_AGES_TABLE);
        ages.setItems(queues.tenantAges());
        ages.setPlaceholder(new Label(NO_AGES));
        ages.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        ages.getColumns().add(column(TENANT, r -> r.tenant() + (r.noisy() ? " noisy" : "")));
        ages.getColumns().add(column(MESSAGES, r -> Long.toString(r.messages())));
        ages.getColumns().add(column(P50, r -> millis(r.p50Millis())));
        ages.getColumns().add(column(P99, r -> millis(r.p99Millis())));
        ages.getColumns().add(column(MAX, r -> millis(r.maxMillis())));
        ages.setMinSize(0, 0);
        ages.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(TenantAgeRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove(QueueStyles.NOISY_ROW);
                if (!empty && row != null && row.noisy()) {
                    getStyleClass().add(QueueStyles.NOISY_ROW);
                }
            }
        });
        VBox box = new VBox(2, caption("Most affected tenants, last second",
                "The tenants whose messages taken in the last simulated second were oldest (highest p99 first), "
                        + "and the noisy tenant"), ages);
        VBox.setVgrow(ages, Priority.ALWAYS);
        return box;
    }

    /** The most affected tenants' table. */
    public TableView<TenantAgeRow> agesTable() {
        return ages;
    }

    /** The queue selector and the noisy-neighbour switch. */
    public QueueControls controls() {
        return controls;
    }

    private static String millis(double ms) {
        return Double.isNaN(ms) ? "-" : ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms)
                : String.format(Locale.ROOT, "%.1f", ms);
    }

    /** The overlap table. */
    public TableView<OverlapRow> table() {
        return table;
    }

    /** The text a cell of the table shows. */
    public static <R> String cellText(TableColumn<R, String> column, R row) {
        return column.getCellValueFactory().call(new TableColumn.CellDataFeatures<>(null, column, row)).getValue();
    }

    private static String percent(double p) {
        return Double.isNaN(p) ? "-" : String.format(Locale.ROOT, "%.1f", p);
    }

    private static <R> TableColumn<R, String> column(String title, Function<R, String> text) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setSortable(false);
        c.setReorderable(false);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(text.apply(d.getValue())));
        return c;
    }
}
