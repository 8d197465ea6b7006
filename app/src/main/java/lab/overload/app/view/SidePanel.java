package lab.overload.app.view;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/**
 * A side of the window that is either open (its full panel) or collapsed to a narrow strip, so the charts keep the
 * room; toggled by a key (see {@code OverloadLabApp.handleKey}) or the strip's own button.
 */
final class SidePanel extends StackPane {
    private final BooleanProperty open = new SimpleBooleanProperty(this, "open", true);
    private final Node full;
    private final Node strip;

    SidePanel(String id, Node full, Node strip) {
        this.full = full;
        this.strip = strip;
        setId(id);
        open.addListener((o, a, b) -> show());
        show();
    }

    private void show() {
        getChildren().setAll(open.get() ? full : strip);
    }

    BooleanProperty openProperty() {
        return open;
    }

    void toggle() {
        open.set(!open.get());
    }
}
