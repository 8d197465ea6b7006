package lab.overload.app.viewmodel;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the user chose about how the live charts read: the smoothing of legend values and read-outs (a 1 s mean by
 * default, readable on a projector). FX thread only.
 */
public final class ChartOptions {
    /** The default: a one-second mean, so rates read steadily while the lines still show every sample. */
    public static final Smoothing DEFAULT_SMOOTHING = Smoothing.ONE_SECOND;

    private final ObjectProperty<Smoothing> smoothing = new SimpleObjectProperty<>(this, "smoothing",
            DEFAULT_SMOOTHING) {
        @Override
        public void set(Smoothing value) {
            super.set(value == null ? DEFAULT_SMOOTHING : value);
        }
    };

    public ObjectProperty<Smoothing> smoothingProperty() {
        return smoothing;
    }

    public Smoothing getSmoothing() {
        return smoothing.get();
    }

    public void setSmoothing(Smoothing value) {
        smoothing.set(value);
    }
}
