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

/**
 * The Queues tab: the lanes as bars with the noisy tenant's hand highlighted and the overlap table (exact next to
 * measured) on top; the backlog, the oldest message's age and the drops by cause over time below.
 */
public final class QueuesView extends GridPane {
    static final String NO_HANDS = "No overlap table: the queue deals no hands (set mapping to SHUFFLE_SHARD or HASH).";
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
        table.getColumns().add(column("lanes shared", r -> Integer.toString(r.lanesShared())));
        table.getColumns().add(column("exact %", r -> percent(r.exactPercent())));
        table.getColumns().add(column("measured %", r -> percent(r.measuredPercent())));
        table.getColumns().add(column("tenants", r -> r.tenants() < 0 ? "-" : Long.toString(r.tenants())));
        table.getColumns().add(column("impacted %", r -> percent(r.impactedPercent())));
        table.setMinSize(0, 0);
        add(queues.bars, 0, 0, 2, 1);
        add(table, 2, 0);
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
