package lab.overload.app.headless;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Starts JavaFX without a display (Monocle's headless glass platform with the software renderer), for the
 * screenshot and frame-time commands. It must run before anything else touches JavaFX to be headless: when a toolkit
 * is already running in this JVM (a test harness), that one is used as it was started.
 */
public final class HeadlessFx {
    private static boolean started;

    private HeadlessFx() {
    }

    public static synchronized void start() {
        if (started) {
            return;
        }
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", "1920x1200-32");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
        CompletableFuture<Void> ready = new CompletableFuture<>();
        try {
            Platform.startup(() -> ready.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            ready.complete(null); // the toolkit was started by someone else in this JVM (a test harness): use it
        }
        Platform.setImplicitExit(false);
        ready.join();
        started = true;
    }

    /** Runs a task on the FX thread and waits for its result. */
    public static <T> T onFx(Supplier<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(task.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("FX task failed: " + e.getMessage(), e);
        }
    }
}
