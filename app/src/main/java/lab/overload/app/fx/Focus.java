package lab.overload.app.fx;

import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/** Keyboard focus hand-off: a text field done with (Enter, Escape) gives the keys back to the lab. */
public final class Focus {
    private Focus() {
    }

    /**
     * Moves the focus from a field to its scene's root, so the lab's keys (space, digits, R...) act on the app again
     * instead of being typed into the field.
     */
    public static void handBack(Node field) {
        Scene scene = field.getScene();
        if (scene != null && scene.getRoot() != null) {
            scene.getRoot().requestFocus();
        }
    }

    /**
     * A field the user types a value into: Enter commits (and when the value was accepted, hands the keys back); Escape
     * restores the current value and hands the keys back.
     *
     * @param commit sends the typed text; returns false when it was refused (the field keeps the focus to fix it)
     * @param restore puts the current value back into the field
     */
    public static void commitOrRestore(TextField field, BooleanSupplier commit, Runnable restore) {
        field.setOnAction(e -> {
            if (commit.getAsBoolean()) {
                handBack(field);
            }
        });
        field.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                restore.run();
                handBack(field);
                e.consume();
            }
        });
    }
}
