package lab.overload.app.view;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import lab.overload.app.viewmodel.LabViewModel;
import lab.overload.app.viewmodel.PresetCatalog;

/**
 * Open and save as the user does them (toolbar icons, Ctrl+O, Ctrl+S): save asks for a name and writes into the
 * user's preset folder, which the picker lists at once; an opened file becomes the picked preset.
 */
public final class FileActions {
    private final LabViewModel vm;
    private final LabToolbar toolbar;
    private final Node anchor;

    FileActions(LabViewModel vm, LabToolbar toolbar, Node anchor) {
        this.vm = vm;
        this.toolbar = toolbar;
        this.anchor = anchor;
    }

    private Window owner() {
        return anchor.getScene() == null ? null : anchor.getScene().getWindow();
    }

    /** Picks a file and opens it. */
    public void open() {
        File f = chooser("Open scenario").showOpenDialog(owner());
        if (f != null) {
            openFile(f.toPath());
        }
    }

    /**
     * Opens a scenario file: it runs from t = 0, the lesson panel shows it and the picker shows it as the picked
     * preset. A file that cannot be read changes nothing and shows why. Returns whether it opened.
     */
    public boolean openFile(Path file) {
        if (!vm.loadFile(file)) {
            return false;
        }
        toolbar.refreshPresets(file);
        return true;
    }

    /**
     * Asks for a name and saves the scenario, with the live changes and that name, into the preset folder (or a file
     * the user picks); the picker lists it at once.
     */
    public void save() {
        SaveDialog.ask(owner(), vm.scenarioProperty().get().name()).ifPresent(choice -> {
            Path target = SaveDialog.fileFor(choice);
            if (choice.pickFile()) {
                FileChooser chooser = chooser("Save scenario as file");
                chooser.setInitialFileName(target.getFileName().toString());
                File f = chooser.showSaveDialog(owner());
                if (f == null) {
                    return;
                }
                target = f.toPath();
            } else if (Files.exists(target) && !confirmReplace(target)) {
                return;
            }
            if (vm.saveAs(choice.name(), target)) {
                toolbar.refreshPresets(null);
            }
        });
    }

    private boolean confirmReplace(Path target) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "Replace " + target + "?", ButtonType.OK,
                ButtonType.CANCEL);
        alert.initOwner(owner());
        alert.setHeaderText("A preset file of that name exists");
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    /** A chooser for scenario files that starts in the preset folder (created when missing). */
    private static FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario JSON", "*.json"));
        File folder = PresetCatalog.userFolder().toFile();
        try {
            Files.createDirectories(folder.toPath());
            chooser.setInitialDirectory(folder);
        } catch (IOException e) {
            // the chooser starts in its own default folder
        }
        return chooser;
    }
}
