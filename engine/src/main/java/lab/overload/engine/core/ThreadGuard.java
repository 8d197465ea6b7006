package lab.overload.engine.core;

/**
 * Enforces the thread rule at the engine's entry points: engine code never runs on the JavaFX application thread
 * (which would freeze the window). The engine cannot see JavaFX, so it recognises that thread by its fixed name.
 */
public final class ThreadGuard {
    /** The name JavaFX gives its application thread. */
    public static final String FX_THREAD_NAME = "JavaFX Application Thread";

    private ThreadGuard() {
    }

    /** Throws IllegalStateException when called on the JavaFX application thread. */
    public static void checkNotUiThread() {
        if (FX_THREAD_NAME.equals(Thread.currentThread().getName())) {
            throw new IllegalStateException("engine code must not run on the " + FX_THREAD_NAME);
        }
    }
}
