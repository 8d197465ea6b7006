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
 * The Queues tab: the lanes as bars with the noisy tenant's hand highlighted and the overlap table (exact next to
 * measured) on top; the backlog, the oldest message's age and the drops by cause over time below.
 */
public final class QueuesView extends GridPane {
    static final String NO_HANDS = "No overlap table: the queue deals no hands (set mapping to SHUFFLE_SHARD or HASH).";
    /** The overlap table's column titles. */
    public static final String SHARED = "m";
    public static final String EXACT = "exact";
    public static final String MEASURED = "measured";
    public static final String TENANTS = "tenants";
    public static final String IMPACTED = "impacted";
    private final TableView<OverlapRow> table = new TableView<>();

    public QueuesView(QueueCharts queues) {
        setId("queues");
        getStyleClass().add(QueueStyles.QUEUES_VIEW);
        setHgap(6);
        setVgap(6);
        table.getStyleClass().add(QueueStyles.OVERLAP_TABLE);
        table.setItems(queues.overlap());
        table.setPlaceholder(new Label(NO_HANDS));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(column(SHARED, r -> Integer.toString(r.lanesShared())));
        table.getColumns().add(column(EXACT, r -> percent(r.exactPercent())));
        table.getColumns().add(column(MEASURED, r -> percent(r.measuredPercent())));
        table.getColumns().add(column(TENANTS, r -> r.tenants() < 0 ? "-" : Long.toString(r.tenants())));
        table.getColumns().add(column(IMPACTED, r -> percent(r.impactedPercent())));
        table.setMinSize(0, 0);
        table.getColumns().get(0).setMaxWidth(60);
        Label caption = new Label("Other tenants by m, the lanes their hand shares with the noisy tenant's: exact "
                + "and measured %; impacted: % of those sending with a message over 1 s old");
        caption.getStyleClass().add(QueueStyles.OVERLAP_CAPTION);
        caption.setWrapText(true);
        caption.setMinHeight(Label.USE_PREF_SIZE);
        VBox overlapBox = new VBox(4, caption, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        GridPane top = new GridPane();
        top.setHgap(6);
        for (double pct : new double[] {52, 48}) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(pct);
            c.setHgrow(Priority.ALWAYS);
            top.getColumnConstraints().add(c);
        }
        RowConstraints fill = new RowConstraints();
        fill.setVgrow(Priority.ALWAYS);
        top.getRowConstraints().add(fill);
        top.add(queues.bars, 0, 0);
        top.add(overlapBox, 1, 0);
        add(top, 0, 0, 3, 1);
        add(queues.backlogChart, 0, 1);
        add(queues.ageChart, 1, 1);
        add(queues.dropsChart, 2, 1);
        for (int i = 0; i < 3; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100 / 3.0);
            c.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(c);
        }
        for (int i = 0; i < 2; i++) {
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(50);
            r.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(r);
        }
    }

    /** The overlap table. */
    public TableView<OverlapRow> table() {
        return table;
    }

    /** The text a cell of the table shows. */
    public static String cellText(TableColumn<OverlapRow, String> column, OverlapRow row) {
        return column.getCellValueFactory().call(new TableColumn.CellDataFeatures<>(null, column, row)).getValue();
    }

    private static String percent(double p) {
        return Double.isNaN(p) ? "-" : String.format(Locale.ROOT, "%.1f", p);
    }

    private static TableColumn<OverlapRow, String> column(String title, Function<OverlapRow, String> text) {
        TableColumn<OverlapRow, String> c = new TableColumn<>(title);
        c.setSortable(false);
        c.setReorderable(false);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(text.apply(d.getValue())));
        return c;
    }
}
