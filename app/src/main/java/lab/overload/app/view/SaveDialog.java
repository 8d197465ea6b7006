package lab.overload.app.view;

import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import lab.overload.app.viewmodel.PresetCatalog;

/**
 * Asks for the name to save a scenario under. Save (Enter) writes it to the user's preset folder, to the file the
 * dialog shows as the name is typed; "Save as file..." lets the caller pick another place.
 */
public final class SaveDialog extends Dialog<SaveDialog.Choice> {
    /** The name to save under, and whether the user wants to pick the file instead of the preset folder. */
    public record Choice(String name, boolean pickFile) {
    }

    public static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
    public static final ButtonType SAVE_AS_FILE = new ButtonType("Save as file...", ButtonBar.ButtonData.OTHER);

    private final TextField name = new TextField();

    public SaveDialog(Window owner, String initialName) {
        initOwner(owner);
        setTitle("Save scenario");
        setHeaderText("Save the scenario, with your changes, to your presets");
        name.setId("save-name");
        name.setText(initialName);
        name.setPrefColumnCount(28);
        Label target = new Label();
        target.setId("save-target");
        target.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> "File: " + PresetCatalog.userFileFor(name.getText()), name.textProperty()));
        getDialogPane().setContent(new VBox(8, new Label("Name (shown in the preset picker)"), name, target));
        getDialogPane().getButtonTypes().addAll(SAVE, SAVE_AS_FILE, ButtonType.CANCEL);
        getDialogPane().lookupButton(SAVE).disableProperty().bind(name.textProperty().isEmpty());
        setResultConverter(b -> b == SAVE || b == SAVE_AS_FILE ? new Choice(name.getText().strip(), b == SAVE_AS_FILE)
                : null);
        setOnShown(e -> Platform.runLater(() -> {
            name.requestFocus();
            name.selectAll();
        }));
    }

    /** Shows the dialog and waits for the user. */
    public static Optional<Choice> ask(Window owner, String initialName) {
        return new SaveDialog(owner, initialName).showAndWait();
    }

    /** The file a name is saved to in the preset folder. */
    public static Path fileFor(Choice choice) {
        return PresetCatalog.userFileFor(choice.name());
    }
}
