package lab.overload.app.view;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;
import lab.overload.app.fx.Styles;

/**
 * Fits a tab pane's tab names to its width, all of them together, before JavaFX's overflow menu has to hide the last
 * ones: when the names do not fit as the stylesheet sets them, the tabs take narrower padding, then regular weight,
 * then the 12 px the presenter layout uses (never smaller). Each step keeps the ones before it, and the first step
 * whose names fit is kept; the overflow menu shows only when even the last does not fit. Decided again when the
 * pane's width or its tabs change, or when {@link #refit()} says the window's style did (presenter mode).
 */
final class TabNamesFit {
    /** The steps in order, each a style class added to the ones before (see the stylesheet). */
    static final List<String> STEPS = List.of(Styles.TABS_NARROW, Styles.TABS_REGULAR, Styles.TABS_SMALL);
    /**
     * Room the header area keeps beside the names: the overflow menu's button and the spacer JavaFX leaves before
     * it decides the names fit.
     */
    private static final double SPARE = 24;

    private final TabPane pane;
    private boolean stale = true;

    TabNamesFit(TabPane pane) {
        this.pane = pane;
        pane.widthProperty().addListener((o, a, b) -> refit());
        pane.getTabs().addListener((ListChangeListener<Object>) c -> refit());
    }

    /** Decides the steps again at the next layout. */
    void refit() {
        stale = true;
        pane.requestLayout();
    }

    /** Call at the start of the pane's layout: picks the steps if they may have changed (FX thread). */
    void beforeLayout() {
        if (!stale || pane.getWidth() <= 0) {
            return;
        }
        Node headers = pane.lookup(".headers-region");
        if (headers == null) {
            return; // no skin yet
        }
        stale = false;
        for (int steps = 0; steps <= STEPS.size(); steps++) {
            take(STEPS.subList(0, steps));
            if (fits(headers)) {
                return;
            }
        }
    }

    /** Sets the steps' style classes (only if they change, as that restyles the whole pane) and applies the CSS. */
    private void take(List<String> steps) {
        if (!pane.getStyleClass().stream().filter(STEPS::contains).toList().equals(steps)) {
            pane.getStyleClass().removeAll(STEPS);
            pane.getStyleClass().addAll(steps);
        }
        pane.applyCss();
    }

    private boolean fits(Node headers) {
        Node area = pane.lookup(".tab-header-area");
        Insets around = area instanceof Region r ? r.getInsets() : Insets.EMPTY;
        double room = pane.getWidth() - pane.getInsets().getLeft() - pane.getInsets().getRight()
                - around.getLeft() - around.getRight();
        return headers.prefWidth(-1) + SPARE <= room;
    }
}
