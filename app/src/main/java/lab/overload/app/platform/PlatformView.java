package lab.overload.app.platform;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;

/**
 * The Platform tab: two rows of equal height. On top the sandbox grid (the widest cell) and charts beside it, below
 * the other charts side by side.
 */
public final class PlatformView extends VBox {
    /** The grid's share of the top row's width, percent (the charts beside it share the rest). */
    static final double GRID_PERCENT = 40;

    public PlatformView(SandboxGrid grid, List<? extends Node> besideGrid, List<? extends Node> below) {
        super(6);
        setId("platform");
        getStyleClass().add(PlatformStyles.PLATFORM_VIEW);
        GridPane top = row();
        top.add(grid, 0, 0);
        top.getColumnConstraints().add(column(GRID_PERCENT));
        for (int i = 0; i < besideGrid.size(); i++) {
            top.add(besideGrid.get(i), i + 1, 0);
            top.getColumnConstraints().add(column((100 - GRID_PERCENT) / besideGrid.size()));
        }
        GridPane bottom = row();
        for (int i = 0; i < below.size(); i++) {
            bottom.add(below.get(i), i, 0);
            bottom.getColumnConstraints().add(column(100.0 / below.size()));
        }
        getChildren().addAll(top, bottom);
    }

    private static GridPane row() {
        GridPane row = new GridPane();
        row.setHgap(6);
        RowConstraints fill = new RowConstraints();
        fill.setVgrow(Priority.ALWAYS);
        row.getRowConstraints().add(fill);
        row.setMinHeight(0);
        row.setPrefHeight(0);
        VBox.setVgrow(row, Priority.ALWAYS);
        return row;
    }

    private static ColumnConstraints column(double percent) {
        ColumnConstraints c = new ColumnConstraints();
        c.setPercentWidth(percent);
        c.setHgrow(Priority.ALWAYS);
        return c;
    }
}
