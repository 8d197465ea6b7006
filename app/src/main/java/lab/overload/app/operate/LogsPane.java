package lab.overload.app.operate;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import lab.overload.engine.operate.LogsInsights;
import lab.overload.models.json.AtomicFiles;

/**
 * The function's REPORT lines as text (the latest {@link #LINES_SHOWN}; Export writes all that are held) and the
 * Logs Insights table computed from them, with the true concurrency beside the formula's and the sentence that
 * says why they differ.
 */
public final class LogsPane {
    public static final int LINES_SHOWN = 200;
    /** The Logs Insights table's column titles. */
    public static final String SECOND = "bin(1s)";
    public static final String AVG = "avg(@duration)";
    public static final String COUNT = "count(*)";
    public static final String CONCURRENCY = "concurrency";
    public static final String TRUE = "true concurrency";
    public static final String WHY = "The query books each invoke's whole duration into the second it ended in, though"
            + " it ran in the seconds before: long invokes and bursts move concurrency between seconds. Over a steady"
            + " minute the two agree (Little's law).";
    static final String NO_FUNCTION = "No REPORT lines: the scenario has no function.";

    private final OperateModel model;
    private final ListView<String> text = new ListView<>();
    private final Label status = new Label();
    private final TableView<LogsInsights.Row> table = new TableView<>();
    private final VBox reportBox;
    private final VBox insightsBox;
    private final javafx.scene.control.ChoiceBox<String> functionChoice = new javafx.scene.control.ChoiceBox<>();

    LogsPane(OperateModel model) {
        this.model = model;
        text.getStyleClass().add(OperateStyles.REPORT_TEXT);
        Button export = new Button("Export lines...");
        export.setOnAction(e -> chooseAndExport());
        functionChoice.setTooltip(new javafx.scene.control.Tooltip("The function whose REPORT lines and Logs Insights"
                + " table are shown"));
        functionChoice.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(model.function())) {
                model.show(b);
                refresh();
            }
        });
        HBox bar = new HBox(8, functionChoice, export, status);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        reportBox = new VBox(4, text, bar);
        VBox.setVgrow(text, Priority.ALWAYS);
        table.getStyleClass().add(OperateStyles.INSIGHTS_TABLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label(NO_FUNCTION));
        table.getColumns().add(column(SECOND, r -> String.format(Locale.ROOT, "%d s", r.second())));
        table.getColumns().add(column(AVG, r -> String.format(Locale.ROOT, "%.1f ms", r.avgDurationMillis())));
        table.getColumns().add(column(COUNT, r -> Long.toString(r.count())));
        table.getColumns().add(column(CONCURRENCY, r -> String.format(Locale.ROOT, "%.2f", r.concurrency())));
        table.getColumns().add(column(TRUE, r -> Double.isNaN(r.trueConcurrency()) ? "-"
                : String.format(Locale.ROOT, "%.2f", r.trueConcurrency())));
        table.setMinSize(0, 0);
        table.getColumns().get(0).setMaxWidth(64);
        table.getColumns().get(2).setMaxWidth(80);
        TableColumn<LogsInsights.Row, ?> truth = table.getColumns().get(4);
        truth.setText(null); // two lines, so the title reads at presenter sizes
        truth.setGraphic(new Label("true\nconcurrency"));
        Label why = new Label(WHY);
        why.getStyleClass().add(OperateStyles.INSIGHTS_NOTE);
        why.setWrapText(true);
        why.setMinHeight(Label.USE_PREF_SIZE);
        insightsBox = new VBox(4, table, why);
        VBox.setVgrow(table, Priority.ALWAYS);
    }

    private static TableColumn<LogsInsights.Row, String> column(String title,
                                                                Function<LogsInsights.Row, String> value) {
        TableColumn<LogsInsights.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    VBox reportText() {
        return reportBox;
    }

    VBox insights() {
        return insightsBox;
    }

    public TableView<LogsInsights.Row> table() {
        return table;
    }

    /** The lines shown, as text. */
    public String text() {
        StringBuilder b = new StringBuilder();
        for (String line : text.getItems()) {
            b.append(line).append('\n');
        }
        return b.toString();
    }

    /** The choice of the function whose lines are shown. */
    public javafx.scene.control.ChoiceBox<String> functionChoice() {
        return functionChoice;
    }

    void refresh() {
        if (!functionChoice.getItems().equals(model.functions())) {
            functionChoice.getItems().setAll(model.functions());
        }
        functionChoice.setValue(model.function());
        functionChoice.setVisible(model.functions().size() > 1);
        functionChoice.setManaged(model.functions().size() > 1);
        if (model.function() == null) {
            text.getItems().setAll(NO_FUNCTION);
            table.getItems().clear();
            status.setText("");
            return;
        }
        text.getItems().setAll(model.linesText(LINES_SHOWN).replace("\t", "  ").split("\n"));
        text.scrollTo(text.getItems().size() - 1);
        table.getItems().setAll(model.insights());
        status.setText(String.format(Locale.ROOT, "%s: %d lines held", model.function(), model.lines().size()));
    }

    /** Writes every line held to {@code file}, atomically. */
    public void exportTo(Path file) throws IOException {
        AtomicFiles.write(file, model.linesText(Integer.MAX_VALUE).getBytes(StandardCharsets.UTF_8));
    }

    private void chooseAndExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export REPORT lines");
        chooser.setInitialFileName("report-lines.txt");
        File f = chooser.showSaveDialog(text.getScene() == null ? null : text.getScene().getWindow());
        if (f == null) {
            return;
        }
        try {
            exportTo(f.toPath());
            status.setText("Exported to " + f.getName());
        } catch (IOException e) {
            status.setText("Export failed: " + e.getMessage() + " (nothing was written)");
        }
    }
}
