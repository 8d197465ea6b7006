package lab.overload.app.fx;

import javafx.scene.Node;
import javafx.scene.Scene;

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
}
